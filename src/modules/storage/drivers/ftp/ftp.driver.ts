import type * as BasicFtp from 'basic-ftp';
import type { FileInfo } from 'basic-ftp';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path/posix';
import { PassThrough, type Readable, pipeline } from 'node:stream';
import tls from 'node:tls';
import { resolveGuarded, trimCredential } from '../../endpoint-rules.js';
import { resolveRemoteEndpoint } from '../../providers/remote-endpoints.js';
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
import { probeSocket, runTestConnection } from '../../test-connection.js';
import { PARTIAL_SUFFIX, walkTree, type TreeEntry } from '../remote-fs.js';
import { mapFtpError } from './ftp-errors.js';

// Loaded on first use, so a process that never talks FTP does not pay for basic-ftp.
const require = createRequire(import.meta.url);
let ftpModule: typeof BasicFtp | undefined;
const ftp = (): typeof BasicFtp => (ftpModule ??= require('basic-ftp') as typeof BasicFtp);

interface Session {
  client: BasicFtp.Client;
  home: string;
}

const POOL_SIZE = 2;

/** FTP with optional explicit FTPS (AUTH TLS), passive mode, on basic-ftp. */
export class FtpDriver implements StorageDriver {
  readonly provider = 'ftp' as const;
  private readonly host: string;
  private readonly port: number;
  private readonly user: string;
  private readonly password: string;
  private readonly secure: boolean;
  private readonly timeoutMs: number;
  private readonly idle: Session[] = [];
  private closed = false;

  constructor(
    private readonly target: StorageTarget,
    private readonly options: StorageDriverOptions = {},
  ) {
    const hp = resolveRemoteEndpoint('ftp', target);
    this.host = hp.host;
    this.port = hp.port;
    this.secure = target.useTls ?? /^ftpe?s:\/\//i.test(target.endpointUrl?.trim() ?? '');
    if (!this.secure && !options.allowInsecureEndpoints) {
      throw invalidConfig(
        'Plain FTP sends the password and the backups unencrypted, which this platform does not allow.',
        'Enable TLS (explicit FTPS), use SFTP, or ask a platform administrator to allow insecure endpoints.',
      );
    }
    const user = trimCredential(target.accessKey);
    const password = trimCredential(target.secretKey);
    if (!user || !password)
      throw invalidConfig('A user name (access key) and password (secret key) are required for FTP.');
    this.user = user;
    this.password = password;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private mapError(err: unknown, what: string): StorageError {
    return mapFtpError(err, what, {
      host: this.host,
      port: this.port,
      user: this.user,
      password: this.password,
    });
  }

  private async open(): Promise<Session> {
    const address = await resolveGuarded(this.host, this.options.allowPrivateEndpoints ?? false);
    const client = new (ftp().Client)(this.timeoutMs);
    try {
      await client.access({
        host: address,
        port: this.port,
        user: this.user,
        password: this.password,
        secure: this.secure,
        secureOptions: this.secure
          ? {
              ...(net.isIP(this.host) ? { host: this.host } : { servername: this.host, host: this.host }),
              ...(this.options.caCert ? { ca: [...tls.rootCertificates, this.options.caCert] } : {}),
            }
          : undefined,
      });
      return { client, home: await client.pwd() };
    } catch (err) {
      // A failed access() leaves the socket open.
      client.close();
      throw this.mapError(err, 'login');
    }
  }

  /**
   * Back to the pool after an operation, unless the driver was closed meanwhile (a download link's
   * handler closes it when the stream ends, which can be before the server's final reply).
   */
  private recycle(session: Session): void {
    if (!this.closed && !session.client.closed && this.idle.length < POOL_SIZE) this.idle.push(session);
    else session.client.close();
  }

  /** One operation at a time per FTP connection: take an idle session or open one. */
  private async session<T>(what: string, fn: (s: Session) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw abortedError(signal.reason);
    let s: Session | undefined;
    while ((s = this.idle.pop()) && s.client.closed);
    s ??= await this.open();
    const session = s;
    const onAbort = () => session.client.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await fn(session);
      this.recycle(session);
      return result;
    } catch (err) {
      session.client.close();
      if (signal?.aborted) throw abortedError(err);
      throw this.mapError(err, what);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private abs(s: Session, key: string): string {
    return path.resolve(s.home, this.target.bucket?.trim() || '.', key);
  }

  async upload(key: string, body: Readable, options: UploadOptions = {}): Promise<UploadResult> {
    let temp: string | undefined;
    try {
      return await this.session(
        `upload ${key}`,
        async (s) => {
          const final = this.abs(s, key);
          temp = path.join(
            path.dirname(final),
            `.${path.basename(final)}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`,
          );
          await s.client.ensureDir(path.dirname(final));
          const counter = new ByteCounter(options.onProgress, options.contentLength);
          pipeline(body, counter, () => undefined);
          try {
            await s.client.uploadFrom(counter, temp);
          } catch (err) {
            // A short or long source closes the client; report the source problem, not the socket.
            throw counter.errored instanceof StorageError ? counter.errored : err;
          }
          if (counter.errored) throw counter.errored;
          // Servers create files with their umask (often 0644); backups should be private.
          await s.client.sendIgnoringError(`SITE CHMOD 600 ${temp}`);
          // An aborted STOR leaves a partial file: only a complete one gets the final name.
          await s.client.rename(temp, final);
          temp = undefined;
          const size = await s.client.size(final);
          if (size !== counter.bytes) {
            throw new StorageError(
              'unknown',
              `The server stored ${size} of ${counter.bytes} bytes for ${key}.`,
            );
          }
          return { key, size };
        },
        options.signal,
      );
    } catch (err) {
      body.destroy();
      if (temp) {
        const t = temp;
        await this.session('cleanup', (s) => s.client.remove(t, true)).catch(() => undefined);
      }
      throw err;
    }
  }

  async download(key: string, options: OperationOptions = {}): Promise<Readable> {
    let s: Session | undefined;
    while ((s = this.idle.pop()) && s.client.closed);
    const session = s ?? (await this.open());
    const file = this.abs(session, key);
    try {
      await session.client.size(file);
    } catch (err) {
      session.client.close();
      throw this.mapError(err, `download ${key}`);
    }
    const out = new PassThrough();
    const onAbort = () => session.client.close();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    session.client.downloadTo(out, file).then(
      () => {
        options.signal?.removeEventListener('abort', onAbort);
        this.recycle(session);
      },
      (err: unknown) => {
        options.signal?.removeEventListener('abort', onAbort);
        session.client.close();
        out.destroy(options.signal?.aborted ? abortedError(err) : this.mapError(err, `download ${key}`));
      },
    );
    // A consumer that gives up closes the connection (the transfer cannot be cancelled otherwise).
    out.on('close', () => {
      if (!out.writableFinished) session.client.close();
    });
    return out;
  }

  async stat(key: string, options: OperationOptions = {}): Promise<StatResult | null> {
    return this.session(
      `stat ${key}`,
      async (s) => {
        const file = this.abs(s, key);
        let size: number;
        try {
          size = await s.client.size(file);
        } catch (err) {
          if (err instanceof ftp().FTPError && err.code === 550) return null;
          throw err;
        }
        // Some servers (ftp-srv) answer SIZE for directories too; a directory is not an object.
        const cwd = await s.client.sendIgnoringError(`CWD ${file}`);
        if (cwd.code >= 200 && cwd.code < 300) {
          await s.client.cd(s.home);
          return null;
        }
        const modifiedAt = await s.client.lastMod(file).catch(() => null);
        return { key, size, modifiedAt };
      },
      options.signal,
    );
  }

  async delete(key: string, options: OperationOptions = {}): Promise<void> {
    await this.session(
      `delete ${key}`,
      async (s) => {
        const file = this.abs(s, key);
        const r = await s.client.remove(file, true);
        // 550 on a missing file is fine (idempotent), anything else is not.
        if (r.code >= 400 && r.code !== 550) throw new (ftp().FTPError)(r);
        if (
          r.code === 550 &&
          (await s.client.size(file).then(
            () => true,
            () => false,
          ))
        )
          throw new (ftp().FTPError)(r);
      },
      options.signal,
    );
  }

  async deletePrefix(prefix: string, options: OperationOptions = {}): Promise<number> {
    const keys: string[] = [];
    for await (const e of this.walk(prefix, options, true)) keys.push(e.key);
    for (const k of keys) await this.delete(k, options);
    return keys.length;
  }

  async removeEmptyFolder(prefix: string, options: OperationOptions = {}): Promise<void> {
    await this.session(
      `remove folder ${prefix}`,
      async (s) => {
        const dir = this.abs(s, prefix);
        // RMD (not basic-ftp's recursive removeDir): the server refuses a folder that holds anything.
        const r = await s.client.sendIgnoringError(`RMD ${await s.client.protectWhitespace(dir)}`);
        // 550: not empty or missing — either way nothing to do.
        if (r.code >= 400 && r.code !== 550) throw new (ftp().FTPError)(r);
      },
      options.signal,
    );
  }

  list(prefix: string, options: OperationOptions = {}): AsyncIterable<ListEntry> {
    return this.walk(prefix, options, false);
  }

  /** withPartial: also the temp files of uploads that never finished (a killed worker's). */
  private walk(prefix: string, options: OperationOptions, withPartial: boolean): AsyncIterable<ListEntry> {
    const readDir = (rel: string): Promise<TreeEntry[] | null> =>
      this.session(
        'list',
        async (s): Promise<TreeEntry[] | null> => {
          let entries: FileInfo[];
          try {
            entries = await s.client.list(this.abs(s, rel || '.'));
          } catch (err) {
            // 550 (vsftpd) or 451 ENOENT (ftp-srv): the directory does not exist.
            if (
              err instanceof ftp().FTPError &&
              (err.code === 550 || (err.code === 451 && /ENOENT/.test(err.message)))
            ) {
              return null;
            }
            throw err;
          }
          return entries.map((e) => ({
            name: e.name,
            isDirectory: e.isDirectory,
            isFile: e.isFile,
            info: () => ({ size: e.size, modifiedAt: e.modifiedAt ?? null }),
          }));
        },
        options.signal,
      );
    return walkTree(prefix, readDir, { signal: options.signal, withPartial });
  }

  async presignDownload(): Promise<string> {
    throw notSupported('Presigned URLs', 'FTP');
  }

  async presignUpload(): Promise<string> {
    throw notSupported('Presigned URLs', 'FTP');
  }

  async testConnection(options: TestConnectionOptions = {}): Promise<TestConnectionReport> {
    await this.close();
    return runTestConnection(
      this,
      normalizePathPrefix(this.target.pathPrefix),
      {
        configuration: `FTP${this.secure ? ' with explicit TLS (FTPS)' : ' without TLS'} ${this.user}@${this.host}:${this.port}, passive mode`,
        connectivity: (signal) =>
          probeSocket({
            host: this.host,
            port: this.port,
            tls: false,
            timeoutMs: this.timeoutMs,
            allowPrivate: this.options.allowPrivateEndpoints ?? false,
            signal,
          }),
        authenticate: (signal) =>
          this.session(
            'login',
            async (s) => `logged in as ${this.user}${this.secure ? ' over TLS' : ''}; home ${s.home}`,
            signal,
          ),
        container: (signal) =>
          this.session(
            'base directory',
            async (s) => {
              const base = this.abs(s, '.');
              try {
                await s.client.cd(base);
              } catch (err) {
                if (err instanceof ftp().FTPError && err.code === 550)
                  return `directory ${base} does not exist yet; it will be created`;
                throw err;
              } finally {
                await s.client.cd(s.home).catch(() => undefined);
              }
              return `directory ${base} exists`;
            },
            signal,
          ),
      },
      {},
      options.signal,
      options.light,
    );
  }

  /** Closes the idle connections; one still in use is closed when its operation ends. */
  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.idle.splice(0)) s.client.close();
  }
}
