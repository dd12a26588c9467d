import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { PlatformAdmin } from '../../common/auth/require-permission.decorator.js';
import { OrgPageQuery } from '../../common/http/page.query.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { AdminCreateEnvironmentDto, UpdateEnvironmentDto } from './dto/environment-input.dto.js';
import { EnvironmentPage, EnvironmentResponse } from './dto/environment-responses.dto.js';
import { EnvironmentsService } from './environments.service.js';

const EnvParam = () => ApiParam({ name: 'environment_id', format: 'uuid' });

/**
 * Platform-managed environments: the platform hosts the organization's database and files and
 * creates the environment for it; the organization backs it up and restores it but cannot point it
 * elsewhere. Platform administrators do not see the organization's backups through these routes.
 */
@ApiTags('admin')
@Controller({ path: 'admin/environments', version: '1' })
export class AdminEnvironmentsController {
  constructor(private readonly environments: EnvironmentsService) {}

  @Post()
  @ApiConflictResponse({ description: 'An environment with this name already exists.' })
  @PlatformAdmin()
  @ApiCreatedResponse({ type: EnvironmentResponse })
  @ApiOperation({ summary: 'Create a managed environment for an organization.' })
  create(@Auth() auth: AuthContext, @Body() dto: AdminCreateEnvironmentDto): Promise<EnvironmentResponse> {
    return this.environments.adminCreate(auth, dto);
  }

  @Get()
  @PlatformAdmin()
  @ApiOkResponse({ type: EnvironmentPage })
  @ApiOperation({ summary: "An organization's environments (managed and its own), newest first." })
  list(@Auth() auth: AuthContext, @Query() query: OrgPageQuery): Promise<EnvironmentPage> {
    return this.environments.adminList(auth, query);
  }

  @Get(':environment_id')
  @PlatformAdmin()
  @EnvParam()
  @ApiOkResponse({ type: EnvironmentResponse })
  @ApiOperation({ summary: 'One environment.' })
  get(
    @Auth() auth: AuthContext,
    @Param('environment_id', ParseIdPipe) id: string,
  ): Promise<EnvironmentResponse> {
    return this.environments.adminGet(auth, id);
  }

  @Patch(':environment_id')
  @ApiConflictResponse({ description: 'An environment with this name already exists.' })
  @PlatformAdmin()
  @EnvParam()
  @ApiOkResponse({ type: EnvironmentResponse })
  @ApiOperation({
    summary: "Update an environment, its source included (checked against the platform's rules).",
  })
  update(
    @Auth() auth: AuthContext,
    @Param('environment_id', ParseIdPipe) id: string,
    @Body() dto: UpdateEnvironmentDto,
  ): Promise<EnvironmentResponse> {
    return this.environments.adminUpdate(auth, id, dto);
  }

  @Delete(':environment_id')
  @ApiConflictResponse({ description: 'The environment still has backups: delete them first.' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @PlatformAdmin()
  @EnvParam()
  @ApiOperation({ summary: 'Delete an environment; refused (409) while it has backups.' })
  async remove(@Auth() auth: AuthContext, @Param('environment_id', ParseIdPipe) id: string): Promise<void> {
    await this.environments.adminRemove(auth, id);
  }
}
