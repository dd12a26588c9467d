import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, OrgAuth, type AuthContext, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { Authenticated, RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { MyOrganizationResponse, OrganizationResponse } from './dto/organization-responses.dto.js';
import { UpdateOrganizationDto } from './dto/update-organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller({ path: 'organizations', version: '1' })
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @ApiConflictResponse({ description: 'An organization with this slug already exists.' })
  @Authenticated()
  @ApiCreatedResponse({ type: OrganizationResponse })
  @ApiOperation({ summary: 'Create an organization; the caller becomes its owner.' })
  create(@Auth() auth: AuthContext, @Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.organizations.create(auth, dto);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [MyOrganizationResponse] })
  @ApiOperation({ summary: 'The organizations the caller is a member of, with their role.' })
  listMine(@Auth() auth: AuthContext): Promise<MyOrganizationResponse[]> {
    return this.organizations.listMine(auth);
  }

  @Get(':org_id')
  @RequirePermission('org.read')
  @ApiParam({ name: 'org_id', format: 'uuid' })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiOperation({ summary: 'An organization.' })
  get(@OrgAuth() auth: OrgAuthContext): Promise<OrganizationResponse> {
    return this.organizations.get(auth);
  }

  @Patch(':org_id')
  @ApiConflictResponse({ description: 'An organization with this slug already exists.' })
  @RequirePermission('org.manage')
  @ApiParam({ name: 'org_id', format: 'uuid' })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiOperation({ summary: 'Rename an organization or change its slug.' })
  update(@OrgAuth() auth: OrgAuthContext, @Body() dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    return this.organizations.update(auth, dto);
  }

  @Delete(':org_id')
  @HttpCode(204)
  @RequirePermission('org.delete')
  @ApiParam({ name: 'org_id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiOperation({
    summary: 'Delete an organization (it disappears for every member; the audit log is kept).',
  })
  remove(@OrgAuth() auth: OrgAuthContext): Promise<void> {
    return this.organizations.remove(auth);
  }
}
