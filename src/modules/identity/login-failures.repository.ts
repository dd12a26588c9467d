import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { LoginFailure } from './login-failure.entity.js';

/**
 * Failed logins per (client address, account) and per client address in a sliding window, in the
 * database so every API process sees them. Emails arrive normalized (trimmed, lower-cased).
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly tx: Transactions) {}

  async record(clientAddress: string, email: string): Promise<void> {
    await this.tx.manager().getRepository(LoginFailure).insert({ clientAddress, email });
  }

  /** Failures of this account from this address within the window, and the latest of them. */
  async forAccount(
    clientAddress: string,
    email: string,
    windowSeconds: number,
  ): Promise<{ count: number; latest: Date | null }> {
    const rows: { count: string; latest: Date | null }[] = await this.tx.manager().query(
      `SELECT count(*) AS count, max(created_at) AS latest FROM login_failures
        WHERE client_address = $1 AND email = $2 AND created_at > now() - make_interval(secs => $3)`,
      [clientAddress, email, windowSeconds],
    );
    return { count: Number(rows[0]?.count ?? 0), latest: rows[0]?.latest ?? null };
  }

  /**
   * When this address, whatever the accounts, is back under `max` failures in the window: null
   * when it is under already, else the instant the max-th most recent failure leaves the window.
   */
  async addressLimitedUntil(clientAddress: string, max: number, windowSeconds: number): Promise<Date | null> {
    const rows: { until: Date }[] = await this.tx.manager().query(
      `SELECT created_at + make_interval(secs => $3) AS until FROM login_failures
        WHERE client_address = $1 AND created_at > now() - make_interval(secs => $3)
        ORDER BY created_at DESC OFFSET $2 - 1 LIMIT 1`,
      [clientAddress, max, windowSeconds],
    );
    return rows[0]?.until ?? null;
  }

  /** A successful login forgets this address's failures for the account. */
  async clear(clientAddress: string, email: string): Promise<void> {
    await this.tx.manager().getRepository(LoginFailure).delete({ clientAddress, email });
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
