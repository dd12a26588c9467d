import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
import { Backup } from '../backups/backup.entity.js';
import { Restore, type RestorePhase, type RestoreResult, type RestoreStatus } from './restore.entity.js';

export interface RestoreFilters {
  backupId?: string;
  status?: RestoreStatus;
  kind?: string;
}

/** Restores and verifications. Every method names the organization. */
@Injectable()
export class RestoresRepository {
  constructor(private readonly tx: Transactions) {}

  private get repo() {
    return this.tx.manager().getRepository(Restore);
  }

  findById(organizationId: string, id: string): Promise<Restore | null> {
    return this.repo.findOne({ where: { organizationId, id } });
  }

  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  async insert(restore: Restore): Promise<void> {
    await this.repo.insert(restore);
  }

  list(organizationId: string, filters: RestoreFilters, page: PageRequest) {
    const qb = this.repo
      .createQueryBuilder('r')
      .where('r.organization_id = :organizationId', { organizationId });
    if (filters.backupId) qb.andWhere('r.backup_id = :b', { b: filters.backupId });
    if (filters.status) qb.andWhere('r.status = :s', { s: filters.status });
    if (filters.kind) qb.andWhere('r.kind = :k', { k: filters.kind });
    return keysetPage(qb, page);
  }

  /** pending (or running after a dead worker) → running; null when it is finished already. */
  async claim(organizationId: string, id: string): Promise<Restore | null> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE restores SET status = 'running', phase = 'checking', attempts = attempts + 1,
          started_at = COALESCE(started_at, now()), heartbeat_at = now(), bytes_processed = 0,
          error_code = NULL, error_message = NULL, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('pending', 'running')
          AND cancel_requested_at IS NULL`,
      [organizationId, id],
    )) as [unknown, number];
    if (!count) return null;
    return this.findById(organizationId, id);
  }

  async heartbeat(
    organizationId: string,
    id: string,
    phase: RestorePhase,
    bytes: number,
  ): Promise<{ running: boolean; cancelRequested: boolean }> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE restores SET heartbeat_at = now(), phase = $3, bytes_processed = $4
        WHERE organization_id = $1 AND id = $2 AND status = 'running'
        RETURNING cancel_requested_at IS NOT NULL AS cancel`,
      [organizationId, id, phase, bytes],
    )) as [{ cancel: boolean }[], number];
    const row = rows[0];
    return { running: !!row, cancelRequested: row?.cancel ?? false };
  }

  /**
   * Records the swap plan: the point of no return. Refused (false) when a cancel arrived first, so a
   * cancel answered before this commit always leaves the target as it was.
   */
  async commitSwap(organizationId: string, id: string, result: RestoreResult): Promise<boolean> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE restores SET result = $3::jsonb, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'running' AND cancel_requested_at IS NULL
        RETURNING id`,
      [organizationId, id, JSON.stringify(result)],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async complete(organizationId: string, id: string, result: RestoreResult, bytes: number): Promise<void> {
    await this.tx.manager().query(
      `UPDATE restores SET status = 'completed', phase = NULL, result = $3::jsonb, bytes_processed = $4,
          heartbeat_at = NULL, completed_at = now(),
          duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'running'`,
      [organizationId, id, JSON.stringify(result), bytes],
    );
  }

  async fail(
    organizationId: string,
    id: string,
    code: string,
    message: string,
    status: 'failed' | 'pending' = 'failed',
  ): Promise<boolean> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE restores SET status = $3, error_code = $4, error_message = $5, heartbeat_at = NULL,
          phase = CASE WHEN $3 = 'failed' THEN NULL ELSE phase END,
          completed_at = CASE WHEN $3 = 'failed' THEN now() ELSE NULL END,
          duration_ms = CASE WHEN $3 = 'failed' AND started_at IS NOT NULL
            THEN (extract(epoch FROM now() - started_at) * 1000)::int ELSE NULL END,
          updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('pending', 'running')`,
      [organizationId, id, status, code, message.slice(0, 4000)],
    )) as [unknown, number];
    return count === 1;
  }

  /**
   * running → failed, only if no worker has reported for `staleSeconds` and no swap has begun (a
   * half-done swap is finished by the next attempt, never abandoned). Null when a live worker holds
   * it, it is mid-swap, or it ended already.
   */
  async failIfOrphaned(
    organizationId: string,
    id: string,
    staleSeconds: number,
    code: string,
    message: string,
  ): Promise<Restore | null> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE restores SET status = 'failed', error_code = $4, error_message = $5, heartbeat_at = NULL,
          phase = NULL, completed_at = now(),
          duration_ms = CASE WHEN started_at IS NOT NULL
            THEN (extract(epoch FROM now() - started_at) * 1000)::int ELSE NULL END,
          updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'running' AND NOT (COALESCE(result, '{}') ? 'swap')
          AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $3))`,
      [organizationId, id, staleSeconds, code, message.slice(0, 4000)],
    )) as [unknown, number];
    return count === 1 ? this.findById(organizationId, id) : null;
  }

  /**
   * Running restores whose worker stopped reporting for staleSeconds: failed, so nothing stays
   * running forever. Returned so the caller can drop their scratch copies.
   */
  async failStale(staleSeconds: number): Promise<Restore[]> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE restores SET status = 'failed', error_code = 'worker_lost', heartbeat_at = NULL,
          error_message = CASE WHEN result ? 'swap'
            THEN 'The worker stopped responding while swapping names and it was not retried; check the target and its before_restore copies, or start the restore again.'
            ELSE 'The worker running this job stopped responding and it was not retried; the target was not swapped and the scratch copies were dropped. Start it again.' END,
          completed_at = now(), updated_at = now()
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)
        RETURNING id`,
      [staleSeconds],
    )) as [{ id: string }[], number];
    if (!rows.length) return [];
    return this.repo.findBy({ id: In(rows.map((r) => r.id)) });
  }

  /** Marks the cancel request; a pending restore fails at once. Returns the new status. */
  async requestCancel(organizationId: string, id: string): Promise<RestoreStatus | null> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE restores SET cancel_requested_at = COALESCE(cancel_requested_at, now()),
          status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
          error_code = CASE WHEN status = 'pending' THEN 'cancelled' ELSE error_code END,
          error_message = CASE WHEN status = 'pending' THEN 'The restore was cancelled before it started.' ELSE error_message END,
          completed_at = CASE WHEN status = 'pending' THEN now() ELSE completed_at END,
          updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('pending', 'running')
        RETURNING status`,
      [organizationId, id],
    )) as [{ status: RestoreStatus }[], number];
    return rows[0]?.status ?? null;
  }

  findBackup(organizationId: string, id: string): Promise<Backup | null> {
    return this.tx.manager().getRepository(Backup).findOne({ where: { organizationId, id } });
  }

  /** The scope (owning organization, or null for a platform config) of a storage config. */
  async storageScope(storageConfigId: string): Promise<string | null> {
    const [row] = (await this.tx
      .manager()
      .query('SELECT organization_id FROM storage_configs WHERE id = $1', [storageConfigId])) as {
      organization_id: string | null;
    }[];
    return row?.organization_id ?? null;
  }

  /** Stores a verification's outcome on the backup it checked. */
  async recordVerification(
    organizationId: string,
    backupId: string,
    status: 'passed' | 'failed',
  ): Promise<void> {
    await this.tx.manager().query(
      `UPDATE backups SET verified_at = now(), verification_status = $3, updated_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, backupId, status],
    );
  }
}
