import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';

export interface StoredAnswer {
  requestHash: string;
  status: number | null;
  response: unknown;
}

/** Raw SQL: one statement per step, outside any service transaction (the claim must commit first). */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly tx: Transactions) {}

  /**
   * Claims (organization, key) for a new request, or returns what is stored for it. Expired rows
   * of this key are replaced; a few other expired rows are pruned on the way.
   */
  async claim(
    orgId: string,
    key: string,
    requestHash: string,
    now: Date,
    expiresAt: Date,
  ): Promise<{ claimed: true } | { claimed: false; stored: StoredAnswer }> {
    const m = this.tx.manager();
    await m.query(
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys WHERE expires_at <= $1 LIMIT 100)`,
      [now],
    );
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted: unknown[] = await m.query(
        `INSERT INTO idempotency_keys (organization_id, key, request_hash, status, response, created_at, expires_at)
         VALUES ($1, $2, $3, NULL, NULL, $4, $5)
         ON CONFLICT (organization_id, key) DO NOTHING RETURNING key`,
        [orgId, key, requestHash, now, expiresAt],
      );
      if (inserted.length) return { claimed: true };
      const rows: Array<{ request_hash: string; status: number | null; response: unknown }> = await m.query(
        `SELECT request_hash, status, response FROM idempotency_keys
          WHERE organization_id = $1 AND key = $2 AND expires_at > $3`,
        [orgId, key, now],
      );
      const row = rows[0];
      if (row)
        return {
          claimed: false,
          stored: { requestHash: row.request_hash, status: row.status, response: row.response },
        };
      // Gone between the two statements (released or expired): try to claim it again.
    }
    throw new Error('Could not claim the idempotency key.');
  }

  async complete(orgId: string, key: string, status: number, response: unknown): Promise<void> {
    await this.tx
      .manager()
      .query(
        `UPDATE idempotency_keys SET status = $3, response = $4::jsonb WHERE organization_id = $1 AND key = $2`,
        [orgId, key, status, JSON.stringify(response ?? null)],
      );
  }

  /** The request failed: forget the key so a retry runs again. */
  async release(orgId: string, key: string): Promise<void> {
    await this.tx
      .manager()
      .query(`DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2 AND status IS NULL`, [
        orgId,
        key,
      ]);
  }
}
