import { Injectable } from '@nestjs/common';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
import { Backup } from '../backups/backup.entity.js';
import type { JobStore } from '../jobs/job-kind.js';
import { JobRows, JobTable, type JobRef } from '../jobs/job-table.js';
import {
  BackupMigration,
  BackupMigrationItem,
  type CopyMethod,
  type MigrationItemState,
  type MigrationStatus,
} from './backup-migration.entity.js';

/** What a migration's heartbeat reports: the bytes copied of the backup it is moving. */
export interface MigrationJobProgress {
  item: { backupId: string; bytes: number } | null;
}

/** Aggregates of a migration's items, computed when read (no counters to drift). */
export interface MigrationProgress {
  done: number;
  failed: number;
  cancelled: number;
  skipped: number;
  bytesCopied: number;
  serverSideCopies: number;
  sourceLeftovers: number;
}

const EMPTY: MigrationProgress = {
  done: 0,
  failed: 0,
  cancelled: 0,
  skipped: 0,
  bytesCopied: 0,
  serverSideCopies: 0,
  sourceLeftovers: 0,
};

/**
 * Migrations and their items. Organization migrations are read with their organization id; platform
 * migrations (organization_id NULL) with scope null.
 */
@Injectable()
export class BackupMigrationsRepository
  extends JobRows<BackupMigration, MigrationJobProgress>
  implements JobStore<BackupMigration, MigrationJobProgress>
{
  /** The job state of the backup_migrations table, driven by the job runner. */
  protected readonly jobs: JobTable;

  constructor(private readonly tx: Transactions) {
    super();
    this.jobs = new JobTable(tx, {
      table: 'backup_migrations',
      progress: false,
      restartClock: false,
      staleMessage: `'The worker running this migration stopped responding and it was not retried; backups not yet moved stay on the source. Start a new migration for them.'`,
      cancelPending: { status: 'cancelled' },
    });
  }

  private get migrations() {
    return this.tx.manager().getRepository(BackupMigration);
  }

  private get items() {
    return this.tx.manager().getRepository(BackupMigrationItem);
  }

  findById(scope: string | null, id: string): Promise<BackupMigration | null> {
    return this.migrations
      .createQueryBuilder('m')
      .where('m.id = :id', { id })
      .andWhere(scope === null ? 'm.organization_id IS NULL' : 'm.organization_id = :scope', { scope })
      .getOne();
  }

  /** For the runner: the migration whatever its scope. */
  findAny(id: string): Promise<BackupMigration | null> {
    return this.migrations.findOne({ where: { id } });
  }

  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.migrations.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  list(scope: string | null, page: PageRequest) {
    const qb = this.migrations
      .createQueryBuilder('m')
      .where(scope === null ? 'm.organization_id IS NULL' : 'm.organization_id = :scope', { scope });
    return keysetPage(qb, page);
  }

  async insert(migration: BackupMigration, items: BackupMigrationItem[]): Promise<void> {
    await this.migrations.insert(migration);
    for (let i = 0; i < items.length; i += 500) await this.items.insert(items.slice(i, i + 500));
  }

  itemsOf(migrationId: string): Promise<BackupMigrationItem[]> {
    return this.items.find({ where: { migrationId }, order: { position: 'ASC' } });
  }

  async progress(ids: string[]): Promise<Map<string, MigrationProgress>> {
    const out = new Map<string, MigrationProgress>();
    if (!ids.length) return out;
    const rows = (await this.tx.manager().query(
      `SELECT migration_id,
          count(*) FILTER (WHERE state = 'done')::int AS done,
          count(*) FILTER (WHERE state = 'failed')::int AS failed,
          count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
          count(*) FILTER (WHERE state = 'skipped')::int AS skipped,
          COALESCE(sum(bytes_copied), 0)::bigint AS bytes_copied,
          count(*) FILTER (WHERE method = 'server_side_copy' AND state IN ('done', 'repointed'))::int AS server_side,
          count(*) FILTER (WHERE source_leftover)::int AS leftovers
        FROM backup_migration_items WHERE migration_id = ANY($1) GROUP BY migration_id`,
      [ids],
    )) as {
      migration_id: string;
      done: number;
      failed: number;
      cancelled: number;
      skipped: number;
      bytes_copied: string;
      server_side: number;
      leftovers: number;
    }[];
    for (const id of ids) out.set(id, { ...EMPTY });
    for (const r of rows) {
      out.set(r.migration_id, {
        done: r.done,
        failed: r.failed,
        cancelled: r.cancelled,
        skipped: r.skipped,
        bytesCopied: Number(r.bytes_copied),
        serverSideCopies: r.server_side,
        sourceLeftovers: r.leftovers,
      });
    }
    return out;
  }

  /** Backups of the list that an unfinished migration holds already. */
  async activeBackupIds(backupIds: string[]): Promise<string[]> {
    if (!backupIds.length) return [];
    const rows = (await this.tx
      .manager()
      .query(
        `SELECT backup_id FROM backup_migration_items WHERE backup_id = ANY($1) AND state IN ('pending', 'repointed')`,
        [backupIds],
      )) as { backup_id: string }[];
    return rows.map((r) => r.backup_id);
  }

  /** Completed backups stored on a config (optionally of one organization / environment). */
  /** Whether the organization has a completed backup on the config (one index probe, no rows read). */
  async hasCompletedBackupsOn(storageConfigId: string, organizationId: string): Promise<boolean> {
    const rows = (await this.tx
      .manager()
      .query(
        `SELECT EXISTS (SELECT 1 FROM backups WHERE storage_config_id = $1 AND organization_id = $2 AND status = 'completed') AS found`,
        [storageConfigId, organizationId],
      )) as { found: boolean }[];
    return rows[0]?.found === true;
  }

  async completedBackupsOn(
    storageConfigId: string,
    filter: { organizationId?: string; environmentId?: string; ids?: string[] },
  ): Promise<Backup[]> {
    const params: unknown[] = [storageConfigId];
    let where = `storage_config_id = $1 AND status = 'completed'`;
    if (filter.organizationId) {
      params.push(filter.organizationId);
      where += ` AND organization_id = $${params.length}`;
    }
    if (filter.environmentId) {
      params.push(filter.environmentId);
      where += ` AND environment_id = $${params.length}`;
    }
    if (filter.ids) {
      params.push(filter.ids);
      where += ` AND id = ANY($${params.length})`;
    }
    const rows = (await this.tx.manager().query(
      `SELECT id, organization_id, status, storage_config_id, total_size_bytes FROM backups WHERE ${where}
        ORDER BY created_at, id`,
      params,
    )) as { id: string; organization_id: string; total_size_bytes: string }[];
    return rows.map(
      (r) =>
        ({
          id: r.id,
          organizationId: r.organization_id,
          totalSizeBytes: Number(r.total_size_bytes),
        }) as Backup,
    );
  }

  /** The selected backups as they are (any config, any status), to explain refusals. */
  async backupsByIds(
    organizationId: string,
    ids: string[],
  ): Promise<{ id: string; status: string; storage_config_id: string }[]> {
    return (await this.tx
      .manager()
      .query(
        `SELECT id, status, storage_config_id FROM backups WHERE organization_id = $1 AND id = ANY($2)`,
        [organizationId, ids],
      )) as { id: string; status: string; storage_config_id: string }[];
  }

  /** A platform migration has no organization: the runner finds it by id. */
  protected load(ref: JobRef): Promise<BackupMigration | null> {
    return this.findAny(ref.id);
  }

  /** Liveness, the current item's bytes, and whether a cancel was requested. */
  override async heartbeat(
    ref: JobRef,
    progress: MigrationJobProgress,
  ): Promise<{ running: boolean; cancelRequested: boolean }> {
    if (progress.item) {
      await this.tx
        .manager()
        .query(
          `UPDATE backup_migration_items SET bytes_copied = $3 WHERE migration_id = $1 AND backup_id = $2 AND state = 'pending'`,
          [ref.id, progress.item.backupId, progress.item.bytes],
        );
    }
    return super.heartbeat(ref, progress);
  }

  /** Back to the queue for its next attempt: still running, with no worker (the items keep their state). */
  override async release(ref: JobRef): Promise<void> {
    await this.tx
      .manager()
      .query(
        `UPDATE backup_migrations SET heartbeat_at = NULL, updated_at = now() WHERE id = $1 AND status = 'running'`,
        [ref.id],
      );
  }

  async cancelRequested(id: string): Promise<boolean> {
    const [row] = (await this.tx
      .manager()
      .query(`SELECT cancel_requested_at IS NOT NULL AS cancel FROM backup_migrations WHERE id = $1`, [
        id,
      ])) as { cancel: boolean }[];
    return row?.cancel ?? false;
  }

  /** Marks the cancel request; a pending migration ends at once. Returns the status after. */
  async requestCancel(id: string): Promise<MigrationStatus | null> {
    return this.tx.run(async () => {
      const status = (await this.jobs.requestCancel({ organizationId: null, id })) as MigrationStatus | null;
      if (status === 'cancelled') await this.cancelPendingItems(id);
      return status;
    });
  }

  async cancelPendingItems(migrationId: string): Promise<void> {
    await this.tx.manager().query(
      `UPDATE backup_migration_items SET state = 'cancelled', bytes_copied = 0, updated_at = now()
        WHERE migration_id = $1 AND state = 'pending'`,
      [migrationId],
    );
  }

  /** pending/running → `status`; false when it had ended already. */
  finish(id: string, status: MigrationStatus, error?: { code: string; message: string }): Promise<boolean> {
    return this.jobs.end({ organizationId: null, id }, status, error ?? null);
  }

  async setItem(
    migrationId: string,
    backupId: string,
    from: MigrationItemState,
    values: {
      state: MigrationItemState;
      method?: CopyMethod | null;
      bytesCopied?: number;
      sourceLeftover?: boolean;
      errorCode?: string | null;
      errorMessage?: string | null;
    },
  ): Promise<boolean> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE backup_migration_items SET state = $4,
          method = CASE WHEN $5::boolean THEN $6 ELSE method END,
          bytes_copied = COALESCE($7, bytes_copied),
          source_leftover = COALESCE($8, source_leftover),
          error_code = $9, error_message = $10, updated_at = now()
        WHERE migration_id = $1 AND backup_id = $2 AND state = $3`,
      [
        migrationId,
        backupId,
        from,
        values.state,
        values.method !== undefined,
        values.method ?? null,
        values.bytesCopied ?? null,
        values.sourceLeftover ?? null,
        values.errorCode ?? null,
        values.errorMessage?.slice(0, 4000) ?? null,
      ],
    )) as [unknown, number];
    return count === 1;
  }

  findBackup(organizationId: string, id: string): Promise<Backup | null> {
    return this.tx.manager().getRepository(Backup).findOne({ where: { organizationId, id } });
  }

  /**
   * The queue gave the job up: unfinished items end too (the database must not keep them active).
   * Backups still on the source stay there; re-pointed ones keep their source objects as leftovers.
   */
  async abandonItems(migrationId: string, code: string, message: string): Promise<void> {
    await this.tx.manager().query(
      `UPDATE backup_migration_items SET state = 'failed', bytes_copied = 0, error_code = $2, error_message = $3,
          updated_at = now() WHERE migration_id = $1 AND state = 'pending'`,
      [migrationId, code, message],
    );
    await this.tx.manager().query(
      `UPDATE backup_migration_items SET state = 'done', source_leftover = true, error_code = $2,
          error_message = $3, updated_at = now() WHERE migration_id = $1 AND state = 'repointed'`,
      [migrationId, code, 'Moved; its source objects were not deleted yet (retried in the background).'],
    );
  }

  /** Items whose source objects remain after a failed delete, with the source config to retry on. */
  async leftovers(
    limit: number,
  ): Promise<{ migrationId: string; backupId: string; organizationId: string; sourceId: string }[]> {
    const rows = (await this.tx.manager().query(
      `SELECT i.migration_id, i.backup_id, i.organization_id, m.source_storage_config_id
        FROM backup_migration_items i JOIN backup_migrations m ON m.id = i.migration_id
        WHERE i.source_leftover AND i.state = 'done' LIMIT $1`,
      [limit],
    )) as {
      migration_id: string;
      backup_id: string;
      organization_id: string;
      source_storage_config_id: string;
    }[];
    return rows.map((r) => ({
      migrationId: r.migration_id,
      backupId: r.backup_id,
      organizationId: r.organization_id,
      sourceId: r.source_storage_config_id,
    }));
  }
}
