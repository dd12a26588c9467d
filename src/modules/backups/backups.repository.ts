import { Injectable } from '@nestjs/common';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
import { Backup, type BackupPart, type BackupPhase, type BackupStatus } from './backup.entity.js';

export interface BackupFilters {
  environmentId?: string;
  status?: BackupStatus;
  storageConfigId?: string;
}

/** The backup catalog. Every method names the organization. */
@Injectable()
export class BackupsRepository {
  constructor(private readonly tx: Transactions) {}

  private get repo() {
    return this.tx.manager().getRepository(Backup);
  }

  findById(organizationId: string, id: string): Promise<Backup | null> {
    return this.repo.findOne({ where: { organizationId, id } });
  }

  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  async insert(backup: Backup): Promise<void> {
    await this.repo.insert(backup);
  }

  list(organizationId: string, filters: BackupFilters, page: PageRequest) {
    const qb = this.repo
      .createQueryBuilder('b')
      .where('b.organization_id = :organizationId', { organizationId });
    if (filters.environmentId) qb.andWhere('b.environment_id = :env', { env: filters.environmentId });
    if (filters.status) qb.andWhere('b.status = :status', { status: filters.status });
    if (filters.storageConfigId) qb.andWhere('b.storage_config_id = :cfg', { cfg: filters.storageConfigId });
    return keysetPage(qb, page);
  }

  async organizationOf(organizationId: string): Promise<{ id: string; slug: string; name: string }> {
    const [row] = (await this.tx
      .manager()
      .query('SELECT id, slug, name FROM organizations WHERE id = $1', [organizationId])) as {
      id: string;
      slug: string;
      name: string;
    }[];
    if (!row) throw new Error(`Organization ${organizationId} not found`);
    return row;
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

  /**
   * Takes a pending backup (or one whose worker died while running) for this attempt. Null when the
   * backup is finished already: a redelivered job then does nothing.
   */
  async claim(organizationId: string, id: string): Promise<Backup | null> {
    const rows = (await this.tx.manager().query(
      `UPDATE backups SET status = 'running', phase = 'database', attempts = attempts + 1,
          started_at = now(), heartbeat_at = now(), bytes_processed = 0, parts = '[]',
          error_code = NULL, error_message = NULL, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('pending', 'running') RETURNING id`,
      [organizationId, id],
    )) as [unknown[], number];
    if (!rows[1]) return null;
    return this.findById(organizationId, id);
  }

  /** Progress and liveness of a running backup; returns what the worker must know back. */
  async heartbeat(
    organizationId: string,
    id: string,
    phase: BackupPhase,
    bytesProcessed: number,
  ): Promise<{ running: boolean; cancelRequested: boolean }> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE backups SET heartbeat_at = now(), phase = $3, bytes_processed = $4
        WHERE organization_id = $1 AND id = $2 AND status = 'running'
        RETURNING cancel_requested_at IS NOT NULL AS cancel`,
      [organizationId, id, phase, bytesProcessed],
    )) as [{ cancel: boolean }[], number];
    const row = rows[0];
    return { running: !!row, cancelRequested: row?.cancel ?? false };
  }

  /** running → completed; false if the backup was no longer running (e.g. cancelled meanwhile). */
  async complete(
    organizationId: string,
    id: string,
    values: {
      parts: BackupPart[];
      totalSizeBytes: number;
      bytesProcessed: number;
      completedAt: Date;
      durationMs: number;
    },
  ): Promise<boolean> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE backups SET status = 'completed', phase = NULL, parts = $3::jsonb, total_size_bytes = $4,
          bytes_processed = $5, completed_at = $6, duration_ms = $7, usage_counted = true,
          heartbeat_at = NULL, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'running' AND cancel_requested_at IS NULL`,
      [
        organizationId,
        id,
        JSON.stringify(values.parts),
        values.totalSizeBytes,
        values.bytesProcessed,
        values.completedAt,
        values.durationMs,
      ],
    )) as [unknown, number];
    return count === 1;
  }

  async fail(
    organizationId: string,
    id: string,
    code: string,
    message: string,
    status: 'failed' | 'pending' = 'failed',
  ): Promise<boolean> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE backups SET status = $3, error_code = $4, error_message = $5, heartbeat_at = NULL,
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
   * running → failed, only if no worker has reported for `staleSeconds` (an orphan: its worker
   * died and no other took the job yet). False when a live worker holds it or it ended already.
   */
  async failIfOrphaned(
    organizationId: string,
    id: string,
    staleSeconds: number,
    code: string,
    message: string,
  ): Promise<boolean> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE backups SET status = 'failed', error_code = $4, error_message = $5, heartbeat_at = NULL,
          completed_at = now(),
          duration_ms = CASE WHEN started_at IS NOT NULL
            THEN (extract(epoch FROM now() - started_at) * 1000)::int ELSE NULL END,
          cleanup_pending = true, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = 'running'
          AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $3))`,
      [organizationId, id, staleSeconds, code, message.slice(0, 4000)],
    )) as [unknown, number];
    return count === 1;
  }

  /** Marks the cancel request; a pending backup fails at once. Returns the new status. */
  async requestCancel(organizationId: string, id: string): Promise<BackupStatus | null> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE backups SET cancel_requested_at = COALESCE(cancel_requested_at, now()),
          status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
          error_code = CASE WHEN status = 'pending' THEN 'cancelled' ELSE error_code END,
          error_message = CASE WHEN status = 'pending' THEN 'The backup was cancelled before it started.' ELSE error_message END,
          completed_at = CASE WHEN status = 'pending' THEN now() ELSE completed_at END,
          updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status IN ('pending', 'running')
        RETURNING status`,
      [organizationId, id],
    )) as [{ status: BackupStatus }[], number];
    return rows[0]?.status ?? null;
  }

  async setCleanupPending(organizationId: string, id: string, pending: boolean): Promise<void> {
    await this.repo.update({ organizationId, id }, { cleanupPending: pending });
  }

  /** Failed backups whose partial objects are still to be removed. */
  findCleanupPending(): Promise<Backup[]> {
    return this.repo.find({ where: { cleanupPending: true, status: 'failed' }, take: 50 });
  }

  /**
   * Takes a finished, unprotected backup for deletion: it becomes delete_failed ("deleting") until
   * its row is deleted, so an interrupted delete is retried. Null when it is protected, pending,
   * running, being restored or verified, or gone.
   */
  async markDeleting(organizationId: string, id: string): Promise<Backup | null> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE backups SET status = 'delete_failed', error_code = 'deleting',
          error_message = 'Deletion started; if it was interrupted it is retried.', updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND protected = false
          AND status IN ('completed', 'failed', 'delete_failed')
          AND NOT EXISTS (SELECT 1 FROM restores r WHERE r.backup_id = backups.id
                            AND r.status IN ('pending', 'running'))
          AND NOT EXISTS (SELECT 1 FROM backup_migration_items i
            WHERE i.backup_id = backups.id AND i.state IN ('pending', 'repointed'))`,
      [organizationId, id],
    )) as [unknown, number];
    return count === 1 ? this.findById(organizationId, id) : null;
  }

  async setProtected(organizationId: string, id: string, value: boolean): Promise<void> {
    await this.repo.update({ organizationId, id }, { protected: value });
  }

  async markDeleteFailed(organizationId: string, id: string, code: string, message: string): Promise<void> {
    await this.tx.manager().query(
      `UPDATE backups SET status = 'delete_failed', error_code = $3, error_message = $4, updated_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, code, message.slice(0, 4000)],
    );
  }

  /** A migration between storage configs holds the backup (not yet moved, or its source not yet deleted). */
  async isBeingMigrated(id: string): Promise<boolean> {
    const rows = (await this.tx
      .manager()
      .query(
        `SELECT 1 FROM backup_migration_items WHERE backup_id = $1 AND state IN ('pending', 'repointed') LIMIT 1`,
        [id],
      )) as unknown[];
    return rows.length > 0;
  }

  async delete(organizationId: string, id: string): Promise<void> {
    await this.repo.delete({ organizationId, id });
  }

  /** Deletes the row of a backup being deleted; false if it was gone already. */
  async deleteRow(organizationId: string, id: string): Promise<boolean> {
    const [, count] = (await this.tx
      .manager()
      .query(
        `DELETE FROM backups WHERE organization_id = $1 AND id = $2 AND status = 'delete_failed' RETURNING id`,
        [organizationId, id],
      )) as [unknown, number];
    return count === 1;
  }

  findDeleteFailed(opts: { manualOnly: boolean }): Promise<Backup[]> {
    const qb = this.repo
      .createQueryBuilder('b')
      .where("b.status = 'delete_failed' AND b.protected = false")
      .orderBy('b.updated_at')
      .limit(50);
    if (opts.manualOnly) qb.andWhere('b.schedule_id IS NULL');
    return qb.getMany();
  }

  /** Deletes failed backups' rows (their objects are gone) that ended before `before`. */
  async pruneFailed(before: Date): Promise<number> {
    const [, count] = (await this.tx.manager().query(
      `DELETE FROM backups WHERE status = 'failed' AND cleanup_pending = false AND usage_counted = false
          AND completed_at < $1`,
      [before],
    )) as [unknown, number];
    return count;
  }

  /**
   * Running backups whose worker stopped reporting for `staleSeconds` (its job's retries are spent
   * or the queue lost it): failed, so nothing stays `running` forever.
   */
  async findStale(staleSeconds: number): Promise<Backup[]> {
    return this.repo
      .createQueryBuilder('b')
      .where("b.status = 'running' AND b.heartbeat_at < now() - make_interval(secs => :s)", {
        s: staleSeconds,
      })
      .limit(100)
      .getMany();
  }
}
