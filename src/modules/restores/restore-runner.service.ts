import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, pipeline, Writable, type Duplex, type Readable } from 'node:stream';
import type { JobContext } from '../../common/queue/job-queue.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { Transactions } from '../../common/database/transactions.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { MANIFEST_FILE, type BackupManifest, type ManifestPart } from '../backups/backup-manifest.js';
import type { Backup } from '../backups/backup.entity.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import type { DbConnection } from '../environments/pg-tools.service.js';
import { SourceError } from '../environments/source-error.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageError } from '../storage/storage-errors.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { derivedName, PgLoader } from './pg-loader.service.js';
import { RestoreError } from './restore-error.js';
import {
  decompressorFor,
  extractTar,
  feedVerified,
  intoClient,
  integrityFailed,
  parseTar,
  type ExpectedPart,
} from './restore-streams.js';
import type { Restore, RestorePhase, RestoreResult } from './restore.entity.js';
import { RestoresRepository } from './restores.repository.js';

export const RESTORE_QUEUE = 'restore.run';
const HEARTBEAT_MS = 1000;
/** A running restore whose row got no heartbeat for this long has no live worker (10 missed beats). */
const ORPHANED_AFTER_SECONDS = 10;
const MANIFEST_LIMIT = 16 * 1024 * 1024;
const PG_RESTORE_JOBS = 4;
const TRANSIENT = new Set(['endpoint_unreachable', 'timeout', 'dns_failed']);
/** pg_dump's last line of a complete plain dump. */
const DUMP_COMPLETE = '-- PostgreSQL database dump complete';

export interface RestoreJob {
  [key: string]: string;
  organizationId: string;
  restoreId: string;
}

class Cancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'Cancelled';
  }
}

class JobStopped extends Error {
  constructor() {
    super('The worker stopped during the job; it will be retried.');
    this.name = 'JobStopped';
  }
}

interface Progress {
  phase: RestorePhase;
  bytes: number;
}

interface SwapPlan {
  stamp: string;
  tables: number;
  entries: number | null;
}

interface Scratch {
  conn: DbConnection | null;
  database: string | null;
  dir: string | null;
  file: string | null;
}

/** A part as the manifest describes it, with its key relative to the storage config. */
interface Part extends ExpectedPart {
  manifest: ManifestPart;
}

/**
 * Runs restores and verifications. A restore loads everything into scratch places beside the
 * target (a `{name}_restoring_{id}` database, a `{path}.restoring_{id}` directory) while checking
 * every byte against the manifest, and only then swaps names; any failure drops the scratch copies
 * and leaves the target as it was. A redelivered job (dead worker) drops the leftovers and redoes.
 */
@Injectable()
export class RestoreRunnerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RestoreRunner');
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly active = new Map<string, AbortController>();

  constructor(
    private readonly queue: JobQueue,
    private readonly restores: RestoresRepository,
    private readonly environments: EnvironmentsService,
    private readonly loader: PgLoader,
    private readonly storageConfigs: StorageConfigsService,
    private readonly storageConnections: StorageConnectionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly notifications: NotificationOutbox,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { heartbeatSeconds, retryLimit, concurrency } = this.config.backups;
    this.queue.register<RestoreJob>(
      {
        name: RESTORE_QUEUE,
        policy: 'singleton',
        heartbeatSeconds,
        expireInSeconds: 24 * 3600,
        retryLimit,
        retryDelaySeconds: 5,
        concurrency,
      },
      (job, ctx) => this.run(job.organizationId, job.restoreId, ctx),
      { onFailedForGood: (job) => this.jobFailedForGood(job.organizationId, job.restoreId) },
    );
    if (this.config.workerEnabled) {
      this.sweepTimer = setInterval(() => void this.sweep(), 30_000);
      this.sweepTimer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /** Fails restores whose worker vanished and whose job will not come back (retries spent). */
  async sweep(): Promise<void> {
    const { heartbeatSeconds, retryLimit } = this.config.backups;
    try {
      const lost = await this.restores.failStale(Math.max(600, heartbeatSeconds * (retryLimit + 2) * 4));
      if (lost.length)
        this.logger.warn({ count: lost.length }, 'Failed restores whose worker stopped responding');
      for (const restore of lost) await this.dropScratchOf(restore);
    } catch (err) {
      this.logger.warn({ err }, 'Restore sweep failed');
    }
  }

  /** Drops the scratch copies of a restore that ended without its worker. */
  private async dropScratchOf(restore: Restore): Promise<void> {
    // Mid-swap, names may be half moved: leave them for a person (the error message says so).
    if (restore.result?.swap) return;
    // A target the policy refuses now is left alone, scratch copies included.
    const source = await this.environments
      .checkedSource(restore.organizationId, restore.targetEnvironmentId, 'write')
      .catch(() => null);
    if (!source) return;
    await this.dropScratch(this.scratchOf(restore, source.conn, source.filestorePath));
  }

  /**
   * The queue gave the job up (every attempt's worker died or overran): the restore fails now, not
   * when the stale sweep would notice, and its scratch copies are dropped (unless mid-swap).
   */
  async jobFailedForGood(organizationId: string, restoreId: string): Promise<void> {
    const restore = await this.restores.findById(organizationId, restoreId);
    if (!restore) return;
    const midSwap = !!restore.result?.swap;
    const ended = await this.tx.run(async () => {
      const failed = await this.restores.fail(
        organizationId,
        restoreId,
        'worker_lost',
        midSwap
          ? 'Every attempt lost its worker and the job was given up while swapping names; check the target and its before_restore copies, or start the restore again.'
          : 'Every attempt lost its worker (killed or stopped responding) and the job was given up; the target was not swapped and the scratch copies were dropped. Start it again.',
      );
      if (!failed) return false;
      await this.audit.recordSystem(organizationId, {
        action: `${restore.kind}.fail`,
        targetType: 'restore',
        targetId: restoreId,
        diff: { error_code: 'worker_lost' },
      });
      return true;
    });
    if (!ended) return;
    this.logger.warn(
      { organization_id: organizationId, restore_id: restoreId },
      'Restore job failed for good',
    );
    await this.dropScratchOf(restore);
  }

  /**
   * Ends a running restore at once if no worker holds it and no swap has begun; its scratch copies
   * are dropped in the background. False when a live worker has it (the cancel request in the row
   * reaches that worker) or a swap must be finished first.
   */
  async cancelOrphaned(organizationId: string, restoreId: string): Promise<boolean> {
    const restore = await this.restores.failIfOrphaned(
      organizationId,
      restoreId,
      ORPHANED_AFTER_SECONDS,
      'cancelled',
      'Cancelled; its worker had stopped. The target was not touched and the scratch copies are dropped.',
    );
    if (!restore) return false;
    void this.dropScratchOf(restore).catch((err: unknown) =>
      this.logger.warn(
        { restore_id: restoreId, err },
        'Dropping the scratch copies of a cancelled orphan failed',
      ),
    );
    return true;
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

  cancelLocal(restoreId: string): void {
    this.active.get(restoreId)?.abort(new Cancelled());
  }

  async run(organizationId: string, restoreId: string, ctx: JobContext): Promise<void> {
    const restore = await this.restores.claim(organizationId, restoreId);
    if (!restore) return;
    const log = {
      organization_id: organizationId,
      restore_id: restoreId,
      job_id: ctx.jobId,
      attempt: ctx.attempt,
    };
    this.logger.log(log, `${restore.kind} started`);
    const controller = new AbortController();
    this.active.set(restoreId, controller);
    const onJobAbort = () => controller.abort(new JobStopped());
    if (ctx.signal.aborted) onJobAbort();
    ctx.signal.addEventListener('abort', onJobAbort, { once: true });
    const progress: Progress = { phase: 'checking', bytes: 0 };
    const timer = setInterval(() => {
      this.restores
        .heartbeat(organizationId, restoreId, progress.phase, progress.bytes)
        .then((r) => {
          if (!r.running || r.cancelRequested) controller.abort(new Cancelled());
        })
        .catch((err: unknown) => this.logger.warn({ ...log, err }, 'Restore heartbeat failed'));
    }, HEARTBEAT_MS);
    const scratch: Scratch = { conn: null, database: null, dir: null, file: null };
    let driver: PrefixedStorageDriver | undefined;
    try {
      const backup = restore.backupId
        ? await this.restores.findBackup(organizationId, restore.backupId)
        : null;
      if (!backup || backup.status !== 'completed')
        throw new RestoreError('integrity_failed', 'The backup no longer exists or is not completed.');
      driver = await this.storageConnections.openDriverFor(backup.storageConfigId);
      const result =
        restore.kind === 'restore'
          ? await this.restoreInto(restore, backup, driver, controller.signal, progress, scratch)
          : await this.verifyBackup(restore, backup, driver, controller.signal, progress, scratch);
      await this.tx.run(async () => {
        await this.restores.complete(organizationId, restoreId, result, progress.bytes);
        if (restore.kind === 'verify')
          await this.restores.recordVerification(organizationId, backup.id, 'passed');
        await this.audit.recordSystem(organizationId, {
          action: `${restore.kind}.complete`,
          targetType: 'restore',
          targetId: restoreId,
        });
        if (restore.kind === 'restore') await this.notify(restore, 'restore.completed');
      });
      this.metrics.restoreFinished(restore.kind, 'completed', this.elapsed(restore), progress.bytes);
      this.logger.log({ ...log, bytes: progress.bytes }, `${restore.kind} completed`);
    } catch (err) {
      const failure = this.classify(err, controller.signal, ctx);
      this.logger.warn({ ...log, code: failure.code, err }, `${restore.kind} failed: ${failure.message}`);
      await this.dropScratch(scratch);
      if (failure.retry) {
        await this.restores.fail(organizationId, restoreId, failure.code, failure.message, 'pending');
        throw err instanceof Error ? err : new Error(failure.message);
      }
      const ended = await this.tx.run(async () => {
        const failed = await this.restores.fail(organizationId, restoreId, failure.code, failure.message);
        if (restore.kind === 'verify' && restore.backupId && failure.code !== 'cancelled')
          await this.restores.recordVerification(organizationId, restore.backupId, 'failed');
        await this.audit.recordSystem(organizationId, {
          action: `${restore.kind}.fail`,
          targetType: 'restore',
          targetId: restoreId,
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
      if (ended) this.metrics.restoreFinished(restore.kind, 'failed', this.elapsed(restore), progress.bytes);
    } finally {
      this.active.delete(restoreId);
      clearInterval(timer);
      ctx.signal.removeEventListener('abort', onJobAbort);
      await driver?.close().catch(() => undefined);
    }
  }

  private async restoreInto(
    restore: Restore,
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: Progress,
    scratch: Scratch,
  ): Promise<RestoreResult> {
    const orgId = restore.organizationId;
    // The target re-checked against the platform's policy now (a symlink or DNS answer may have
    // changed since it was saved): nothing outside an allowed root or on a forbidden server is touched.
    const source = await this.environments.checkedSource(orgId, restore.targetEnvironmentId, 'write');
    const { conn } = source;
    const env = { ...source.env, filestorePath: source.filestorePath };
    const parts = await this.readManifest(backup, driver, signal, progress);
    const dbPart = parts.find((p) => p.name === 'database');
    if (!dbPart) throw new RestoreError('integrity_failed', 'The manifest lists no database part.');
    // A database-only target gets the database only.
    const fsPart = env.filestorePath ? parts.find((p) => p.name === 'filestore') : undefined;
    const target = env.filestorePath;
    const intoEmpty = restore.mode === 'into_empty';
    const { database: scratchDb, dir: scratchDir } = this.scratchOf(restore, conn, fsPart ? target : null);
    if (restore.result?.swap) {
      // The previous attempt loaded and checked everything and died while swapping: finish that.
      progress.phase = 'swapping';
      const result = await this.swap(conn, scratchDb, scratchDir, target, intoEmpty, restore.result.swap);
      result.parts = parts.map((p) => ({ name: p.name, size_bytes: p.sizeBytes, sha256: p.sha256 }));
      return result;
    }
    if (intoEmpty) await this.requireEmpty(conn, fsPart ? target : null);
    scratch.conn = conn;
    scratch.database = scratchDb;
    scratch.dir = scratchDir;
    // Leftovers of an attempt whose worker died.
    await this.dropScratch(scratch);
    const binDir = await this.loader.binDir(conn);
    await this.loader.createDatabase(conn, scratch.database);
    if (scratch.dir) await mkdir(scratch.dir, { recursive: true, mode: 0o700 });

    progress.phase = 'database';
    const local = new AbortController();
    const both = AbortSignal.any([signal, local.signal]);
    const fail = (e: unknown) => {
      if (!local.signal.aborted) local.abort(e);
      throw e;
    };
    const db = this.loadDatabase(
      conn,
      binDir,
      scratch.database,
      dbPart,
      driver,
      both,
      progress,
      scratch,
    ).catch(fail);
    const fs = scratch.dir
      ? this.extractFilestore(scratch.dir, fsPart!, driver, both, progress).catch(fail)
      : Promise.resolve(null);
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
    if (intoEmpty) await this.requireEmpty(conn, fsPart ? target : null);
    // Recorded before the first rename, so a worker killed mid-swap is resumed, not redone.
    const plan: SwapPlan = { stamp: timestamp(), tables: tables.length, entries: entries?.entries ?? null };
    if (!(await this.restores.commitSwap(restore.organizationId, restore.id, { swap: plan })))
      throw new Cancelled();
    const names = { database: scratch.database, dir: scratch.dir };
    scratch.database = null;
    scratch.dir = null;
    const result = await this.swap(conn, names.database, names.dir, target, intoEmpty, plan);
    result.parts = parts.map((p) => ({ name: p.name, size_bytes: p.sizeBytes, sha256: p.sha256 }));
    return result;
  }

  /**
   * Renames the scratch copies into place. Idempotent: a resumed swap (the worker died between two
   * renames) sees which renames happened from what exists. A failure leaves the loaded scratch
   * copies in place for a resumed attempt (or a human) rather than dropping them.
   */
  private async swap(
    conn: DbConnection,
    scratchDb: string,
    scratchDir: string | null,
    target: string | null,
    intoEmpty: boolean,
    plan: SwapPlan,
  ): Promise<RestoreResult> {
    const prevDb = derivedName(conn.database, `_before_restore_${plan.stamp}`);
    let previousDb: string | null = null;
    if (await this.loader.exists(conn, scratchDb)) {
      if (await this.loader.exists(conn, conn.database)) {
        if (intoEmpty) {
          await this.requireEmpty(conn, null);
          await this.loader.dropDatabase(conn, conn.database);
        } else {
          await this.loader.renameDatabase(conn, conn.database, prevDb);
          previousDb = prevDb;
        }
      } else if (!intoEmpty && (await this.loader.exists(conn, prevDb))) {
        previousDb = prevDb;
      }
      try {
        await this.loader.renameDatabase(conn, scratchDb, conn.database);
      } catch (err) {
        if (previousDb)
          await this.loader.renameDatabase(conn, previousDb, conn.database).catch(() => undefined);
        throw err;
      }
    } else if (!intoEmpty && (await this.loader.exists(conn, prevDb))) {
      previousDb = prevDb;
    }
    const result: RestoreResult = {
      database: { name: conn.database, previous_name: previousDb, tables: plan.tables },
    };
    if (scratchDir && target && plan.entries !== null) {
      const previousPath = await this.swapDirectory(scratchDir, target, intoEmpty, plan.stamp);
      result.filestore = { path: target, previous_path: previousPath, entries: plan.entries };
    }
    return result;
  }

  private async verifyBackup(
    restore: Restore,
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: Progress,
    scratch: Scratch,
  ): Promise<RestoreResult> {
    const parts = await this.readManifest(backup, driver, signal, progress);
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
        scratch.database = this.scratchOf(restore, conn, null).database;
        await this.dropScratch(scratch);
        const binDir = await this.loader.binDir(conn);
        await this.loader.createDatabase(conn, scratch.database);
        await this.loadDatabase(conn, binDir, scratch.database, part, driver, signal, progress, scratch);
        const tables = new Set((await this.loader.userTables(conn, scratch.database)) ?? []);
        const missing = (part.manifest.tables ?? []).filter((t) => !tables.has(t));
        if (missing.length) {
          throw new RestoreError(
            'verification_failed',
            `The database loaded but lacks tables the manifest lists: ${missing.slice(0, 10).join(', ')}.`,
          );
        }
        await this.dropScratch(scratch);
        result.database = { name: '(scratch, dropped)', previous_name: null, tables: tables.size };
      } else {
        progress.phase = part.name === 'database' ? 'database' : 'filestore';
        await this.readPart(part, driver, signal, progress);
      }
      result.parts!.push({ name: part.name, size_bytes: part.sizeBytes, sha256: part.sha256 });
    }
    return result;
  }

  /** Downloads metadata.json, checks it against the catalog, and returns its parts (catalog-checked). */
  private async readManifest(
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: Progress,
  ): Promise<Part[]> {
    const entry = backup.parts.find((p) => p.name === 'manifest');
    const expected: ExpectedPart = {
      name: 'manifest',
      key: entry?.key ?? backup.objectPrefix + MANIFEST_FILE,
      sizeBytes: entry?.sizeBytes ?? 0,
      sha256: entry?.sha256 ?? '',
    };
    if (expected.sizeBytes > MANIFEST_LIMIT) throw integrityFailed(expected, 'is too large for a manifest');
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        cb();
      },
    });
    const err = await feedVerified(await this.open(driver, expected, signal), expected, sink, {
      signal,
      onBytes: (n) => (progress.bytes += n),
    });
    if (err) throw err;
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
    } catch {
      throw integrityFailed(expected, 'is not valid JSON');
    }
    return manifest.parts.map((m) => {
      const catalog = backup.parts.find((p) => p.name === m.name);
      const part: Part = {
        name: m.name,
        key: backup.objectPrefix + m.file,
        sizeBytes: m.size_bytes,
        sha256: m.sha256,
        manifest: m,
      };
      if (!catalog || catalog.sha256 !== m.sha256 || catalog.sizeBytes !== m.size_bytes)
        throw integrityFailed(part, 'differs between the manifest and the catalog');
      return part;
    });
  }

  private async open(
    driver: PrefixedStorageDriver,
    part: ExpectedPart,
    signal: AbortSignal,
  ): Promise<Readable> {
    try {
      return await driver.download(part.key, { signal });
    } catch (err) {
      if (err instanceof StorageError && err.code === 'not_found')
        throw integrityFailed(part, 'is missing from the storage');
      throw err;
    }
  }

  /** Streams the dump into the scratch database: psql for plain SQL, pg_restore --jobs for custom. */
  private async loadDatabase(
    conn: DbConnection,
    binDir: string,
    database: string,
    part: Part,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: Progress,
    scratch: Scratch,
  ): Promise<void> {
    const onBytes = (n: number) => (progress.bytes += n);
    const source = await this.open(driver, part, signal);
    if (part.manifest.format === 'custom') {
      // pg_restore runs in parallel only from a seekable file; it is loaded after the bytes matched.
      scratch.file = this.dumpFile(database);
      await mkdir(path.dirname(scratch.file), { recursive: true, mode: 0o700 });
      const file = createWriteStream(scratch.file, { mode: 0o600 });
      const written = new Promise<void>((resolve, reject) => {
        file.once('close', resolve);
        file.once('error', reject);
      });
      const err = await feedVerified(source, part, file, { signal, onBytes });
      if (err) throw err;
      await written;
      await this.loader.pgRestore(conn, binDir, database, scratch.file, PG_RESTORE_JOBS, signal).done;
      await rm(scratch.file, { force: true });
      scratch.file = null;
      return;
    }
    const psql = this.loader.psql(conn, binDir, database, signal);
    const { head, piped } = intoClient(part.manifest.compression, psql.stdin!);
    const err = await feedVerified(source, part, head, { signal, onBytes });
    // The client's own failure (stderr) says more than the broken pipe.
    await psql.done;
    const pipeErr = await piped;
    if (err ?? pipeErr) throw loadFailed(err ?? pipeErr);
  }

  private async extractFilestore(
    dir: string,
    part: Part,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: Progress,
  ): Promise<{ entries: number }> {
    const source = await this.open(driver, part, signal);
    const head = decompressorFor(part.manifest.compression) ?? passThrough();
    const ext = extractTar(dir);
    chain(head, ext.sink);
    const err = await feedVerified(source, part, head, { signal, onBytes: (n) => (progress.bytes += n) });
    if (err) {
      // The archive check names the refused entry; otherwise the decompressor's error.
      await ext.done;
      throw new RestoreError(
        'archive_invalid',
        `The filestore archive could not be read: ${(err as Error).message}`,
      );
    }
    return ext.done;
  }

  /** Reads a part to its end: size, sha256, decompression and the format's own framing. */
  private async readPart(part: Part, driver: PrefixedStorageDriver, signal: AbortSignal, progress: Progress) {
    const source = await this.open(driver, part, signal);
    const head = decompressorFor(part.manifest.compression) ?? passThrough();
    let check: Promise<void>;
    const reader = part.manifest.format === 'custom' ? await this.loader.readArchive(signal) : null;
    if (part.name === 'filestore') {
      const tar = parseTar();
      chain(head, tar.sink);
      check = tar.done.then(() => undefined);
    } else if (reader) {
      // pipeline, not pipe: a part that fails its checksum destroys head, which must close
      // pg_restore's stdin too, or pg_restore would wait for the rest forever
      pipeline(head, reader.stdin!, () => undefined);
      check = reader.done.catch((err: unknown) => {
        if (!(err instanceof RestoreError)) throw err;
        throw new RestoreError(
          'verification_failed',
          `Part ${part.name} is not a readable archive: ${err.message}`,
        );
      });
    } else {
      // no pg_restore on this worker: the archive's header is all that can be checked
      const custom = part.manifest.format === 'custom';
      let first = Buffer.alloc(0);
      let tail = '';
      const sink = new Writable({
        write(chunk: Buffer, _enc, cb) {
          if (first.length < 5) first = Buffer.concat([first, chunk]).subarray(0, 5);
          tail = (tail + chunk.toString('latin1')).slice(-512);
          cb();
        },
      });
      chain(head, sink);
      check = new Promise<void>((resolve, reject) => {
        sink.once('error', reject);
        sink.once('finish', () => {
          if (custom ? first.toString('latin1') === 'PGDMP' : tail.includes(DUMP_COMPLETE)) resolve();
          else
            reject(
              new RestoreError(
                'verification_failed',
                custom
                  ? `Part ${part.name} is not a pg_dump custom-format archive.`
                  : `Part ${part.name} does not end with pg_dump's completion marker: the dump is truncated.`,
              ),
            );
        });
      });
    }
    check.catch(() => undefined);
    const err = await feedVerified(source, part, head, { signal, onBytes: (n) => (progress.bytes += n) });
    if (err) {
      await check;
      throw new RestoreError(
        'verification_failed',
        `Part ${part.name} does not decompress: ${(err as Error).message}`,
      );
    }
    await check;
  }

  /** into_empty: the database must be missing or without user tables, the directory missing or empty. */
  private async requireEmpty(conn: DbConnection, dir: string | null): Promise<void> {
    const tables = await this.loader.userTables(conn);
    if (tables?.length) {
      throw new RestoreError(
        'target_not_empty',
        `The target database "${conn.database}" has ${tables.length} user tables; into_empty needs a missing or empty database. Nothing was changed.`,
      );
    }
    if (dir) {
      const entries = await readdir(dir).catch((e: { code?: string }) => (e.code === 'ENOENT' ? [] : ['?']));
      if (entries.length) {
        throw new RestoreError(
          'target_not_empty',
          `The target filestore directory "${dir}" is not empty; into_empty needs a missing or empty directory. Nothing was changed.`,
        );
      }
    }
  }

  private async swapDirectory(
    from: string,
    target: string,
    intoEmpty: boolean,
    stamp: string,
  ): Promise<string | null> {
    const exists = (p: string) =>
      stat(p).then(
        () => true,
        () => false,
      );
    const prev = `${target}.before_restore_${stamp}`;
    if (!(await exists(from))) return !intoEmpty && (await exists(prev)) ? prev : null; // resumed: done
    let previous: string | null = null;
    if (await exists(target)) {
      // rmdir refuses a directory that is not empty (into_empty was checked; this keeps it safe).
      if (intoEmpty) await rmdir(target);
      else {
        await rename(target, prev);
        previous = prev;
      }
    } else {
      if (!intoEmpty && (await exists(prev))) previous = prev;
      await mkdir(path.dirname(target), { recursive: true });
    }
    try {
      await rename(from, target);
    } catch (err) {
      if (previous) await rename(previous, target).catch(() => undefined);
      throw new RestoreError(
        'target_unwritable',
        `Moving the restored filestore into "${target}" failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
    return previous;
  }

  /** pg_restore --jobs needs a seekable file: custom dumps are staged here (this machine only). */
  private dumpFile(database: string): string {
    return path.join(this.config.dataDir, 'restore-tmp', `${database}.dump`);
  }

  /** The scratch copies of a restore or deep verify, named after it, beside the target. */
  private scratchOf(
    restore: Restore,
    conn: DbConnection,
    filestorePath: string | null,
  ): Scratch & { database: string } {
    const suffix = restore.id.replace(/-/g, '').slice(0, 12);
    const isRestore = restore.kind === 'restore';
    const database = derivedName(conn.database, isRestore ? `_restoring_${suffix}` : `_verify_${suffix}`);
    return {
      conn,
      database,
      dir: isRestore && filestorePath ? `${filestorePath}.restoring_${suffix}` : null,
      file: this.dumpFile(database),
    };
  }

  private async dropScratch(scratch: Scratch): Promise<void> {
    if (scratch.conn && scratch.database) {
      await this.loader
        .dropDatabase(scratch.conn, scratch.database)
        .catch((err: unknown) =>
          this.logger.warn({ err, database: scratch.database }, 'Could not drop the scratch database'),
        );
    }
    if (scratch.dir) await rm(scratch.dir, { recursive: true, force: true }).catch(() => undefined);
    if (scratch.file) await rm(scratch.file, { force: true }).catch(() => undefined);
  }

  private classify(
    err: unknown,
    signal: AbortSignal,
    ctx: JobContext,
  ): { code: string; message: string; retry: boolean } {
    const retriesLeft = ctx.attempt <= this.config.backups.retryLimit;
    if ((signal.aborted && signal.reason instanceof Cancelled) || err instanceof Cancelled)
      return { code: 'cancelled', message: 'Cancelled; the target was left as it was.', retry: false };
    if (signal.aborted && signal.reason instanceof JobStopped)
      return { code: 'worker_stopped', message: signal.reason.message, retry: retriesLeft };
    if (err instanceof RestoreError || err instanceof SourceError)
      return { code: err.code, message: err.message, retry: false };
    if (err instanceof StorageError) {
      return {
        code: err.code,
        message: err.hint ? `${err.message} ${err.hint}` : err.message,
        retry: TRANSIENT.has(err.code) && retriesLeft,
      };
    }
    return {
      code: 'internal',
      message: `Unexpected error: ${(err as Error)?.message ?? String(err)}`,
      retry: false,
    };
  }
}

function loadFailed(err: unknown): unknown {
  if (err instanceof RestoreError || err instanceof SourceError) return err;
  return new RestoreError(
    'load_failed',
    `Loading the dump failed: ${(err as Error)?.message ?? String(err)}`,
  );
}

/** head → tail, and a failing tail stops head (so the feeder never waits for a drain that never comes). */
function chain(head: Duplex, tail: Writable): void {
  head.pipe(tail);
  tail.once('error', (e: Error) => head.destroy(e));
}

function passThrough(): Duplex {
  return new PassThrough();
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
    .replace('T', 't')
    .toLowerCase();
}
