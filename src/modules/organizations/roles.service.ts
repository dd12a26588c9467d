import { Injectable } from '@nestjs/common';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { isBuiltInRole, sortPermissions } from '../../common/auth/permissions.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { changes } from '../audit/redact.js';
import type { CreateRoleDto } from './dto/create-role.dto.js';
import type { RoleResponse } from './dto/organization-responses.dto.js';
import type { UpdateRoleDto } from './dto/update-role.dto.js';
import { MembershipsRepository } from './memberships.repository.js';
import { builtInRoleResponses, toRoleResponse } from './organizations.mapper.js';
import { assertCanGrant } from './role-grants.js';
import type { Role } from './role.entity.js';
import { RolesRepository } from './roles.repository.js';

const roleNotFound = () => new DomainError('not_found', 'Role not found.');
const nameTaken = () => new DomainError('conflict', 'A role with this name already exists.');

@Injectable()
export class RolesService {
  constructor(
    private readonly tx: Transactions,
    private readonly roles: RolesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(auth: OrgAuthContext): Promise<RoleResponse[]> {
    const custom = await this.roles.list(auth.organizationId);
    return [...builtInRoleResponses(), ...custom.map(toRoleResponse)];
  }

  async create(auth: OrgAuthContext, dto: CreateRoleDto): Promise<RoleResponse> {
    const permissions = sortPermissions(dto.permissions);
    assertCanGrant(auth, permissions);
    return this.tx.run(async () => {
      if (isBuiltInRole(dto.name) || (await this.roles.findByName(auth.organizationId, dto.name)))
        throw nameTaken();
      const role = await this.roles.create(auth.organizationId, {
        name: dto.name,
        description: dto.description ?? '',
        permissions,
      });
      await this.audit.record(auth, {
        action: 'role.create',
        targetType: 'role',
        targetId: role.id,
        diff: changes(null, role, ['name', 'description', 'permissions']),
      });
      return toRoleResponse(role);
    });
  }

  async update(auth: OrgAuthContext, roleId: string, dto: UpdateRoleDto): Promise<RoleResponse> {
    return this.tx.run(async () => {
      const before = await this.findManageable(auth, roleId);
      const patch: Partial<Pick<Role, 'name' | 'description' | 'permissions'>> = { ...dto };
      if (dto.permissions) {
        patch.permissions = sortPermissions(dto.permissions);
        assertCanGrant(auth, patch.permissions);
      }
      if (dto.name && dto.name !== before.name) {
        if (isBuiltInRole(dto.name) || (await this.roles.findByName(auth.organizationId, dto.name)))
          throw nameTaken();
      }
      const diff = changes(before, { ...before, ...patch }, ['name', 'description', 'permissions']);
      if (Object.keys(diff).length) {
        await this.roles.update(auth.organizationId, roleId, patch);
        await this.audit.record(auth, { action: 'role.update', targetType: 'role', targetId: roleId, diff });
      }
      return toRoleResponse((await this.roles.findById(auth.organizationId, roleId))!);
    });
  }

  async remove(auth: OrgAuthContext, roleId: string): Promise<void> {
    await this.tx.run(async () => {
      const role = await this.findManageable(auth, roleId);
      if ((await this.memberships.countWithCustomRole(auth.organizationId, roleId)) > 0) {
        throw new DomainError('conflict', 'The role is assigned to members; give them another role first.');
      }
      await this.roles.delete(auth.organizationId, roleId);
      await this.audit.record(auth, {
        action: 'role.delete',
        targetType: 'role',
        targetId: roleId,
        diff: changes(role, null, ['name', 'permissions']),
      });
    });
  }

  /** The custom role, if the caller holds all its permissions (no editing roles stronger than one's own). */
  private async findManageable(auth: OrgAuthContext, roleId: string): Promise<Role> {
    const role = await this.roles.findById(auth.organizationId, roleId);
    if (!role) throw roleNotFound();
    assertCanGrant(auth, sortPermissions(role.permissions));
    return role;
  }
}
