import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { LoginFailure } from './login-failure.entity.js';

/** Failed logins per email in a sliding window, in the database so every API process sees them. */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly tx: Transactions) {}

  async record(email: string): Promise<void> {
    await this.tx.manager().getRepository(LoginFailure).insert({ email: email.toLowerCase() });
  }

  /** Failures within the window and when the oldest of them leaves it. */
  async recent(email: string, windowSeconds: number): Promise<{ count: number; oldest: Date | null }> {
    const rows: { count: string; oldest: Date | null }[] = await this.tx.manager().query(
      `SELECT count(*) AS count, min(created_at) AS oldest FROM login_failures
        WHERE email = $1 AND created_at > now() - make_interval(secs => $2)`,
      [email.toLowerCase(), windowSeconds],
    );
    return { count: Number(rows[0]?.count ?? 0), oldest: rows[0]?.oldest ?? null };
  }

  async clear(email: string): Promise<void> {
    await this.tx.manager().getRepository(LoginFailure).delete({ email: email.toLowerCase() });
  }

  /** Housekeeping: drops failures older than the window. */
  async prune(windowSeconds: number): Promise<void> {
    await this.tx
      .manager()
      .query(`DELETE FROM login_failures WHERE created_at < now() - make_interval(secs => $1)`, [
        windowSeconds,
      ]);
  }
}
