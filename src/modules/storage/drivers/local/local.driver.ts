import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { normalizePathPrefix } from '../../storage-keys.js';
import {
  DEFAULT_TIMEOUT_MS,
  type ListEntry,
  type OperationOptions,
  type TestConnectionOptions,
  type StatResult,
  type StorageDriver,
  type StorageDriverOptions,
  type StorageTarget,
  type TestConnectionReport,
  type UploadOptions,
  type UploadResult,
} from '../../storage-driver.js';
import { StorageError, abortedError, invalidConfig, notSupported } from '../../storage-errors.js';
import { ByteCounter } from '../../pipeline/byte-counter.js';
import { runTestConnection } from '../../test-connection.js';
import { PARTIAL_SUFFIX, walkTree, type TreeEntry } from '../remote-fs.js';

function mapFsError(err: unknown, key: string): unknown {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'ABORT_ERR' || (err as Error)?.name === 'AbortError') return abortedError(err);
  if (code === 'ENOENT') return new StorageError('not_found', `Object ${key} not found.`, { cause: err });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StorageError('access_denied', `Permission denied writing or reading ${key}.`, {
      hint: 'The Offsite process needs read/write access to the storage directory.',
      cause: err,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new StorageError('quota_exceeded', 'The storage disk is full or the quota is exceeded.', {
      cause: err,
    });
  }
  return new StorageError('unknown', `Local storage error (${code ?? 'unknown'}).`, { cause: err });
}

/** A directory on the server's own disk: the embedded default and platform-level storage. */
export class LocalDriver implements StorageDriver {
  readonly provider = 'local' as const;
  private readonly root: string;

  constructor(
    private readonly target: StorageTarget,
    private readonly options: StorageDriverOptions = {},
  ) {
    const dir = target.bucket?.trim() || options.defaultLocalDir;
    if (!dir) throw invalidConfig('A directory is required for local storage.');
    if (!path.isAbsolute(dir)) throw invalidConfig('The local storage directory must be an absolute path.');
    this.root = path.resolve(dir);
  }

  private file(key: string): string {
    // Keys are normalized by the factory wrapper; this is a second line of defence.
    const p = path.resolve(this.root, key);
    if (p !== this.root && !p.startsWith(this.root + path.sep))
      throw invalidConfig(`Key ${key} escapes the root.`);
    return p;
  }

  async upload(key: string, body: Readable, options: UploadOptions = {}): Promise<UploadResult> {
    const final = this.file(key);
    const temp = path.join(
      path.dirname(final),
      `.${path.basename(final)}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`,
    );
    const counter = new ByteCounter(options.onProgress, options.contentLength);
    try {
      await fs.mkdir(path.dirname(final), { recursive: true });
      await pipeline(body, counter, createWriteStream(temp, { mode: 0o600 }), {
        signal: options.signal,
      });
      await fs.rename(temp, final);
      return { key, size: counter.bytes };
    } catch (err) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw mapFsError(err, key);
    }
  }

  async download(key: string, options: OperationOptions = {}): Promise<Readable> {
    const file = this.file(key);
    try {
      const handle = await fs.open(file, 'r');
      return createReadStream('', { fd: handle, signal: options.signal, autoClose: true });
    } catch (err) {
      throw mapFsError(err, key);
    }
  }

  async stat(key: string): Promise<StatResult | null> {
    try {
      const s = await fs.stat(this.file(key));
      return s.isFile() ? { key, size: s.size, modifiedAt: s.mtime } : null;
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT' || (err as { code?: string }).code === 'ENOTDIR')
        return null;
      throw mapFsError(err, key);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await fs.rm(this.file(key), { force: true });
    } catch (err) {
      throw mapFsError(err, key);
    }
  }

  async deletePrefix(prefix: string, options: OperationOptions = {}): Promise<number> {
    let n = 0;
    for await (const entry of this.walk(prefix, options, true)) {
      await this.delete(entry.key);
      n++;
    }
    return n;
  }

  async removeEmptyFolder(prefix: string): Promise<void> {
    const dir = this.file(prefix);
    if (dir === this.root) return;
    try {
      // rmdir, not rm: it fails on a folder that holds anything.
      await fs.rmdir(dir);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return;
      throw mapFsError(err, prefix);
    }
  }

  list(prefix: string, options: OperationOptions = {}): AsyncIterable<ListEntry> {
    return this.walk(prefix, options, false);
  }

  /** withPartial: also the temp files of uploads that never finished (a killed worker's). */
  private walk(prefix: string, options: OperationOptions, withPartial: boolean): AsyncIterable<ListEntry> {
    const readDir = async (rel: string): Promise<TreeEntry[] | null> => {
      const dir = this.file(rel || '.');
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return null;
        throw mapFsError(err, rel);
      }
      return entries.map((e) => ({
        name: e.name,
        isDirectory: e.isDirectory(),
        isFile: e.isFile(),
        info: () =>
          fs.stat(path.join(dir, e.name)).then(
            (s) => ({ size: s.size, modifiedAt: s.mtime }),
            () => null,
          ),
      }));
    };
    return walkTree(prefix, readDir, { signal: options.signal, withPartial });
  }

  async presignDownload(): Promise<string> {
    throw notSupported('Presigned URLs', 'local');
  }

  async presignUpload(): Promise<string> {
    throw notSupported('Presigned URLs', 'local');
  }

  async testConnection(options: TestConnectionOptions = {}): Promise<TestConnectionReport> {
    return runTestConnection(
      this,
      normalizePathPrefix(this.target.pathPrefix),
      {
        configuration: `local directory ${this.root}`,
        connectivity: async () => ({ detail: 'local filesystem, no network', latencyMs: 0 }),
        authenticate: async () => 'no authentication for local storage',
        container: async () => {
          await fs.mkdir(this.root, { recursive: true }).catch((err: unknown) => {
            throw mapFsError(err, this.root);
          });
          await fs.access(this.root, fs.constants.W_OK | fs.constants.R_OK).catch((err: unknown) => {
            throw mapFsError(err, this.root);
          });
          return `directory ${this.root} exists and is writable`;
        },
      },
      {},
      options.signal ?? AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      options.light,
    );
  }

  async close(): Promise<void> {}
}
