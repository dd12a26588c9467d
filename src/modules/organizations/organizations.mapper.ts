import {
  BUILT_IN_ROLES,
  ROLE_DESCRIPTIONS,
  ROLE_PERMISSIONS,
  sortPermissions,
} from '../../common/auth/permissions.js';
import type {
  MemberResponse,
  MyOrganizationResponse,
  OrganizationResponse,
  RoleResponse,
} from './dto/organization-responses.dto.js';
import type { MemberRow, UserOrganizationRow } from './memberships.repository.js';
import type { Organization } from './organization.entity.js';
import type { Role } from './role.entity.js';

export function toOrganizationResponse(o: Organization): OrganizationResponse {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

export function toMyOrganizationResponse(o: UserOrganizationRow): MyOrganizationResponse {
  return { id: o.id, name: o.name, slug: o.slug, role: o.role };
}

export function toMemberResponse(m: MemberRow): MemberResponse {
  return {
    user_id: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    joined_at: m.joinedAt.toISOString(),
  };
}

export function builtInRoleResponses(): RoleResponse[] {
  return BUILT_IN_ROLES.map((name) => ({
    id: null,
    name,
    description: ROLE_DESCRIPTIONS[name],
    built_in: true,
    permissions: [...ROLE_PERMISSIONS[name]],
  }));
}

export function toRoleResponse(r: Role): RoleResponse {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    built_in: false,
    permissions: sortPermissions(r.permissions),
  };
}
