import { BackupsRepository } from '../backups/backups.repository.js';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { isRetryable, type JobFailure } from '../jobs/job-failure.js';
import type { JobKind, RunningJob } from '../jobs/job-kind.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import type { JobRef } from '../jobs/job-table.js';
import { serverSideCopier, type ServerSideCopier } from '../storage/drivers/s3/s3-server-copy.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageError } from '../storage/storage-errors.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import type {
  BackupMigration,
  BackupMigrationItem,
  CopyMethod,
  MigrationItemState,
} from './backup-migration.entity.js';
import { BackupMigrationsRepository, type MigrationJobProgress } from './backup-migrations.repository.js';
import { IntegrityError, serverCopyPartVerified, streamPartVerified } from './migration-copy.js';

export const MIGRATION_QUEUE = 'backup-migration.run';

export interface MigrationJob {
  [key: string]: string;
  migrationId: string;
}

export type MigrationPausePoint = 'mid_copy' | 'before_repoint' | 'before_source_delete';

/** A backup that is no longer a completed backup on the source: not moved, not an error. */
class Skip extends Error {}

/**
 * The backup migration job kind: per backup, every part is copied to the target (streamed through
 * the worker and checked against the catalog's size and sha256, or copied inside the storage
 * service and read back through the same check), confirmed with stat, then the backup row and the
 * usage counters move to the target in one transaction, then the source objects are deleted (if
 * asked). The item rows are the resume points: a redelivered job skips what is finished and redoes
 * what is not. A cancel is read between backups, never mid-copy.
 */
@Injectable()
export class BackupMigrationRunnerService
  implements OnModuleInit, JobKind<MigrationJob, BackupMigration, MigrationJobProgress>
{
  private readonly logger = new Logger('BackupMigrationRunner');

  readonly noun = 'migration';
  readonly cancelAborts = false;
  readonly cancelledMessage = 'The migration was cancelled.';
  // pg-boss caps a job at 24 h; a longer migration is redelivered and resumes from its item rows.
  readonly queue = { name: MIGRATION_QUEUE, concurrency: 1 };

  constructor(
    private readonly runner: JobRunner,
    readonly store: BackupMigrationsRepository,
    private readonly backups: BackupsRepository,
    private readonly storageConfigs: StorageConfigsService,
    private readonly storageConnections: StorageConnectionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  ref(job: MigrationJob): JobRef {
    return { organizationId: null, id: job.migrationId };
  }

  payload(ref: JobRef): MigrationJob {
    return { migrationId: ref.id };
  }

  logFields(ref: JobRef): Record<string, unknown> {
    return { migration_id: ref.id };
  }

  initialProgress(): MigrationJobProgress {
    return { item: null };
  }

  async run(migration: BackupMigration, job: RunningJob<MigrationJobProgress>): Promise<void> {
    const migrationId = migration.id;
    const { signal, log } = job;
    let source: PrefixedStorageDriver | undefined;
    let target: PrefixedStorageDriver | undefined;
    try {
      source = await this.open(migration.sourceStorageConfigId);
      target = await this.open(migration.targetStorageConfigId);
      const copier = { server: serverSideCopier(source, target) };
      for (const item of await this.store.itemsOf(migrationId)) {
        if (item.state === 'pending') {
          // A cancel stops before the next backup; re-pointed ones still get their source deleted.
          if (await this.store.cancelRequested(migrationId)) continue;
          item.state = await this.moveOne(migration, item, source, target, copier, job);
        }
        if (item.state === 'repointed') await this.deleteSource(migration, item, source, signal);
      }
      if (await this.store.cancelRequested(migrationId)) {
        // A copy an earlier attempt left half-done (its worker died) is not kept on the target.
        for (const item of await this.store.itemsOf(migrationId)) {
          if (item.state !== 'pending' || item.bytesCopied === 0) continue;
          const b = await this.store.findBackup(item.organizationId, item.backupId);
          if (b && b.storageConfigId !== migration.targetStorageConfigId)
            await target.deletePrefix(b.objectPrefix, { signal }).catch(() => undefined);
        }
        await this.tx.run(async () => {
          await this.store.cancelPendingItems(migrationId);
          await this.store.finish(migrationId, 'cancelled');
        });
        this.logger.log(log, 'Backup migration cancelled');
        return;
      }
      const progress = (await this.store.progress([migrationId])).get(migrationId)!;
      await this.store.finish(migrationId, progress.failed > 0 ? 'completed_with_errors' : 'completed');
      this.logger.log({ ...log, ...progress }, 'Backup migration finished');
    } finally {
      await source?.close().catch(() => undefined);
      await target?.close().catch(() => undefined);
    }
  }

  /** The attempt ended the migration: backups not yet moved stay on the source. */
  async failed(migration: BackupMigration, failure: JobFailure): Promise<void> {
    await this.tx.run(async () => {
      await this.store.abandonItems(migration.id, failure.code, failure.message);
      await this.store.finish(migration.id, 'failed', { code: failure.code, message: failure.message });
    });
  }

  private async open(configId: string): Promise<PrefixedStorageDriver> {
    // One S3 part in flight while the next fills: 20 backups × 16 MiB local → S3 peaked at
    // 162–163 MB worker RSS (2 runs), against 162–195 MB with 2 in flight (4 runs); the backup
    // target is 200 MB.
    return this.storageConnections.openDriverFor(configId, { queueSize: 1 });
  }

  /** Copy, verify, stat, re-point (with the counters) one backup. Errors of the backup end its item. */
  private async moveOne(
    migration: BackupMigration,
    item: BackupMigrationItem,
    source: PrefixedStorageDriver,
    target: PrefixedStorageDriver,
    copier: { server: ServerSideCopier | null },
    job: RunningJob<MigrationJobProgress>,
  ): Promise<MigrationItemState> {
    const { signal, progress: current } = job;
    const log = {
      migration_id: migration.id,
      backup_id: item.backupId,
      organization_id: item.organizationId,
    };
    const backup = await this.store.findBackup(item.organizationId, item.backupId);
    try {
      if (!backup) throw new Skip('The backup was deleted before it was moved.');
      if (backup.status !== 'completed') throw new Skip(`The backup is ${backup.status}, not completed.`);
      if (backup.storageConfigId !== migration.sourceStorageConfigId)
        throw new Skip('The backup is no longer on the source storage config.');
      const progress = { backupId: backup.id, bytes: 0 };
      current.item = progress;
      // A folder half-written by an earlier attempt starts over (the row still names the source).
      await target.deletePrefix(backup.objectPrefix, { signal });
      let method: CopyMethod = copier.server ? 'server_side_copy' : 'stream';
      let first = true;
      for (const part of backup.parts) {
        const options = {
          signal,
          onBytes: (n: number) => {
            progress.bytes += n;
          },
          midCopy: first ? () => this.pause('mid_copy', signal) : undefined,
        };
        first = false;
        if (copier.server) {
          try {
            await serverCopyPartVerified(copier.server, target, part, options);
            continue;
          } catch (err) {
            if (err instanceof IntegrityError || signal.aborted) throw err;
            // The service refused the copy (another owner's bucket, no CopyObject): stream instead.
            this.logger.warn({ ...log, err }, 'Server-side copy refused; streaming through the worker');
            copier.server = null;
            method = 'stream';
          }
        }
        await streamPartVerified(source, target, part, options);
      }
      for (const part of backup.parts) {
        const s = await target.stat(part.key, { signal });
        if (!s || s.size !== part.sizeBytes) {
          throw new StorageError(
            'unknown',
            `The target reports ${s ? `${s.size} bytes` : 'no object'} for ${part.key} after the copy, expected ${part.sizeBytes} bytes.`,
          );
        }
      }
      await this.pause('before_repoint', signal);
      signal.throwIfAborted();
      await this.tx.run(async () => {
        const moved = await this.backups.repointToStorage(
          backup.organizationId,
          backup.id,
          migration.sourceStorageConfigId,
          migration.targetStorageConfigId,
        );
        if (!moved) throw new Skip('The backup changed while it was copied (deleted or moved); not moved.');
        if (moved.usageCounted) {
          await this.storageConfigs.addUsage(migration.sourceStorageConfigId, -moved.totalSizeBytes, -1);
          await this.storageConfigs.addUsage(migration.targetStorageConfigId, moved.totalSizeBytes, 1);
        }
        const ok = await this.store.setItem(migration.id, backup.id, 'pending', {
          state: migration.deleteSource ? 'repointed' : 'done',
          method,
          bytesCopied: backup.totalSizeBytes,
        });
        if (!ok) throw new Skip('The migration item changed meanwhile.');
        await this.audit.recordSystem(backup.organizationId, {
          action: 'backup.migrate',
          targetType: 'backup',
          targetId: backup.id,
          diff: {
            migration_id: migration.id,
            from_storage_config_id: migration.sourceStorageConfigId,
            to_storage_config_id: migration.targetStorageConfigId,
            method,
          },
        });
      });
      this.logger.log({ ...log, method }, 'Backup moved to the target storage config');
      return migration.deleteSource ? 'repointed' : 'done';
    } catch (err) {
      if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : err;
      if (isRetryable(err, { attempt: job.ctx.attempt, retryLimit: this.config.backups.retryLimit }))
        throw err; // the whole job is retried; this item is still pending
      const failure =
        err instanceof Skip
          ? { state: 'skipped' as const, code: 'skipped', message: err.message }
          : err instanceof IntegrityError
            ? {
                state: 'failed' as const,
                code: 'integrity_failed',
                message: `${err.message} The source was left as it was.`,
              }
            : err instanceof StorageError
              ? {
                  state: 'failed' as const,
                  code: err.code,
                  message: `${err.message}${err.hint ? ` ${err.hint}` : ''}`,
                }
              : {
                  state: 'failed' as const,
                  code: 'internal',
                  message: `Unexpected error: ${(err as Error)?.message ?? String(err)}`,
                };
      this.logger.warn({ ...log, code: failure.code, err }, `Backup not moved: ${failure.message}`);
      // Copies on the target are not the backup's unless its row names the target: removed.
      if (backup) {
        const now = await this.store.findBackup(backup.organizationId, backup.id);
        if (now?.storageConfigId !== migration.targetStorageConfigId)
          await target.deletePrefix(backup.objectPrefix).catch(() => undefined);
      }
      await this.store.setItem(migration.id, item.backupId, 'pending', {
        state: failure.state,
        bytesCopied: 0,
        errorCode: failure.code,
        errorMessage: failure.message,
      });
      return failure.state;
    } finally {
      current.item = null;
    }
  }

  /**
   * After the re-point: the source objects the catalog lists go. A failure keeps the backup on the
   * target (its row names it) and records the leftover, retried in the background.
   */
  private async deleteSource(
    migration: BackupMigration,
    item: BackupMigrationItem,
    source: PrefixedStorageDriver,
    signal: AbortSignal,
  ): Promise<void> {
    await this.pause('before_source_delete', signal);
    const backup = await this.store.findBackup(item.organizationId, item.backupId);
    try {
      if (backup && backup.storageConfigId !== migration.sourceStorageConfigId) {
        for (const p of backup.parts) await source.delete(p.key, { signal });
      }
      await this.store.setItem(migration.id, item.backupId, 'repointed', { state: 'done' });
    } catch (err) {
      if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : err;
      const e = err instanceof StorageError ? err : new StorageError('unknown', (err as Error).message);
      this.logger.warn(
        { migration_id: migration.id, backup_id: item.backupId, err },
        'Source objects of a moved backup could not be deleted; retried later',
      );
      await this.store.setItem(migration.id, item.backupId, 'repointed', {
        state: 'done',
        sourceLeftover: true,
        errorCode: e.code,
        errorMessage: `Moved, but its source objects could not be deleted: ${e.message} They are retried in the background.`,
      });
    }
  }

  /** Deletes source objects that an earlier source delete left behind (never those of the config a row names). */
  async retryLeftovers(): Promise<void> {
    try {
      for (const l of await this.store.leftovers(50)) {
        const backup = await this.store.findBackup(l.organizationId, l.backupId);
        if (!backup || backup.storageConfigId === l.sourceId) {
          await this.clearLeftover(l.migrationId, l.backupId);
          continue;
        }
        const driver = await this.storageConnections.openDriverFor(l.sourceId);
        try {
          for (const p of backup.parts) await driver.delete(p.key);
          await this.clearLeftover(l.migrationId, l.backupId);
        } catch (err) {
          this.logger.warn(
            { migration_id: l.migrationId, backup_id: l.backupId, err },
            'Leftover delete failed',
          );
        } finally {
          await driver.close().catch(() => undefined);
        }
      }
    } catch (err) {
      this.logger.warn({ err }, 'Migration leftover sweep failed');
    }
  }

  private async clearLeftover(migrationId: string, backupId: string): Promise<void> {
    await this.tx.manager().query(
      `UPDATE backup_migration_items SET source_leftover = false, error_code = NULL, error_message = NULL,
            updated_at = now() WHERE migration_id = $1 AND backup_id = $2`,
      [migrationId, backupId],
    );
  }

  /** The queue gave the job up (every attempt's worker died or overran): the migration ends here. */
  async givenUp(ref: JobRef): Promise<void> {
    const message =
      'Every attempt of this migration lost its worker; backups not yet moved stay on the source. Start a new migration for them.';
    await this.tx.run(async () => {
      if (await this.store.finish(ref.id, 'failed', { code: 'worker_lost', message }))
        await this.store.abandonItems(ref.id, 'worker_lost', message);
    });
  }

  /** The runner ended the migration without its worker: its unfinished items end with it. */
  async abandoned(ref: JobRef): Promise<void> {
    const m = await this.store.findAny(ref.id);
    if (m?.status === 'failed')
      await this.store.abandonItems(ref.id, m.errorCode ?? 'worker_lost', m.errorMessage ?? '');
  }

  /** Retries the source deletes that failed after a re-point. */
  housekeeping(): Promise<void> {
    return this.retryLeftovers();
  }

  /** Ends migrations no worker will finish (lost before pickup, or their worker vanished). */
  sweep(): Promise<void> {
    return this.runner.sweep(MIGRATION_QUEUE);
  }

  /** Test hook (NODE_ENV=test, MIGRATION_TEST_PAUSE_AT): the job waits here until its worker dies or stops. */
  private async pause(point: MigrationPausePoint, signal: AbortSignal): Promise<void> {
    if (!this.config.testHooks.migrationPauseAt.includes(point)) return;
    this.logger.warn({ point }, `Backup migration paused at ${point}`);
    await new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason as Error);
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  }
}
