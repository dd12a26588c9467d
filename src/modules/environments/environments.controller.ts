import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { OrgPageQuery } from '../../common/http/page.query.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { CreateEnvironmentDto, UpdateEnvironmentDto } from './dto/environment-input.dto.js';
import {
  EnvironmentPage,
  EnvironmentResponse,
  EnvironmentTestResponse,
} from './dto/environment-responses.dto.js';
import { EnvironmentCheck } from './environment-check.service.js';
import { EnvironmentsService } from './environments.service.js';

const OrgQuery = () => ApiQuery({ name: 'organization_id', required: true, type: String, format: 'uuid' });
const EnvParam = () => ApiParam({ name: 'environment_id', format: 'uuid' });

@ApiTags('environments')
@Controller({ path: 'environments', version: '1' })
export class EnvironmentsController {
  constructor(
    private readonly environments: EnvironmentsService,
    private readonly check: EnvironmentCheck,
  ) {}

  @Post()
  @ApiConflictResponse({ description: 'An environment with this name already exists in the organization.' })
  @RequirePermission('org.environment.create')
  @OrgQuery()
  @ApiCreatedResponse({ type: EnvironmentResponse })
  @ApiOperation({
    summary:
      "Create an environment (a database and optionally a filestore directory to back up); its source must be allowed by the platform's source policy.",
  })
  create(@OrgAuth() auth: OrgAuthContext, @Body() dto: CreateEnvironmentDto): Promise<EnvironmentResponse> {
    return this.environments.create(auth, dto);
  }

  @Get()
  @RequirePermission('org.environment.list')
  @ApiOkResponse({ type: EnvironmentPage })
  @ApiOperation({ summary: "The organization's environments, newest first." })
  list(@OrgAuth() auth: OrgAuthContext, @Query() query: OrgPageQuery): Promise<EnvironmentPage> {
    return this.environments.list(auth, query);
  }

  @Get(':environment_id')
  @RequirePermission('org.environment.list')
  @EnvParam()
  @ApiOkResponse({ type: EnvironmentResponse })
  @ApiOperation({ summary: 'One environment.' })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('environment_id', ParseIdPipe) id: string,
  ): Promise<EnvironmentResponse> {
    return this.environments.get(auth, id);
  }

  @Patch(':environment_id')
  @ApiConflictResponse({ description: 'An environment with this name already exists in the organization.' })
  @RequirePermission('org.environment.update')
  @EnvParam()
  @ApiOkResponse({ type: EnvironmentResponse })
  @ApiOperation({ summary: 'Update an environment; omitting database.password keeps the stored one.' })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('environment_id', ParseIdPipe) id: string,
    @Body() dto: UpdateEnvironmentDto,
  ): Promise<EnvironmentResponse> {
    return this.environments.update(auth, id, dto);
  }

  @Delete(':environment_id')
  @ApiConflictResponse({ description: 'The environment still has backups: delete them first.' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @RequirePermission('org.environment.delete')
  @EnvParam()
  @ApiOperation({ summary: 'Delete an environment; refused (409) while it has backups.' })
  async remove(
    @OrgAuth() auth: OrgAuthContext,
    @Param('environment_id', ParseIdPipe) id: string,
  ): Promise<void> {
    await this.environments.remove(auth, id);
  }

  @Post(':environment_id/test')
  @HttpCode(200)
  // update, not list: the test dials the source, which a viewer must not be able to trigger.
  @RequirePermission('org.environment.update')
  @EnvParam()
  @ApiOkResponse({ type: EnvironmentTestResponse })
  @ApiOperation({
    summary:
      'Check the environment from this server: database login and version, the pg_dump that would run, filestore readable (files and bytes).',
  })
  test(
    @OrgAuth() auth: OrgAuthContext,
    @Param('environment_id', ParseIdPipe) id: string,
  ): Promise<EnvironmentTestResponse> {
    return this.check.run(auth, id);
  }
}
