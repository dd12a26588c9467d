import { Inject, Injectable, Logger } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, pipeline, Transform, Writable, type Duplex, type Readable } from 'node:stream';
import { MANIFEST_FILE, type BackupManifest, type ManifestPart } from '../backups/backup-manifest.js';
import type { Backup } from '../backups/backup.entity.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { DbConnection } from '../environments/pg-tools.service.js';
import { SourceError } from '../environments/source-error.js';
import type { JobProgress } from '../jobs/job-table.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageError } from '../storage/storage-errors.js';
import { PgLoader } from './pg-loader.service.js';
import { verifiedTarExtraction } from './verified-tar-extract.js';
import { RestoreError } from './restore-error.js';
import {
  decompressorFor,
  extractTar,
  feedVerified,
  intoClient,
  integrityFailed,
  parseTar,
  toleratingEarlyClose,
  type ExpectedPart,
} from './restore-streams.js';

const MANIFEST_LIMIT = 16 * 1024 * 1024;
const PG_RESTORE_JOBS = 4;
/** Free space left beside a spooled dump, for other restores and whatever else shares the disk. */
const SPOOL_HEADROOM_BYTES = 1024 ** 3;
/** pg_dump's last line of a complete plain dump. */
const DUMP_COMPLETE = '-- PostgreSQL database dump complete';

/** A part as the manifest describes it, with its key relative to the storage config. */
export interface Part extends ExpectedPart {
  manifest: ManifestPart;
}

/**
 * Reads a backup's parts back from its storage: the manifest (checked against the catalog), the
 * database into a scratch database, the filestore into a scratch directory, or any part to its end
 * for a verification. Every byte is checked against the manifest's size and sha256 as it streams.
 */
@Injectable()
export class RestorePartReader {
  private readonly logger = new Logger('RestorePartReader');

  constructor(
    private readonly loader: PgLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Whether a custom-format dump of `bytes` is spooled to a file under OFFSITE_DATA_DIR first, so
   * pg_restore can load it with several jobs: only when RESTORE_SPOOL allows it and the disk has
   * room for it plus 20 % and 1 GiB. Otherwise pg_restore reads the verified bytes from its stdin
   * with one job — slower, but a large backup never needs local disk to be restored.
   */
  private async spoolFits(bytes: number, dir: string): Promise<boolean> {
    if (this.config.backups.restoreSpool === 'never') return false;
    try {
      const s = await statfs(dir);
      return s.bavail * s.bsize > bytes * 1.2 + SPOOL_HEADROOM_BYTES;
    } catch {
      return false;
    }
  }

  /**
   * Test hook (NODE_ENV=test, RESTORE_TEST_PAUSE_AT=mid_database): the database part stops after
   * 4 MiB and waits until the job is aborted or its worker killed, so a test can kill it mid-load
   * however fast the machine is.
   */
  private pausedMidway(source: Readable, signal: AbortSignal): Readable {
    if (!this.config.testHooks.restorePauseAt.includes('mid_database')) return source;
    let passed = 0;
    const gate = new Transform({
      transform: (chunk: Buffer, _enc, cb) => {
        if (passed < 4 * 1024 * 1024) {
          passed += chunk.length;
          return cb(null, chunk);
        }
        this.logger.warn('Restore paused at mid_database (test hook)');
        signal.addEventListener('abort', () => cb(signal.reason as Error), { once: true });
      },
    });
    pipeline(source, gate, () => undefined);
    return gate;
  }

  /** Downloads metadata.json, checks it against the catalog, and returns its parts (catalog-checked). */
  async readManifest(
    backup: Backup,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: JobProgress,
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
      // Block hashes only from the catalog (Offsite's database), never from the stored manifest.
      if (catalog.blocks) part.blocks = catalog.blocks;
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
  async loadDatabase(
    conn: DbConnection,
    binDir: string,
    database: string,
    part: Part,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: JobProgress,
    scratch: { file: string | null },
    dumpFile: string,
  ): Promise<void> {
    const onBytes = (n: number) => (progress.bytes += n);
    const source = this.pausedMidway(await this.open(driver, part, signal), signal);
    const spoolDir = path.dirname(dumpFile);
    if (part.manifest.format === 'custom') await mkdir(spoolDir, { recursive: true, mode: 0o700 });
    if (part.manifest.format === 'custom' && !(await this.spoolFits(part.sizeBytes, spoolDir))) {
      this.logger.log(
        { database, bytes: part.sizeBytes },
        'Custom dump streamed to pg_restore (no spool file)',
      );
      const restore = this.loader.pgRestore(conn, binDir, database, null, 1, signal);
      const err = await feedVerified(source, part, restore.stdin!, { signal, onBytes });
      await restore.done;
      if (err) throw loadFailed(err);
      return;
    }
    if (part.manifest.format === 'custom') {
      // pg_restore runs in parallel only from a seekable file; it is loaded after the bytes matched.
      scratch.file = dumpFile;
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

  async extractFilestore(
    dir: string,
    part: Part,
    driver: PrefixedStorageDriver,
    signal: AbortSignal,
    progress: JobProgress,
  ): Promise<{ entries: number }> {
    const source = await this.open(driver, part, signal);
    const onBytes = (n: number) => (progress.bytes += n);
    const verified = verifiedTarExtraction(dir, part, part.manifest.compression);
    if (verified) {
      this.logger.log(
        { dir, blocks: part.blocks!.sha256.length },
        'Filestore extracted by GNU tar, block by verified block',
      );
      // On any failure tar is waited for (its input was cut, so it stops) before the caller drops
      // the scratch directory; a block that did not match says it all, otherwise tar's own error.
      const stopped = () =>
        verified.done.then(
          () => undefined,
          (e: unknown) => e,
        );
      let err: unknown;
      try {
        err = await feedVerified(source, part, verified.sink, { signal, onBytes });
      } catch (e) {
        await stopped();
        throw e;
      }
      if (err) throw err instanceof RestoreError ? err : ((await stopped()) ?? err);
      return verified.done;
    }
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
  async readPart(part: Part, driver: PrefixedStorageDriver, signal: AbortSignal, progress: JobProgress) {
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
      // pg_restore's stdin too, or pg_restore would wait for the rest forever. pg_restore may
      // close its stdin once it has read the archive: the rest is still read and checked.
      pipeline(head, toleratingEarlyClose(reader.stdin!), () => undefined);
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
