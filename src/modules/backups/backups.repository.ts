import { Injectable } from '@nestjs/common';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
import type { JobStore } from '../jobs/job-kind.js';
import { JobRows, JobTable, type JobProgress, type JobRef } from '../jobs/job-table.js';
import { Backup, type BackupPart, type BackupStatus } from './backup.entity.js';

export interface BackupFilters {
  environmentId?: string;
  status?: BackupStatus;
  storageConfigId?: string;
}

/** The backup catalog. Every method names the organization. */
@Injectable()
export class BackupsRepository extends JobRows<Backup> implements JobStore<Backup, JobProgress> {
  /** The job state of the backups table, driven by the job runner. */
  protected readonly jobs: JobTable;

  constructor(private readonly tx: Transactions) {
    super();
    this.jobs = new JobTable(tx, {
      table: 'backups',
      progress: true,
      // Every attempt starts over in an empty folder, its clock too.
      restartClock: true,
      claimSet: `phase = 'database', parts = '[]'`,
      abandonSet: 'cleanup_pending = true',
      staleMessage: `'The worker running this backup stopped responding and the job was not retried; start a new backup.'`,
      cancelPending: { status: 'failed', message: 'The backup was cancelled before it started.' },
    });
  }

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

  /** A claimed backup starts over from an empty folder (claimSet), its clock too. */
  protected load(ref: JobRef): Promise<Backup | null> {
    return this.findById(ref.organizationId!, ref.id);
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

  /** pending/running → failed (or pending again for the next attempt); false if it had ended. */
  fail(
    organizationId: string,
    id: string,
    code: string,
    message: string,
    status: 'failed' | 'pending' = 'failed',
  ): Promise<boolean> {
    return this.jobs.end({ organizationId, id }, status, { code, message });
  }

  /** Marks the cancel request; a pending backup fails at once. Returns the new status. */
  async requestCancel(organizationId: string, id: string): Promise<BackupStatus | null> {
    return (await this.jobs.requestCancel({ organizationId, id })) as BackupStatus | null;
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

  // --- for other modules: they change backups through here, not with their own SQL ----------

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

  /**
   * The re-point: the backup row names the target config from now on. Only a completed backup
   * still on the source moves; returns its usage to move, or null when it did not.
   */
  async repointToStorage(
    organizationId: string,
    backupId: string,
    sourceId: string,
    targetId: string,
  ): Promise<{ usageCounted: boolean; totalSizeBytes: number } | null> {
    const [rows] = (await this.tx.manager().query(
      `UPDATE backups SET storage_config_id = $4, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND storage_config_id = $3 AND status = 'completed'
        RETURNING usage_counted, total_size_bytes`,
      [organizationId, backupId, sourceId, targetId],
    )) as [{ usage_counted: boolean; total_size_bytes: string }[], number];
    const row = rows[0];
    return row ? { usageCounted: row.usage_counted, totalSizeBytes: Number(row.total_size_bytes) } : null;
  }

  /**
   * Scheduled backups still pending long after their claim (real time): their worker died between
   * committing the claim and queueing the job. Queueing again is harmless (a job for a finished
   * backup does nothing).
   */
  async strandedScheduled(): Promise<{ id: string; organizationId: string; environmentId: string }[]> {
    const rows = (await this.tx.manager().query(
      `SELECT id, organization_id, environment_id FROM backups
        WHERE status = 'pending' AND trigger = 'schedule' AND updated_at < now() - interval '10 minutes'
        ORDER BY updated_at LIMIT 100`,
    )) as { id: string; organization_id: string; environment_id: string }[];
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      environmentId: r.environment_id,
    }));
  }

  async touch(organizationId: string, id: string): Promise<void> {
    await this.tx
      .manager()
      .query(`UPDATE backups SET updated_at = now() WHERE organization_id = $1 AND id = $2`, [
        organizationId,
        id,
      ]);
  }
}
