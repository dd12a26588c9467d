import { BackupsRepository } from '../backups/backups.repository.js';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { Transactions } from '../../common/database/transactions.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import type { Backup } from '../backups/backup.entity.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { Cancelled, type JobFailure } from '../jobs/job-failure.js';
import { tenantJobIds, type JobKind, type RunningJob, type TenantJob } from '../jobs/job-kind.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import type { JobProgress, JobRef } from '../jobs/job-table.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import { PgLoader } from './pg-loader.service.js';
import { RestoreError } from './restore-error.js';
import { RestorePartReader } from './restore-part-reader.service.js';
import { RestoreSwap, timestamp, type Scratch, type SwapPlan } from './restore-swap.service.js';
import type { Restore, RestoreResult } from './restore.entity.js';
import { RestoresRepository } from './restores.repository.js';

export const RESTORE_QUEUE = 'restore.run';

export type RestoreJob = TenantJob<'restoreId'>;

/**
 * The restore and verification job kind. A restore loads everything into scratch places beside the
 * target while checking every byte against the manifest (RestorePartReader), and only then swaps
 * names (RestoreSwap); any failure drops the scratch copies and leaves the target as it was. A
 * redelivered job (dead worker) drops the leftovers and redoes, or finishes a swap it had begun.
 */
@Injectable()
export class RestoreRunnerService implements OnModuleInit, JobKind<RestoreJob, Restore, JobProgress> {
  private readonly logger = new Logger('RestoreRunner');
  readonly noun = 'restore';
  readonly cancelAborts = true;
  readonly cancelledMessage = 'Cancelled; the target was left as it was.';
  readonly queue: JobKind<RestoreJob, Restore, JobProgress>['queue'];

  constructor(
    private readonly runner: JobRunner,
    readonly store: RestoresRepository,
    private readonly backups: BackupsRepository,
    private readonly environments: EnvironmentsService,
    private readonly loader: PgLoader,
    private readonly parts: RestorePartReader,
    private readonly swaps: RestoreSwap,
    private readonly storageConfigs: StorageConfigsService,
    private readonly storageConnections: StorageConnectionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly notifications: NotificationOutbox,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // One job per target environment at a time: its restores and verifications queue.
    this.queue = { name: RESTORE_QUEUE, policy: 'singleton', concurrency: config.backups.concurrency };
  }

  onModuleInit(): void {
    this.runner.register(this);
  }

  private readonly ids = tenantJobIds('restoreId', 'restore_id');
  readonly ref = this.ids.ref;
  readonly payload = this.ids.payload;
  readonly logFields = this.ids.logFields;

  initialProgress(): JobProgress {
    return { phase: 'checking', bytes: 0 };
  }

  describe(err: unknown) {
    return err instanceof RestoreError ? { code: err.code, message: err.message } : undefined;
  }

  async run(restore: Restore, job: RunningJob<JobProgress>): Promise<void> {
    const { organizationId, id } = restore;
    const { signal, progress } = job;
    const scratch: Scratch = { conn: null, database: null, dir: null, file: null };
    let driver: PrefixedStorageDriver | undefined;
    try {
      const backup = restore.backupId ? await this.store.findBackup(organizationId, restore.backupId) : null;
      if (!backup || backup.status !== 'completed')
        throw new RestoreError('integrity_failed', 'The backup no longer exists or is not completed.');
      driver = await this.storageConnections.openDriverFor(backup.storageConfigId);
      const result =
        restore.kind === 'restore'
          ? await this.restoreInto(restore, backup, driver, signal, progress, scratch)
          : await this.verifyBackup(restore, backup, driver, signal, progress, scratch);
      await this.tx.run(async () => {
        await this.store.complete(organizationId, id, result, progress.bytes);
        if (restore.kind === 'verify')
          await this.backups.recordVerification(organizationId, backup.id, 'passed');
        await this.audit.recordSystem(organizationId, {
          action: `${restore.kind}.complete`,
          targetType: 'restore',
          targetId: id,
        });
        if (restore.kind === 'restore') await this.notify(restore, 'restore.completed');
      });
      this.metrics.restoreFinished(restore.kind, 'completed', this.elapsed(restore), progress.bytes);
      this.logger.log({ ...job.log, bytes: progress.bytes }, `${restore.kind} completed`);
    } catch (err) {
      await this.swaps.dropScratch(scratch);
      throw err;
    } finally {
      await driver?.close().catch(() => undefined);
    }
  }

  async failed(restore: Restore, failure: JobFailure, job: RunningJob<JobProgress>): Promise<void> {
    const { organizationId, id } = restore;
    const ended = await this.tx.run(async () => {
      const failed = await this.store.fail(organizationId, id, failure.code, failure.message);
      if (restore.kind === 'verify' && restore.backupId && failure.code !== 'cancelled')
        await this.backups.recordVerification(organizationId, restore.backupId, 'failed');
      await this.audit.recordSystem(organizationId, {
        action: `${restore.kind}.fail`,
        targetType: 'restore',
        targetId: id,
        diff: { error_code: failure.code },
      });
      if (failed && failure.code !== 'cancelled')
        await this.notify(
          restore,
          restore.kind === 'verify' ? 'verification.failed' : 'restore.failed',
          failure,
        );
      return failed;
    });
    if (ended)
      this.metrics.restoreFinished(restore.kind, 'failed', this.elapsed(restore), job.progress.bytes);
  }

  /**
   * The queue gave the job up (every attempt's worker died or overran): the restore fails now, not
   * when the stale sweep would notice, and its scratch copies are dropped (unless mid-swap).
   */
  async givenUp(ref: JobRef): Promise<void> {
    const organizationId = ref.organizationId!;
    const restore = await this.store.findById(organizationId, ref.id);
    if (!restore) return;
    const midSwap = !!restore.result?.swap;
    const ended = await this.tx.run(async () => {
      const failed = await this.store.fail(
        organizationId,
        ref.id,
        'worker_lost',
        midSwap
          ? 'Every attempt lost its worker and the job was given up while swapping names; check the target and its before_restore copies, or start the restore again.'
          : 'Every attempt lost its worker (killed or stopped responding) and the job was given up; the target was not swapped and the scratch copies were dropped. Start it again.',
      );
      if (!failed) return false;
      await this.audit.recordSystem(organizationId, {
        action: `${restore.kind}.fail`,
        targetType: 'restore',
        targetId: ref.id,
        diff: { error_code: 'worker_lost' },
      });
      return true;
    });
    if (!ended) return;
    this.logger.warn(this.logFields(ref), 'Restore job failed for good');
    await this.abandoned(ref);
  }

  /** Drops the scratch copies of a restore that ended without its worker. */
  async abandoned(ref: JobRef): Promise<void> {
    const restore = await this.store.findById(ref.organizationId!, ref.id);
    // Mid-swap, names may be half moved: leave them for a person (the error message says so).
    if (!restore || restore.result?.swap) return;
    // A target the policy refuses now is left alone, scratch copies included.
    const source = await this.environments
      .checkedSource(restore.organizationId, restore.targetEnvironmentId, 'write')
      .catch(() => null);
    if (!source) return;
    await this.swaps.dropScratch(this.swaps.scratchOf(restore, source.conn, source.filestorePath));
  }

  /** restore.* / verification.failed into the outbox, in the caller's transaction. */
  private async notify(
    restore: Restore,
    type: 'restore.completed' | 'restore.failed' | 'verification.failed',
    failure?: { code: string; message: string },
  ): Promise<void> {
    const env = await this.environments
      .require(restore.organizationId, restore.targetEnvironmentId)
      .catch(() => null);
    await this.notifications.emit(restore.organizationId, type, {
      restore: {
        id: restore.id,
        kind: restore.kind,
        backup_id: restore.backupId,
        ...(failure ? { error_code: failure.code, error_message: failure.message } : {}),
      },
      environment: { id: restore.targetEnvironmentId, name: env?.name ?? null },
    });
  }

  private elapsed(restore: Restore): number | null {
    return restore.startedAt ? Date.now() - restore.startedAt.getTime() : null;
  }

  /** A cancel of a running restore: see JobRunner.cancelRunning. */
  cancelRunning(organizationId: string, restoreId: string): Promise<boolean> {
    return this.runner.cancelRunning(
      RESTORE_QUEUE,
      { organizationId, id: restoreId },
      'Cancelled; its worker had stopped. The target was not touched and the scratch copies are dropped.',
    );
  }

  /** Fails restores whose worker vanished and whose job will not come back (retries spent). */
  sweep(): Promise<void> {
    return this.runner.sweep(RESTORE_QUEUE);
  }

  private async restoreInto(
    restore: Restore,
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: JobProgress,
    scratch: Scratch,
  ): Promise<RestoreResult> {
    const orgId = restore.organizationId;
    // The target re-checked against the platform's policy now (a symlink or DNS answer may have
    // changed since it was saved): nothing outside an allowed root or on a forbidden server is touched.
    const source = await this.environments.checkedSource(orgId, restore.targetEnvironmentId, 'write');
    const { conn } = source;
    const env = { ...source.env, filestorePath: source.filestorePath };
    const started = Date.now();
    const parts = await this.parts.readManifest(backup, driver, signal, progress);
    const dbPart = parts.find((p) => p.name === 'database');
    if (!dbPart) throw new RestoreError('integrity_failed', 'The manifest lists no database part.');
    // A database-only target gets the database only.
    const fsPart = env.filestorePath ? parts.find((p) => p.name === 'filestore') : undefined;
    const target = env.filestorePath;
    const intoEmpty = restore.mode === 'into_empty';
    const { database: scratchDb, dir: scratchDir } = this.swaps.scratchOf(
      restore,
      conn,
      fsPart ? target : null,
    );
    if (restore.result?.swap) {
      // The previous attempt loaded and checked everything and died while swapping: finish that.
      progress.phase = 'swapping';
      const result = await this.swaps.swap(
        conn,
        scratchDb,
        scratchDir,
        target,
        intoEmpty,
        restore.result.swap,
      );
      result.parts = parts.map((p) => ({ name: p.name, size_bytes: p.sizeBytes, sha256: p.sha256 }));
      return result;
    }
    if (intoEmpty) await this.swaps.requireEmpty(conn, fsPart ? target : null);
    scratch.conn = conn;
    scratch.database = scratchDb;
    scratch.dir = scratchDir;
    // Leftovers of an attempt whose worker died.
    await this.swaps.dropScratch(scratch);
    const binDir = await this.loader.binDir(conn);
    await this.loader.createDatabase(conn, scratch.database);
    if (scratch.dir) await mkdir(scratch.dir, { recursive: true, mode: 0o700 });

    // Where a restore's time goes, for operators (and bench:restore): one line per part, one at the swap.
    const timed = <T>(part: string, p: Promise<T>): Promise<T> => {
      const t = Date.now();
      return p.then((v) => {
        this.logger.log({ restoreId: restore.id, part, ms: Date.now() - t }, 'Restore part loaded');
        return v;
      });
    };
    const preparedMs = Date.now() - started;
    progress.phase = 'database';
    const local = new AbortController();
    const both = AbortSignal.any([signal, local.signal]);
    const fail = (e: unknown) => {
      if (!local.signal.aborted) local.abort(e);
      throw e;
    };
    const db = timed(
      'database',
      this.parts.loadDatabase(
        conn,
        binDir,
        scratch.database,
        dbPart,
        driver,
        both,
        progress,
        scratch,
        this.swaps.dumpFile(scratch.database),
      ),
    ).catch(fail);
    const fs = scratch.dir
      ? timed('filestore', this.parts.extractFilestore(scratch.dir, fsPart!, driver, both, progress)).catch(
          fail,
        )
      : Promise.resolve(null);
    const loadStarted = Date.now();
    const settled = await Promise.allSettled([db, fs]);
    signal.throwIfAborted();
    // The first failure aborted the other part: report the cause, not the other's AbortError.
    if (local.signal.aborted) throw local.signal.reason;
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (rejected) throw rejected.reason;
    const entries = (settled[1] as PromiseFulfilledResult<{ entries: number } | null>).value;
    const tables = (await this.loader.userTables(conn, scratch.database)) ?? [];

    // Everything loaded and every byte matched: swap names.
    progress.phase = 'swapping';
    signal.throwIfAborted();
    if (intoEmpty) await this.swaps.requireEmpty(conn, fsPart ? target : null);
    // Recorded before the first rename, so a worker killed mid-swap is resumed, not redone.
    const plan: SwapPlan = { stamp: timestamp(), tables: tables.length, entries: entries?.entries ?? null };
    if (!(await this.store.commitSwap(restore.organizationId, restore.id, { swap: plan })))
      throw new Cancelled();
    const names = { database: scratch.database, dir: scratch.dir };
    scratch.database = null;
    scratch.dir = null;
    const swapStarted = Date.now();
    const result = await this.swaps.swap(conn, names.database, names.dir, target, intoEmpty, plan);
    this.logger.log(
      {
        restoreId: restore.id,
        prepare_ms: preparedMs,
        load_ms: swapStarted - loadStarted,
        swap_ms: Date.now() - swapStarted,
      },
      'Restore swapped into place',
    );
    result.parts = parts.map((p) => ({ name: p.name, size_bytes: p.sizeBytes, sha256: p.sha256 }));
    return result;
  }

  private async verifyBackup(
    restore: Restore,
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: JobProgress,
    scratch: Scratch,
  ): Promise<RestoreResult> {
    const parts = await this.parts.readManifest(backup, driver, signal, progress);
    const result: RestoreResult = { parts: [] };
    for (const part of parts) {
      signal.throwIfAborted();
      if (part.name === 'database' && restore.deep) {
        progress.phase = 'database';
        const { conn } = await this.environments.checkedSource(
          restore.organizationId,
          restore.targetEnvironmentId,
          'write',
        );
        scratch.conn = conn;
        scratch.database = this.swaps.scratchOf(restore, conn, null).database;
        await this.swaps.dropScratch(scratch);
        const binDir = await this.loader.binDir(conn);
        await this.loader.createDatabase(conn, scratch.database);
        await this.parts.loadDatabase(
          conn,
          binDir,
          scratch.database,
          part,
          driver,
          signal,
          progress,
          scratch,
          this.swaps.dumpFile(scratch.database),
        );
        const tables = new Set((await this.loader.userTables(conn, scratch.database)) ?? []);
        const missing = (part.manifest.tables ?? []).filter((t) => !tables.has(t));
        if (missing.length) {
          throw new RestoreError(
            'verification_failed',
            `The database loaded but lacks tables the manifest lists: ${missing.slice(0, 10).join(', ')}.`,
          );
        }
        await this.swaps.dropScratch(scratch);
        result.database = { name: '(scratch, dropped)', previous_name: null, tables: tables.size };
      } else {
        progress.phase = part.name === 'database' ? 'database' : 'filestore';
        await this.parts.readPart(part, driver, signal, progress);
      }
      result.parts!.push({ name: part.name, size_bytes: part.sizeBytes, sha256: part.sha256 });
    }
    return result;
  }
}
