import { Injectable } from '@nestjs/common';
import {
  isBuiltInRole,
  isPermission,
  ROLE_PERMISSIONS,
  type BuiltInRole,
  type Permission,
} from '../../common/auth/permissions.js';
import type { TokenHolder, VerifiedToken } from '../../common/auth/auth-ports.js';
import { keysetSql, splitPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageKey, PageRequest } from '../../common/http/page-cursor.js';
import { TOKEN_HOLDER_SQL, toTokenHolder, type TokenHolderRow } from '../identity/users.repository.js';
import { Membership } from './membership.entity.js';

/** A member's effective role: built-in or custom, resolved to its permissions. */
export interface MemberAccess {
  role: string;
  builtIn: boolean;
  permissions: Permission[];
}

export interface MemberRow extends MemberAccess {
  userId: string;
  email: string;
  name: string;
  joinedAt: Date;
}

export interface UserOrganizationRow {
  id: string;
  name: string;
  slug: string;
  role: string;
}

/** The role of a membership: exactly one of a built-in role name or a custom role id. */
export type RoleRef = { builtIn: BuiltInRole } | { customRoleId: string };

interface AccessSqlRow {
  role: string | null;
  custom_name: string | null;
  custom_permissions: string[] | null;
}

function toAccess(row: AccessSqlRow): MemberAccess {
  if (row.role && isBuiltInRole(row.role)) {
    return { role: row.role, builtIn: true, permissions: [...ROLE_PERMISSIONS[row.role]] };
  }
  return {
    role: row.custom_name ?? '',
    builtIn: false,
    permissions: (row.custom_permissions ?? []).filter(isPermission),
  };
}

interface MemberSqlRow extends AccessSqlRow {
  user_id: string;
  email: string;
  name: string;
  created_at: Date;
  page_at: string;
  page_id: string;
}

function toMemberRow(r: MemberSqlRow): MemberRow {
  return { userId: r.user_id, email: r.email, name: r.name, joinedAt: r.created_at, ...toAccess(r) };
}

const ACCESS_COLUMNS = `m.role, r.name AS custom_name, r.permissions AS custom_permissions`;
const ROLE_JOIN = `LEFT JOIN roles r ON r.organization_id = m.organization_id AND r.id = m.custom_role_id`;

/**
 * Memberships are tenant data: every method takes the organization id first, except
 * listForUser (the caller's own memberships across organizations).
 */
@Injectable()
export class MembershipsRepository {
  constructor(private readonly tx: Transactions) {}

  /**
   * The token's holder (identity's TOKEN_HOLDER_SQL: active user, revocation) and their role and
   * permissions in a live organization, in one statement: the access guard's one round trip for an
   * organization-scoped request. `access` is null when not a member (or no such organization).
   */
  async findCallerAccess(
    organizationId: string,
    token: VerifiedToken,
  ): Promise<TokenHolder & { access: MemberAccess | null }> {
    const { columns, from, where } = TOKEN_HOLDER_SQL;
    const rows: (TokenHolderRow & AccessSqlRow & { is_member: boolean })[] = await this.tx.manager().query(
      `SELECT ${columns}, a.role, a.custom_name, a.custom_permissions, a.member_id IS NOT NULL AS is_member
         FROM ${from}
         LEFT JOIN LATERAL (
           SELECT m.user_id AS member_id, ${ACCESS_COLUMNS} FROM memberships m
             JOIN organizations o ON o.id = m.organization_id AND o.deleted_at IS NULL
             ${ROLE_JOIN}
            WHERE m.organization_id = $3 AND m.user_id = u.id
         ) a ON true
        WHERE ${where}`,
      [token.userId, token.tokenId, organizationId],
    );
    const row = rows[0];
    return { ...toTokenHolder(row), access: row?.is_member ? toAccess(row) : null };
  }

  /** Members newest first (joined_at desc, user id desc), one page. */
  async list(
    organizationId: string,
    page: PageRequest,
  ): Promise<{ rows: MemberRow[]; next: PageKey | null }> {
    const k = keysetSql('m', 'user_id');
    const params: unknown[] = [organizationId, page.limit + 1];
    if (page.after) params.push(page.after.at, page.after.id);
    const rows = await this.members(
      `m.organization_id = $1 ${page.after ? `AND ${k.after('$3', '$4')}` : ''}`,
      `${k.columns}`,
      `ORDER BY ${k.orderBy} LIMIT $2`,
      params,
    );
    const split = splitPage(rows, page.limit);
    return { rows: split.rows.map(toMemberRow), next: split.next };
  }

  async find(organizationId: string, userId: string): Promise<MemberRow | null> {
    const [row] = await this.members('m.organization_id = $1 AND m.user_id = $2', '', '', [
      organizationId,
      userId,
    ]);
    return row ? toMemberRow(row) : null;
  }

  private members(
    where: string,
    extraColumns: string,
    tail: string,
    params: unknown[],
  ): Promise<MemberSqlRow[]> {
    return this.tx.manager().query(
      `SELECT m.user_id, u.email, u.name, m.created_at, ${ACCESS_COLUMNS}${extraColumns ? `, ${extraColumns}` : ''}
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         ${ROLE_JOIN}
        WHERE ${where} ${tail}`,
      params,
    );
  }

  async listForUser(userId: string): Promise<UserOrganizationRow[]> {
    const rows: (AccessSqlRow & { id: string; org_name: string; slug: string })[] = await this.tx
      .manager()
      .query(
        `SELECT o.id, o.name AS org_name, o.slug, ${ACCESS_COLUMNS} FROM memberships m
         JOIN organizations o ON o.id = m.organization_id AND o.deleted_at IS NULL
         ${ROLE_JOIN}
        WHERE m.user_id = $1
        ORDER BY o.name, o.id`,
        [userId],
      );
    return rows.map((r) => ({ id: r.id, name: r.org_name, slug: r.slug, role: toAccess(r).role }));
  }

  /** Returns false when the user is already a member. */
  async add(organizationId: string, userId: string, role: RoleRef): Promise<boolean> {
    const result = await this.tx
      .manager()
      .getRepository(Membership)
      .createQueryBuilder()
      .insert()
      .values({ organizationId, userId, ...columns(role) })
      .orIgnore()
      .returning(['user_id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async setRole(organizationId: string, userId: string, role: RoleRef): Promise<void> {
    await this.tx.manager().getRepository(Membership).update({ organizationId, userId }, columns(role));
  }

  async remove(organizationId: string, userId: string): Promise<void> {
    await this.tx.manager().getRepository(Membership).delete({ organizationId, userId });
  }

  /** Locks the owner memberships (inside a transaction) so two concurrent demotions cannot remove the last owner. */
  async lockOwners(organizationId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.tx
      .manager()
      .query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'owner' FOR UPDATE`, [
        organizationId,
      ]);
    return rows.map((r) => r.user_id);
  }

  async countWithCustomRole(organizationId: string, customRoleId: string): Promise<number> {
    return this.tx.manager().getRepository(Membership).countBy({ organizationId, customRoleId });
  }
}

function columns(role: RoleRef): Pick<Membership, 'role' | 'customRoleId'> {
  return 'builtIn' in role
    ? { role: role.builtIn, customRoleId: null }
    : { role: null, customRoleId: role.customRoleId };
}
