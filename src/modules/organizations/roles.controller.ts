import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { CreateRoleDto } from './dto/create-role.dto.js';
import { RoleResponse } from './dto/organization-responses.dto.js';
import { UpdateRoleDto } from './dto/update-role.dto.js';
import { RolesService } from './roles.service.js';

@ApiTags('organizations')
@Controller({ path: 'organizations/:org_id/roles', version: '1' })
@ApiParam({ name: 'org_id', format: 'uuid' })
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermission('org.role.list')
  @ApiOkResponse({ type: [RoleResponse] })
  @ApiOperation({ summary: 'Built-in and custom roles with their permissions.' })
  list(@OrgAuth() auth: OrgAuthContext): Promise<RoleResponse[]> {
    return this.roles.list(auth);
  }

  @Post()
  @ApiConflictResponse({ description: 'A role with this name already exists.' })
  @RequirePermission('org.role.manage')
  @ApiCreatedResponse({ type: RoleResponse })
  @ApiOperation({ summary: 'Create a custom role (only with permissions the caller holds).' })
  create(@OrgAuth() auth: OrgAuthContext, @Body() dto: CreateRoleDto): Promise<RoleResponse> {
    return this.roles.create(auth, dto);
  }

  @Patch(':role_id')
  @ApiConflictResponse({ description: 'A role with this name already exists.' })
  @RequirePermission('org.role.manage')
  @ApiParam({ name: 'role_id', format: 'uuid' })
  @ApiOkResponse({ type: RoleResponse })
  @ApiOperation({ summary: 'Rename a custom role or change its permissions.' })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('role_id', ParseIdPipe) roleId: string,
    @Body() dto: UpdateRoleDto,
  ): Promise<RoleResponse> {
    return this.roles.update(auth, roleId, dto);
  }

  @Delete(':role_id')
  @ApiConflictResponse({ description: 'The role is assigned to members.' })
  @HttpCode(204)
  @RequirePermission('org.role.manage')
  @ApiParam({ name: 'role_id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiOperation({ summary: 'Delete a custom role that no member holds.' })
  remove(@OrgAuth() auth: OrgAuthContext, @Param('role_id', ParseIdPipe) roleId: string): Promise<void> {
    return this.roles.remove(auth, roleId);
  }
}
