import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Transactions } from '../../common/database/transactions.js';
import { User } from './user.entity.js';

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
  async findActiveForToken(id: string, jti: string): Promise<{ user: User | null; revoked: boolean }> {
    const { entities, raw } = await this.repo()
      .createQueryBuilder('u')
      .addSelect('EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = :jti)', 'token_revoked')
      .where('u.id = :id AND u.disabled_at IS NULL', { id, jti })
      .getRawAndEntities<{ token_revoked: boolean }>();
    return { user: entities[0] ?? null, revoked: raw[0]?.token_revoked === true };
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
