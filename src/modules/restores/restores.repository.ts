import { Injectable } from '@nestjs/common';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
import { Backup } from '../backups/backup.entity.js';
import type { JobStore } from '../jobs/job-kind.js';
import { JobRows, JobTable, type JobProgress, type JobRef } from '../jobs/job-table.js';
import { Restore, type RestoreResult, type RestoreStatus } from './restore.entity.js';

export interface RestoreFilters {
  backupId?: string;
  status?: RestoreStatus;
  kind?: string;
}

/** Restores and verifications. Every method names the organization. */
@Injectable()
export class RestoresRepository extends JobRows<Restore> implements JobStore<Restore, JobProgress> {
  /** The job state of the restores table, driven by the job runner. */
  protected readonly jobs: JobTable;

  constructor(private readonly tx: Transactions) {
    super();
    this.jobs = new JobTable(tx, {
      table: 'restores',
      progress: true,
      restartClock: false,
      claimSet: `phase = 'checking'`,
      // A restore cancelled while it waited for a retry is not started again.
      claimWhere: 'cancel_requested_at IS NULL',
      endSet: `phase = CASE WHEN :status = 'failed' THEN NULL ELSE phase END`,
      abandonWhere: `NOT (COALESCE(result, '{}') ? 'swap')`,
      staleMessage: `CASE WHEN result ? 'swap'
            THEN 'The worker stopped responding while swapping names and it was not retried; check the target and its before_restore copies, or start the restore again.'
            ELSE 'The worker running this job stopped responding and it was not retried; the target was not swapped and the scratch copies were dropped. Start it again.' END`,
      cancelPending: { status: 'failed', message: 'The restore was cancelled before it started.' },
    });
  }

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

  protected load(ref: JobRef): Promise<Restore | null> {
    return this.findById(ref.organizationId!, ref.id);
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

  /** pending/running → failed; false if it had ended. */
  fail(organizationId: string, id: string, code: string, message: string): Promise<boolean> {
    return this.jobs.end({ organizationId, id }, 'failed', { code, message });
  }

  /** Marks the cancel request; a pending restore fails at once. Returns the new status. */
  async requestCancel(organizationId: string, id: string): Promise<RestoreStatus | null> {
    return (await this.jobs.requestCancel({ organizationId, id })) as RestoreStatus | null;
  }

  findBackup(organizationId: string, id: string): Promise<Backup | null> {
    return this.tx.manager().getRepository(Backup).findOne({ where: { organizationId, id } });
  }
}
