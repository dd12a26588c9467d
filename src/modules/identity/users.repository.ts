import { Injectable } from '@nestjs/common';
import type { TokenHolder } from '../../common/auth/auth-ports.js';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Transactions } from '../../common/database/transactions.js';
import { User } from './user.entity.js';

/**
 * The statement parts that read a token's holder: its user if active ($1) and whether the token
 * ($2, its jti) is revoked. Shared with the membership lookup of the access guard, which reads
 * them in the same statement as the caller's membership (one round trip per request).
 */
export const TOKEN_HOLDER_SQL = {
  columns: `u.id, u.email, u.is_platform_admin, u.tokens_valid_after,
            EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = $2) AS token_revoked`,
  from: 'users u',
  where: 'u.id = $1 AND u.disabled_at IS NULL',
} as const;

export interface TokenHolderRow {
  id: string;
  email: string;
  is_platform_admin: boolean;
  tokens_valid_after: Date | null;
  token_revoked: boolean;
}

/** A row read with TOKEN_HOLDER_SQL (none: no such active user). */
export function toTokenHolder(row: TokenHolderRow | undefined): TokenHolder {
  if (!row) return { user: null, revoked: false };
  return {
    user: {
      id: row.id,
      email: row.email,
      isPlatformAdmin: row.is_platform_admin,
      tokensValidAfter: row.tokens_valid_after,
    },
    revoked: row.token_revoked,
  };
}

/** Users are platform-level (not tenant) rows. Emails are compared lower-cased. */
@Injectable()
export class UsersRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(User);
  }

  findById(id: string): Promise<User | null> {
    return this.repo().findOneBy({ id });
  }

  findActiveById(id: string): Promise<User | null> {
    return this.repo().findOneBy({ id, disabledAt: IsNull() });
  }

  /**
   * The user a token names, if active, and whether the token (jti) is revoked: one statement, so
   * token verification costs one round trip and never runs two queries on one client at once.
   */
  async findActiveForToken(id: string, jti: string): Promise<TokenHolder> {
    const { columns, from, where } = TOKEN_HOLDER_SQL;
    const rows: TokenHolderRow[] = await this.tx
      .manager()
      .query(`SELECT ${columns} FROM ${from} WHERE ${where}`, [id, jti]);
    return toTokenHolder(rows[0]);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.repo().findOneBy({ email: email.toLowerCase() });
  }

  /** The only query that reads password_hash. */
  findCredentials(email: string): Promise<User | null> {
    return this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  /** Inserts; returns null when the email is taken. */
  async create(input: { email: string; name: string; passwordHash: string }): Promise<User | null> {
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .values({
        id: randomUUID(),
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash: input.passwordHash,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findById(id) : null;
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo().update({ id }, { passwordHash });
  }

  async setPlatformAdmin(email: string, isPlatformAdmin: boolean): Promise<boolean> {
    const result = await this.repo().update({ email: email.toLowerCase() }, { isPlatformAdmin });
    return (result.affected ?? 0) > 0;
  }

  /** Disabling also revokes every token issued so far: enabling again does not revive them. */
  async setDisabled(email: string, disabled: boolean): Promise<boolean> {
    const now = new Date();
    const result = await this.repo().update(
      { email: email.toLowerCase() },
      disabled ? { disabledAt: now, tokensValidAfter: now } : { disabledAt: null },
    );
    return (result.affected ?? 0) > 0;
  }

  /** A new password: its hash, and every token issued before it refused. */
  async resetPassword(id: string, passwordHash: string): Promise<void> {
    await this.repo().update({ id }, { passwordHash, tokensValidAfter: new Date() });
  }
}
