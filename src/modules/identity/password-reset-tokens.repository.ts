import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { PasswordResetToken } from './password-reset-token.entity.js';

/** Password reset tokens, by the sha256 of the token (the token itself is never stored). */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(private readonly tx: Transactions) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    const m = this.tx.manager();
    await m.getRepository(PasswordResetToken).insert({ tokenHash, userId, expiresAt });
    // Housekeeping: an expired token is refused anyway.
    await m.query(`DELETE FROM password_reset_tokens WHERE expires_at < now() - interval '1 day'`);
  }

  /**
   * Marks an unused, unexpired token used and returns its user; null for any other token. One
   * UPDATE, so two confirmations racing with the same token cannot both succeed.
   */
  async consume(tokenHash: string): Promise<string | null> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE password_reset_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [tokenHash],
    )) as [{ user_id: string }[], number];
    return rows[0]?.user_id ?? null;
  }

  /** After a reset, the user's other outstanding links stop working too. */
  async revokeAll(userId: string): Promise<void> {
    await this.tx
      .manager()
      .query(`UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
        userId,
      ]);
  }
}
