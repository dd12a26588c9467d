import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { RevokedToken } from './revoked-token.entity.js';

/** Signed-out access tokens, in the database so every API process refuses them. */
@Injectable()
export class RevokedTokensRepository {
  constructor(private readonly tx: Transactions) {}

  async revoke(jti: string, userId: string, expiresAt: Date): Promise<void> {
    const m = this.tx.manager();
    await m.query(
      `INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`,
      [jti, userId, expiresAt],
    );
    // Housekeeping: an expired token is refused anyway.
    await m.query(`DELETE FROM revoked_tokens WHERE expires_at < now()`);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return this.tx.manager().getRepository(RevokedToken).existsBy({ jti });
  }
}
