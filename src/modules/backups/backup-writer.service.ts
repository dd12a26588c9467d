import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { API_VERSION } from '../../common/openapi/openapi.js';
import type { Environment } from '../environments/environment.entity.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { FilestoreReader, unreadable } from '../environments/filestore.service.js';
import { PgTools, type DbConnection, type PgDumpBinary } from '../environments/pg-tools.service.js';
import { SourceError } from '../environments/source-error.js';
import type { JobProgress } from '../jobs/job-table.js';
import { PartError, streamToStorage } from '../storage/pipeline/stream-to-storage.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageError } from '../storage/storage-errors.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT_VERSION,
  catalogParts,
  restoreHints,
  type BackupManifest,
  type ManifestPart,
} from './backup-manifest.js';
import { COMPRESSION_SUFFIX, dumpSource, filestoreSource } from './backup-streams.js';
import type { Backup, BackupPart } from './backup.entity.js';
import { BackupsRepository } from './backups.repository.js';

/**
 * Block size of the filestore's per-block hashes: a restore holds one block before passing it on.
 * 8 MiB keeps the catalog small (~4 KB of hashes per GB stored) and the restore's buffer bounded.
 */
const FILESTORE_BLOCK_BYTES = 8 * 1024 * 1024;

/** What a backup wrote: the catalog of its objects, for the row that records the completion. */
export interface WrittenBackup {
  catalog: BackupPart[];
  totalSizeBytes: number;
  completedAt: Date;
  environment: { id: string; name: string };
}

/**
 * Writes one backup: pg_dump and the filestore tar stream concurrently, each compressed, hashed and
 * uploaded as it is produced; then the manifest; then every object confirmed with stat.
 */
@Injectable()
export class BackupWriter {
  private readonly logger = new Logger('BackupWriter');

  constructor(
    private readonly backups: BackupsRepository,
    private readonly environments: EnvironmentsService,
    private readonly pgTools: PgTools,
    private readonly filestore: FilestoreReader,
  ) {}

  /**
   * Dumps the database and archives the filestore into the backup's folder, writes the manifest and
   * confirms every object with stat. Returns the catalog; the caller records the completion.
   */
  async write(
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: JobProgress,
  ): Promise<WrittenBackup> {
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
    return { catalog, totalSizeBytes: total, completedAt, environment: { id: env.id, name: env.name } };
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
        { signal, onBytes: onBytes, sizeEstimate: scanned.totalBytes, blockSize: FILESTORE_BLOCK_BYTES },
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
        ...(r.blocks ? { block_size: r.blocks.size, block_sha256: r.blocks.sha256 } : {}),
      };
    } catch (err) {
      throw sourceAs(err, (e) => unreadable(dir, e));
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
