import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { Cancelled, type JobFailure } from '../jobs/job-failure.js';
import { tenantJobIds, type JobKind, type RunningJob, type TenantJob } from '../jobs/job-kind.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import type { JobProgress, JobRef } from '../jobs/job-table.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { setCodecEngine } from '../storage/pipeline/codec.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import { StorageHealthService } from '../storage-health/storage-health.service.js';
import { BackupWriter, type WrittenBackup } from './backup-writer.service.js';
import type { Backup } from './backup.entity.js';
import { BackupsRepository } from './backups.repository.js';

export const BACKUP_QUEUE = 'backup.run';

export type BackupJob = TenantJob<'backupId'>;

/**
 * The backup job kind: the job runner claims, beats and retries; this writes the backup (through
 * BackupWriter) and records how it ended. The backups row is the source of truth; a redelivered
 * job after a dead worker cleans the folder and redoes it.
 */
@Injectable()
export class BackupRunnerService implements OnModuleInit, JobKind<BackupJob, Backup, JobProgress> {
  private readonly logger = new Logger('BackupRunner');
  /** Called after a backup completed (e.g. the schedule's retention); errors are logged, not thrown. */
  private readonly completedListeners: ((backup: Backup) => Promise<void>)[] = [];
  /** Backups whose failed attempt could not delete its partial objects (the sweep retries). */
  private readonly uncleaned = new Set<string>();

  readonly noun = 'backup';
  readonly cancelAborts = true;
  readonly cancelledMessage = 'The backup was cancelled; its partial objects were deleted.';
  readonly queue: JobKind<BackupJob, Backup, JobProgress>['queue'];

  constructor(
    private readonly runner: JobRunner,
    readonly store: BackupsRepository,
    private readonly writer: BackupWriter,
    private readonly environments: EnvironmentsService,
    private readonly storageConfigs: StorageConfigsService,
    private readonly storageConnections: StorageConnectionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly notifications: NotificationOutbox,
    private readonly storageHealth: StorageHealthService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // One backup per environment at a time; the others wait in the queue.
    this.queue = { name: BACKUP_QUEUE, policy: 'singleton', concurrency: config.backups.concurrency };
  }

  onModuleInit(): void {
    setCodecEngine(this.config.backups.codecEngine);
    this.runner.register(this);
  }

  onCompleted(listener: (backup: Backup) => Promise<void>): void {
    this.completedListeners.push(listener);
  }

  private readonly ids = tenantJobIds('backupId', 'backup_id');
  readonly ref = this.ids.ref;
  readonly payload = this.ids.payload;
  readonly logFields = this.ids.logFields;

  initialProgress(): JobProgress {
    return { phase: 'database', bytes: 0 };
  }

  async run(backup: Backup, job: RunningJob<JobProgress>): Promise<void> {
    let driver: PrefixedStorageDriver | undefined;
    try {
      driver = await this.storageConnections.openDriverFor(
        backup.storageConfigId, // database and filestore upload at once: 2 parts in flight each keeps the worker's memory
        // at one upload's default window (bench:backup)
        { queueSize: 2 },
      );
      if (backup.attempts > 1) {
        // An earlier attempt died mid-way: start from an empty folder.
        await driver.deletePrefix(backup.objectPrefix, { signal: job.signal });
      }
      const written = await this.writer.write(backup, driver, job.signal, job.progress);
      await this.complete(backup, written, job.progress.bytes);
    } catch (err) {
      if (!(driver && (await this.cleanup(driver, backup)))) this.uncleaned.add(backup.id);
      throw err;
    } finally {
      await driver?.close().catch(() => undefined);
    }
    this.logger.log({ ...job.log, bytes: job.progress.bytes }, 'Backup completed');
    for (const listener of this.completedListeners) {
      await listener(backup).catch((err: unknown) =>
        this.logger.warn({ ...job.log, err }, 'A listener of completed backups failed'),
      );
    }
  }

  private async complete(backup: Backup, w: WrittenBackup, bytesProcessed: number): Promise<void> {
    const orgId = backup.organizationId;
    const startedAt = backup.startedAt ?? w.completedAt;
    const durationMs = w.completedAt.getTime() - startedAt.getTime();
    await this.tx.run(async () => {
      const done = await this.store.complete(orgId, backup.id, {
        parts: w.catalog,
        totalSizeBytes: w.totalSizeBytes,
        bytesProcessed,
        completedAt: w.completedAt,
        durationMs,
      });
      if (!done) throw new Cancelled();
      await this.storageConfigs.addUsage(backup.storageConfigId, w.totalSizeBytes, 1);
      await this.audit.recordSystem(orgId, {
        action: 'backup.complete',
        targetType: 'backup',
        targetId: backup.id,
        diff: { total_size_bytes: w.totalSizeBytes },
      });
      await this.notifications.emit(orgId, 'backup.completed', {
        backup: {
          id: backup.id,
          storage_config_id: backup.storageConfigId,
          total_size_bytes: w.totalSizeBytes,
          duration_ms: durationMs,
          completed_at: w.completedAt.toISOString(),
        },
        environment: w.environment,
      });
    });
    this.metrics.backupFinished('completed', backup.trigger, durationMs, w.totalSizeBytes);
  }

  async retrying(backup: Backup, failure: JobFailure): Promise<void> {
    this.uncleaned.delete(backup.id);
    if (failure.storage)
      await this.storageHealth.backupStorageFailure(backup.storageConfigId, failure.code, failure.message);
  }

  async failed(backup: Backup, failure: JobFailure): Promise<void> {
    const { organizationId, id } = backup;
    const cleaned = !this.uncleaned.delete(id);
    const ended = await this.tx.run(async () => {
      const ended = await this.store.fail(organizationId, id, failure.code, failure.message);
      if (!cleaned) await this.store.setCleanupPending(organizationId, id, true);
      await this.audit.recordSystem(organizationId, {
        action: 'backup.fail',
        targetType: 'backup',
        targetId: id,
        diff: { error_code: failure.code },
      });
      if (failure.storage)
        await this.storageHealth.backupStorageFailure(backup.storageConfigId, failure.code, failure.message);
      if (ended && failure.code !== 'cancelled')
        await this.notifyFailed(backup, failure.code, failure.message);
      return ended;
    });
    if (ended) {
      const startedAt = backup.startedAt?.getTime();
      this.metrics.backupFinished(
        'failed',
        backup.trigger,
        startedAt === undefined ? null : Date.now() - startedAt,
        0,
      );
    }
  }

  /** Deletes everything this backup may have written; false when the storage refused. */
  private async cleanup(driver: PrefixedStorageDriver, backup: Backup): Promise<boolean> {
    try {
      await driver.deletePrefix(backup.objectPrefix, { signal: AbortSignal.timeout(120_000) });
      return true;
    } catch (err) {
      this.logger.warn(
        { backup_id: backup.id, err },
        'Could not remove the partial objects of a failed backup',
      );
      return false;
    }
  }

  /** Removes the objects of a failed backup marked cleanup_pending; the mark stays if the storage refuses. */
  private async cleanupPending(b: Backup): Promise<void> {
    const driver = await this.storageConnections.openDriverFor(b.storageConfigId);
    try {
      if (await this.cleanup(driver, b)) await this.store.setCleanupPending(b.organizationId, b.id, false);
    } finally {
      await driver.close().catch(() => undefined);
    }
  }

  /**
   * The queue gave the backup's job up (every attempt's worker died or overran): the backup fails
   * now, not when the stale sweep would notice, and its partial objects go with it.
   */
  async givenUp(ref: JobRef): Promise<void> {
    const organizationId = ref.organizationId!;
    const ended = await this.tx.run(async () => {
      const failed = await this.store.fail(
        organizationId,
        ref.id,
        'worker_lost',
        'Every attempt of this backup lost its worker (killed or stopped responding) and the job was given up; its partial objects were deleted. Start a new backup.',
      );
      if (!failed) return false;
      await this.store.setCleanupPending(organizationId, ref.id, true);
      await this.audit.recordSystem(organizationId, {
        action: 'backup.fail',
        targetType: 'backup',
        targetId: ref.id,
        diff: { error_code: 'worker_lost' },
      });
      const row = await this.store.findById(organizationId, ref.id);
      if (row)
        await this.notifyFailed(
          row,
          'worker_lost',
          'Every attempt of this backup lost its worker and the job was given up.',
        );
      return true;
    });
    if (!ended) return; // finished already, or ended by its last attempt
    this.logger.warn(this.logFields(ref), 'Backup job failed for good');
    await this.abandoned(ref);
  }

  /** A backup ended without its worker: its partial objects go (cleanup_pending keeps them for the sweep). */
  async abandoned(ref: JobRef): Promise<void> {
    const backup = await this.store.findById(ref.organizationId!, ref.id);
    if (backup?.cleanupPending) await this.cleanupPending(backup);
  }

  /** Retries the cleanups a storage refused. */
  async housekeeping(): Promise<void> {
    for (const b of await this.store.findCleanupPending()) await this.cleanupPending(b);
  }

  /** backup.failed into the outbox, in the caller's transaction (ids and facts, never secrets). */
  private async notifyFailed(backup: Backup, code: string, message: string): Promise<void> {
    const env = await this.environments
      .require(backup.organizationId, backup.environmentId)
      .catch(() => null);
    await this.notifications.emit(backup.organizationId, 'backup.failed', {
      backup: {
        id: backup.id,
        storage_config_id: backup.storageConfigId,
        error_code: code,
        error_message: message,
        started_at: backup.startedAt?.toISOString() ?? null,
      },
      environment: { id: backup.environmentId, name: env?.name ?? null },
    });
  }

  /** A cancel of a running backup: see JobRunner.cancelRunning. */
  cancelRunning(organizationId: string, backupId: string): Promise<boolean> {
    return this.runner.cancelRunning(
      BACKUP_QUEUE,
      { organizationId, id: backupId },
      'The backup was cancelled; its worker had stopped, and its partial objects are deleted.',
    );
  }

  /** Fails backups whose worker vanished for good, and retries cleanups the storage refused. */
  sweep(): Promise<void> {
    return this.runner.sweep(BACKUP_QUEUE);
  }
}
