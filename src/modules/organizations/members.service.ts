import { Injectable } from '@nestjs/common';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import {
  isBuiltInRole,
  isPermission,
  ROLE_PERMISSIONS,
  type Permission,
} from '../../common/auth/permissions.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { pageRequest, toPage } from '../../common/http/page-cursor.js';
import type { PageQuery } from '../../common/http/page.query.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersRepository } from '../identity/users.repository.js';
import type { AddMemberDto } from './dto/add-member.dto.js';
import type { MemberPage, MemberResponse } from './dto/organization-responses.dto.js';
import type { UpdateMemberDto } from './dto/update-member.dto.js';
import { MembershipsRepository, type MemberRow, type RoleRef } from './memberships.repository.js';
import { toMemberResponse } from './organizations.mapper.js';
import { assertCanGrant } from './role-grants.js';
import { RolesRepository } from './roles.repository.js';

const memberNotFound = () => new DomainError('not_found', 'Member not found.');
const lastOwner = () =>
  new DomainError(
    'conflict',
    'The last owner cannot be removed or demoted; make another member owner first.',
  );

@Injectable()
export class MembersService {
  constructor(
    private readonly tx: Transactions,
    private readonly memberships: MembershipsRepository,
    private readonly roles: RolesRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(auth: OrgAuthContext, q: PageQuery): Promise<MemberPage> {
    const page = pageRequest(q);
    const { rows, next } = await this.memberships.list(auth.organizationId, page);
    return toPage(page, next, rows.map(toMemberResponse));
  }

  /** Adds a registered user with a role the caller is allowed to grant. */
  async add(auth: OrgAuthContext, dto: AddMemberDto): Promise<MemberResponse> {
    return this.tx.run(async () => {
      const user = await this.users.findByEmail(dto.email);
      if (!user) throw new DomainError('not_found', 'No registered user has this email.');
      const role = await this.resolveRole(auth.organizationId, dto.role);
      assertCanGrant(auth, role.permissions);
      if (!(await this.memberships.add(auth.organizationId, user.id, role.ref))) {
        throw new DomainError('conflict', 'This user is already a member.');
      }
      await this.audit.record(auth, {
        action: 'member.add',
        targetType: 'membership',
        targetId: user.id,
        diff: { email: user.email, role: { from: null, to: role.name } },
      });
      return toMemberResponse((await this.memberships.find(auth.organizationId, user.id))!);
    });
  }

  async update(auth: OrgAuthContext, userId: string, dto: UpdateMemberDto): Promise<MemberResponse> {
    return this.tx.run(async () => {
      const owners = await this.memberships.lockOwners(auth.organizationId);
      const target = await this.findManageable(auth, userId);
      const role = await this.resolveRole(auth.organizationId, dto.role);
      assertCanGrant(auth, role.permissions);
      if (target.role === role.name) return toMemberResponse(target);
      if (target.builtIn && target.role === 'owner' && owners.length <= 1) throw lastOwner();
      await this.memberships.setRole(auth.organizationId, userId, role.ref);
      await this.audit.record(auth, {
        action: 'member.update',
        targetType: 'membership',
        targetId: userId,
        diff: { email: target.email, role: { from: target.role, to: role.name } },
      });
      return toMemberResponse((await this.memberships.find(auth.organizationId, userId))!);
    });
  }

  async remove(auth: OrgAuthContext, userId: string): Promise<void> {
    await this.tx.run(async () => {
      const owners = await this.memberships.lockOwners(auth.organizationId);
      const target = await this.findManageable(auth, userId);
      if (target.builtIn && target.role === 'owner' && owners.length <= 1) throw lastOwner();
      await this.memberships.remove(auth.organizationId, userId);
      await this.audit.record(auth, {
        action: 'member.remove',
        targetType: 'membership',
        targetId: userId,
        diff: { email: target.email, role: { from: target.role, to: null } },
      });
    });
  }

  /** The member, if the caller holds every permission the member has (so admins cannot touch owners). */
  private async findManageable(auth: OrgAuthContext, userId: string): Promise<MemberRow> {
    const target = await this.memberships.find(auth.organizationId, userId);
    if (!target) throw memberNotFound();
    assertCanGrant(auth, target.permissions);
    return target;
  }

  private async resolveRole(
    organizationId: string,
    name: string,
  ): Promise<{ ref: RoleRef; name: string; permissions: Permission[] }> {
    if (isBuiltInRole(name)) {
      return { ref: { builtIn: name }, name, permissions: [...ROLE_PERMISSIONS[name]] };
    }
    const custom = await this.roles.findByName(organizationId, name);
    if (!custom) {
      throw new DomainError('validation_failed', `Unknown role ${JSON.stringify(name)}.`, {
        errors: [
          { field: 'role', messages: ['role must be a built-in role or a custom role of this organization'] },
        ],
      });
    }
    return {
      ref: { customRoleId: custom.id },
      name: custom.name,
      permissions: custom.permissions.filter(isPermission),
    };
  }
}
