import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Transactions } from '../../common/database/transactions.js';
import { API_VERSION } from '../../common/openapi/openapi.js';
import type { JobContext } from '../../common/queue/job-queue.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import type { Environment } from '../environments/environment.entity.js';
import { FilestoreReader, unreadable } from '../environments/filestore.service.js';
import { PgTools, type DbConnection, type PgDumpBinary } from '../environments/pg-tools.service.js';
import { SourceError } from '../environments/source-error.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageError } from '../storage/storage-errors.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { StorageHealthService } from '../storage-health/storage-health.service.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT_VERSION,
  catalogParts,
  restoreHints,
  type BackupManifest,
  type ManifestPart,
} from './backup-manifest.js';
import { setCodecEngine } from '../storage/pipeline/codec.js';
import { PartError, streamToStorage } from '../storage/pipeline/stream-to-storage.js';
import { COMPRESSION_SUFFIX, dumpSource, filestoreSource } from './backup-streams.js';
import type { Backup, BackupPhase } from './backup.entity.js';
import { BackupsRepository } from './backups.repository.js';

export const BACKUP_QUEUE = 'backup.run';

export interface BackupJob {
  [key: string]: string;
  organizationId: string;
  backupId: string;
}

/** Thrown into the pipeline when a user cancels (or the row stopped being ours). */
class Cancelled extends Error {
  constructor() {
    super('The backup was cancelled.');
    this.name = 'Cancelled';
  }
}

/** The worker stops or the job expired: the job is retried elsewhere, this attempt cleans up. */
class JobStopped extends Error {
  constructor() {
    super('The worker stopped during the backup; it will be retried.');
    this.name = 'JobStopped';
  }
}

const TRANSIENT = new Set(['endpoint_unreachable', 'timeout', 'dns_failed']);
const HEARTBEAT_MS = 1000;
/** A running backup whose row got no heartbeat for this long has no live worker (10 missed beats). */
const ORPHANED_AFTER_SECONDS = 10;

interface Failure {
  code: string;
  message: string;
  retry: boolean;
  /** The storage refused or failed (its config turns degraded at once). */
  storage?: boolean;
}

/**
 * Runs backup jobs: pg_dump and the filestore tar stream concurrently, each compressed, hashed and
 * uploaded as it is produced; then the manifest; then every part confirmed with stat. The backups
 * row is the source of truth; a redelivered job after a dead worker cleans the folder and redoes it.
 */
@Injectable()
export class BackupRunnerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('BackupRunner');
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Backups running in this process, so a cancel arriving here aborts at once (others: next heartbeat). */
  private readonly active = new Map<string, AbortController>();
  /** Called after a backup completed (e.g. the schedule's retention); errors are logged, not thrown. */
  private readonly completedListeners: ((backup: Backup) => Promise<void>)[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly backups: BackupsRepository,
    private readonly environments: EnvironmentsService,
    private readonly pgTools: PgTools,
    private readonly filestore: FilestoreReader,
    private readonly storageConfigs: StorageConfigsService,
    private readonly storageConnections: StorageConnectionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly notifications: NotificationOutbox,
    private readonly storageHealth: StorageHealthService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { heartbeatSeconds, retryLimit, concurrency } = this.config.backups;
    setCodecEngine(this.config.backups.codecEngine);
    this.queue.register<BackupJob>(
      {
        name: BACKUP_QUEUE,
        policy: 'singleton',
        heartbeatSeconds,
        expireInSeconds: 24 * 3600,
        retryLimit,
        retryDelaySeconds: 5,
        concurrency,
      },
      (job, ctx) => this.run(job.organizationId, job.backupId, ctx),
      { onFailedForGood: (job) => this.jobFailedForGood(job.organizationId, job.backupId) },
    );
    if (this.config.workerEnabled) {
      this.sweepTimer = setInterval(() => void this.sweep(), 30_000);
      this.sweepTimer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  onCompleted(listener: (backup: Backup) => Promise<void>): void {
    this.completedListeners.push(listener);
  }

  async run(organizationId: string, backupId: string, ctx: JobContext): Promise<void> {
    const backup = await this.backups.claim(organizationId, backupId);
    if (!backup) return; // finished already: a redelivered job does nothing
    const log = {
      organization_id: organizationId,
      backup_id: backupId,
      job_id: ctx.jobId,
      attempt: ctx.attempt,
    };
    this.logger.log(log, 'Backup started');

    const controller = new AbortController();
    this.active.set(backupId, controller);
    const onJobAbort = () => controller.abort(new JobStopped());
    if (ctx.signal.aborted) onJobAbort();
    ctx.signal.addEventListener('abort', onJobAbort, { once: true });
    const progress = { phase: 'database' as BackupPhase, bytes: 0 };
    const timer = setInterval(() => {
      this.backups
        .heartbeat(organizationId, backupId, progress.phase, progress.bytes)
        .then((r) => {
          if (!r.running || r.cancelRequested) controller.abort(new Cancelled());
        })
        .catch((err: unknown) => this.logger.warn({ ...log, err }, 'Backup heartbeat failed'));
    }, HEARTBEAT_MS);

    let driver: PrefixedStorageDriver | undefined;
    try {
      driver = await this.storageConnections.openDriverFor(
        backup.storageConfigId,
        // database and filestore upload at once: 2 parts in flight each keeps the worker's memory
        // at one upload's default window (bench:backup)
        { queueSize: 2 },
      );
      if (backup.attempts > 1) {
        // An earlier attempt died mid-way: start from an empty folder.
        await driver.deletePrefix(backup.objectPrefix, { signal: controller.signal });
      }
      await this.execute(backup, driver, controller.signal, progress);
      this.logger.log({ ...log, bytes: progress.bytes }, 'Backup completed');
      for (const listener of this.completedListeners) {
        await listener(backup).catch((err: unknown) =>
          this.logger.warn({ ...log, err }, 'A listener of completed backups failed'),
        );
      }
    } catch (err) {
      const failure = this.classify(err, controller.signal, ctx);
      this.logger.warn({ ...log, code: failure.code, err }, `Backup attempt failed: ${failure.message}`);
      const cleaned = driver ? await this.cleanup(driver, backup) : false;
      if (failure.retry) {
        await this.tx.run(async () => {
          await this.backups.fail(organizationId, backupId, failure.code, failure.message, 'pending');
          if (failure.storage)
            await this.storageHealth.backupStorageFailure(
              backup.storageConfigId,
              failure.code,
              failure.message,
            );
        });
        throw err instanceof Error ? err : new Error(failure.message);
      }
      const failed = await this.tx.run(async () => {
        const ended = await this.backups.fail(organizationId, backupId, failure.code, failure.message);
        if (!cleaned) await this.backups.setCleanupPending(organizationId, backupId, true);
        await this.audit.recordSystem(organizationId, {
          action: 'backup.fail',
          targetType: 'backup',
          targetId: backupId,
          diff: { error_code: failure.code },
        });
        if (failure.storage)
          await this.storageHealth.backupStorageFailure(
            backup.storageConfigId,
            failure.code,
            failure.message,
          );
        if (ended && failure.code !== 'cancelled')
          await this.notifyFailed(backup, failure.code, failure.message);
        return ended;
      });
      if (failed) {
        const startedAt = backup.startedAt?.getTime();
        this.metrics.backupFinished(
          'failed',
          backup.trigger,
          startedAt === undefined ? null : Date.now() - startedAt,
          0,
        );
      }
    } finally {
      this.active.delete(backupId);
      clearInterval(timer);
      ctx.signal.removeEventListener('abort', onJobAbort);
      await driver?.close().catch(() => undefined);
    }
  }

  private async execute(
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: { phase: BackupPhase; bytes: number },
  ): Promise<void> {
    const orgId = backup.organizationId;
    // Re-checked against the platform's source policy now: nothing is read from a forbidden source.
    const source = await this.environments.checkedSource(orgId, backup.environmentId, 'read');
    const { conn } = source;
    const env = { ...source.env, filestorePath: source.filestorePath };
    const server = await this.pgTools.inspect(conn);
    const binary = await this.pgTools.choose(server);
    if (env.filestorePath) await this.filestore.check(env.filestorePath);
    signal.throwIfAborted();

    const onBytes = (n: number) => {
      progress.bytes += n;
    };
    const folder = backup.objectPrefix;
    // Both streams run at once; the first failure stops the other.
    const local = new AbortController();
    const both = AbortSignal.any([signal, local.signal]);
    const fail = (e: unknown) => {
      local.abort(e);
      throw e;
    };
    const db = this.databasePart(backup, driver, conn, binary, both, onBytes, server.sizeBytes)
      .then((p) => {
        if (progress.phase === 'database' && env.filestorePath) progress.phase = 'filestore';
        return {
          ...p,
          server_version: server.version,
          pg_dump_version: binary.version,
          tables: server.tables,
        };
      })
      .catch(fail);
    const fs = env.filestorePath
      ? this.filestorePart(backup, env, driver, both, onBytes).catch(fail)
      : Promise.resolve(null);
    const settled = await Promise.allSettled([db, fs]);
    signal.throwIfAborted();
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    // The first failure is the cause; the other part then failed only because it was stopped.
    if (rejected) throw local.signal.aborted ? local.signal.reason : rejected.reason;
    const parts = [(settled[0] as PromiseFulfilledResult<ManifestPart>).value];
    const fsPart = (settled[1] as PromiseFulfilledResult<ManifestPart | null>).value;
    if (fsPart) parts.push(fsPart);

    progress.phase = 'manifest';
    const org = await this.backups.organizationOf(orgId);
    const completedAt = new Date();
    const manifest: BackupManifest = {
      format_version: MANIFEST_FORMAT_VERSION,
      tool: { name: 'offsite', version: API_VERSION },
      backup_id: backup.id,
      organization: org,
      environment: { id: env.id, name: env.name },
      note: backup.note,
      created_at: backup.createdAt.toISOString(),
      started_at: (backup.startedAt ?? completedAt).toISOString(),
      completed_at: completedAt.toISOString(),
      storage: { provider: driver.provider, path_prefix: driver.prefix, folder },
      parts,
      restore: restoreHints(parts),
    };
    const body = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    const manifestSha = createHash('sha256').update(body).digest('hex');
    const uploaded = await driver.upload(folder + MANIFEST_FILE, Readable.from([body]), {
      contentLength: body.length,
      contentType: 'application/json',
      signal,
    });
    if (uploaded.size !== body.length)
      throw new StorageError('unknown', 'The manifest upload stored a different size.');

    progress.phase = 'finalizing';
    const catalog = [
      ...catalogParts(folder, parts),
      {
        name: 'manifest',
        key: folder + MANIFEST_FILE,
        sizeBytes: body.length,
        sha256: manifestSha,
        compression: 'none',
        format: 'json',
      },
    ];
    for (const p of catalog) {
      const s = await driver.stat(p.key, { signal });
      if (!s || s.size !== p.sizeBytes) {
        throw new StorageError(
          'unknown',
          `The storage reports ${s ? `${s.size} bytes` : 'no object'} for ${p.key} after upload, expected ${p.sizeBytes} bytes.`,
        );
      }
    }
    const total = catalog.reduce((n, p) => n + p.sizeBytes, 0);
    await this.tx.run(async () => {
      const done = await this.backups.complete(orgId, backup.id, {
        parts: catalog,
        totalSizeBytes: total,
        bytesProcessed: progress.bytes,
        completedAt,
        durationMs: completedAt.getTime() - (backup.startedAt ?? completedAt).getTime(),
      });
      if (!done) throw new Cancelled();
      await this.storageConfigs.addUsage(backup.storageConfigId, total, 1);
      await this.audit.recordSystem(orgId, {
        action: 'backup.complete',
        targetType: 'backup',
        targetId: backup.id,
        diff: { total_size_bytes: total },
      });
      await this.notifications.emit(orgId, 'backup.completed', {
        backup: {
          id: backup.id,
          storage_config_id: backup.storageConfigId,
          total_size_bytes: total,
          duration_ms: completedAt.getTime() - (backup.startedAt ?? completedAt).getTime(),
          completed_at: completedAt.toISOString(),
        },
        environment: { id: env.id, name: env.name },
      });
    });
    this.metrics.backupFinished(
      'completed',
      backup.trigger,
      completedAt.getTime() - (backup.startedAt ?? completedAt).getTime(),
      total,
    );
  }

  private async databasePart(
    backup: Backup,
    driver: PrefixedStorageDriver,
    conn: DbConnection,
    binary: PgDumpBinary,
    signal: AbortSignal,
    onBytes: (n: number) => void,
    sizeEstimate: number,
  ): Promise<ManifestPart> {
    const custom = backup.dumpFormat === 'custom';
    const compression = backup.compression as 'gzip' | 'zstd';
    const file = custom ? 'database.dump' : `database.sql.${COMPRESSION_SUFFIX[compression]}`;
    const dump = dumpSource(this.pgTools, conn, binary, custom ? 'custom' : 'plain', compression, signal);
    try {
      const started = Date.now();
      const r = await streamToStorage(
        driver,
        backup.objectPrefix + file,
        dump.stream,
        dump.transforms,
        // The on-disk size bounds the compressed dump well enough to pick the multipart part size.
        { signal, onBytes: onBytes, sizeEstimate },
      );
      this.logger.log(
        { backupId: backup.id, part: 'database', bytes: r.size, ms: Date.now() - started },
        'Backup part stored',
      );
      return {
        name: 'database',
        file,
        key: driver.prefix + backup.objectPrefix + file,
        size_bytes: r.size,
        sha256: r.sha256,
        compression: custom ? 'none' : compression,
        format: custom ? 'custom' : 'plain',
      };
    } catch (err) {
      throw sourceAs(
        err,
        (e) => new SourceError('dump_failed', `pg_dump output could not be read: ${(e as Error).message}`),
      );
    }
  }

  private async filestorePart(
    backup: Backup,
    env: Environment,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    onBytes: (n: number) => void,
  ): Promise<ManifestPart> {
    const dir = env.filestorePath!;
    const compression = backup.compression as 'gzip' | 'zstd';
    const file = `filestore.tar.${COMPRESSION_SUFFIX[compression]}`;
    try {
      // The walk's total sizes the multipart parts: without it a filestore past parts × 5 MiB
      // (~50 GB on AWS) would fail at the part limit.
      const scanned = await this.filestore.scan(dir);
      signal.throwIfAborted();
      const archive = filestoreSource(this.filestore, dir, scanned, compression, signal);
      const started = Date.now();
      const r = await streamToStorage(
        driver,
        backup.objectPrefix + file,
        archive.stream,
        archive.transforms,
        { signal, onBytes: onBytes, sizeEstimate: scanned.totalBytes },
      );
      this.logger.log(
        { backupId: backup.id, part: 'filestore', bytes: r.size, ms: Date.now() - started },
        'Backup part stored',
      );
      return {
        name: 'filestore',
        file,
        key: driver.prefix + backup.objectPrefix + file,
        size_bytes: r.size,
        sha256: r.sha256,
        compression,
        format: 'tar',
        file_count: archive.stats.fileCount,
        uncompressed_bytes: archive.stats.totalBytes,
      };
    } catch (err) {
      throw sourceAs(err, (e) => unreadable(dir, e));
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

  private classify(err: unknown, signal: AbortSignal, ctx: JobContext): Failure {
    const retriesLeft = ctx.attempt <= this.config.backups.retryLimit;
    if (signal.aborted) {
      if (signal.reason instanceof Cancelled || err instanceof Cancelled) {
        return {
          code: 'cancelled',
          message: 'The backup was cancelled; its partial objects were deleted.',
          retry: false,
        };
      }
      if (signal.reason instanceof JobStopped) {
        return { code: 'worker_stopped', message: signal.reason.message, retry: retriesLeft };
      }
    }
    if (err instanceof Cancelled) {
      return {
        code: 'cancelled',
        message: 'The backup was cancelled; its partial objects were deleted.',
        retry: false,
      };
    }
    const inner = err instanceof PartError ? err.error : err;
    if (inner instanceof SourceError) return { code: inner.code, message: inner.message, retry: false };
    if (inner instanceof StorageError) {
      return {
        code: inner.code,
        message: inner.hint ? `${inner.message} ${inner.hint}` : inner.message,
        retry: TRANSIENT.has(inner.code) && retriesLeft,
        storage: true,
      };
    }
    return {
      code: 'internal',
      message: `Unexpected error: ${(inner as Error)?.message ?? String(inner)}`,
      retry: false,
    };
  }

  /** Removes the objects of a failed backup marked cleanup_pending; the mark stays if the storage refuses. */
  private async cleanupPending(b: Backup): Promise<void> {
    const driver = await this.storageConnections.openDriverFor(b.storageConfigId);
    try {
      if (await this.cleanup(driver, b)) await this.backups.setCleanupPending(b.organizationId, b.id, false);
    } finally {
      await driver.close().catch(() => undefined);
    }
  }

  /**
   * The queue gave the backup's job up (every attempt's worker died or overran): the backup fails
   * now, not when the stale sweep would notice, and its partial objects go with it.
   */
  async jobFailedForGood(organizationId: string, backupId: string): Promise<void> {
    const ended = await this.tx.run(async () => {
      const failed = await this.backups.fail(
        organizationId,
        backupId,
        'worker_lost',
        'Every attempt of this backup lost its worker (killed or stopped responding) and the job was given up; its partial objects were deleted. Start a new backup.',
      );
      if (!failed) return false;
      await this.backups.setCleanupPending(organizationId, backupId, true);
      await this.audit.recordSystem(organizationId, {
        action: 'backup.fail',
        targetType: 'backup',
        targetId: backupId,
        diff: { error_code: 'worker_lost' },
      });
      const row = await this.backups.findById(organizationId, backupId);
      if (row)
        await this.notifyFailed(
          row,
          'worker_lost',
          'Every attempt of this backup lost its worker and the job was given up.',
        );
      return true;
    });
    if (!ended) return; // finished already, or ended by its last attempt
    this.logger.warn({ organization_id: organizationId, backup_id: backupId }, 'Backup job failed for good');
    const backup = await this.backups.findById(organizationId, backupId);
    if (backup) await this.cleanupPending(backup);
  }

  /**
   * Ends a running backup at once if no worker holds it (its worker died and the job waits for a
   * retry or to be given up): the cancel would otherwise wait for a worker that never comes. The
   * partial objects are removed in the background (cleanup_pending keeps them for the sweep).
   * False when a live worker has it: the cancel request in the row reaches that worker.
   */
  async cancelOrphaned(organizationId: string, backupId: string): Promise<boolean> {
    const ended = await this.backups.failIfOrphaned(
      organizationId,
      backupId,
      ORPHANED_AFTER_SECONDS,
      'cancelled',
      'The backup was cancelled; its worker had stopped, and its partial objects are deleted.',
    );
    if (!ended) return false;
    const backup = await this.backups.findById(organizationId, backupId);
    if (backup) {
      void this.cleanupPending(backup).catch((err: unknown) =>
        this.logger.warn({ backup_id: backupId, err }, 'Cleanup of a cancelled orphan failed'),
      );
    }
    return true;
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

  /** Aborts the backup if it runs in this process; the cancel request in the row reaches the others. */
  cancelLocal(backupId: string): void {
    this.active.get(backupId)?.abort(new Cancelled());
  }

  /** Fails backups whose worker vanished for good, and retries cleanups the storage refused. */
  async sweep(): Promise<void> {
    try {
      const staleAfter = Math.max(
        600,
        this.config.backups.heartbeatSeconds * (this.config.backups.retryLimit + 2) * 4,
      );
      for (const b of await this.backups.findStale(staleAfter)) {
        await this.backups.fail(
          b.organizationId,
          b.id,
          'worker_lost',
          'The worker running this backup stopped responding and the job was not retried; start a new backup.',
        );
        await this.backups.setCleanupPending(b.organizationId, b.id, true);
      }
      for (const b of await this.backups.findCleanupPending()) await this.cleanupPending(b);
    } catch (err) {
      this.logger.warn({ err }, 'Backup sweep failed');
    }
  }
}

/** Source-side stream errors that are not typed yet become the part's source error. */
function sourceAs(err: unknown, wrap: (e: unknown) => SourceError): unknown {
  if (err instanceof PartError && err.side === 'source' && !(err.error instanceof SourceError)) {
    const e = err.error as { name?: string };
    if (e?.name === 'AbortError') return err;
    return new PartError('source', wrap(err.error));
  }
  return err;
}
