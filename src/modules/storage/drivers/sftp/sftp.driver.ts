import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path/posix';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import type * as Ssh2 from 'ssh2';
import type { SFTPWrapper } from 'ssh2';
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
import {
  StorageError,
  abortedError,
  invalidConfig,
  notSupported,
  timeoutError,
} from '../../storage-errors.js';
import { ByteCounter } from '../../pipeline/byte-counter.js';
import { withTimeout } from '../../stream-utils.js';
import { probeSocket, runTestConnection } from '../../test-connection.js';
import { PARTIAL_SUFFIX, stallWatchdog, walkTree, watchedDownload, type TreeEntry } from '../remote-fs.js';
import { SftpFileWriter } from './sftp-writer.js';
import { mapSftpError } from './sftp-errors.js';
import {
  sftpMkdirp,
  sftpReaddir,
  sftpRename,
  sftpStat,
  sshFingerprint,
  hostKeyMismatchError,
  sftpRmdirIfEmpty,
  sftpUnlink,
  type Connection,
} from './sftp-fs.js';

// Loaded on first use, so a process that never talks SFTP does not pay for ssh2 (bench:storage).
const require = createRequire(import.meta.url);
let ssh2Module: typeof Ssh2 | undefined;
const ssh2 = (): typeof Ssh2 => (ssh2Module ??= require('ssh2') as typeof Ssh2);

export class SftpDriver implements StorageDriver {
  readonly provider = 'sftp' as const;
  private readonly host: string;
  private readonly port: number;
  private readonly username: string;
  private readonly password: string | undefined;
  private readonly privateKey: string | undefined;
  private readonly passphrase: string | undefined;
  private readonly timeoutMs: number;
  private readonly secrets: (string | undefined)[];
  private connection: Promise<Connection> | undefined;
  /** Last host key fingerprint seen, for pinning after the first successful test. */
  observedFingerprint: string | null = null;

  constructor(
    private readonly target: StorageTarget,
    private readonly options: StorageDriverOptions = {},
  ) {
    const hp = resolveRemoteEndpoint('sftp', target);
    this.host = hp.host;
    this.port = hp.port;
    const user = trimCredential(target.accessKey);
    if (!user) throw invalidConfig('A user name (access key) is required for SFTP.');
    this.username = user;
    this.password = trimCredential(target.secretKey);
    this.privateKey = target.privateKey?.trim() ? target.privateKey.trim() + '\n' : undefined;
    this.passphrase = target.passphrase ?? undefined;
    if (!this.password && !this.privateKey) {
      throw invalidConfig('A password (secret key) or a private key is required for SFTP.');
    }
    if (this.privateKey) {
      const parsed = ssh2().utils.parseKey(this.privateKey, this.passphrase);
      if (parsed instanceof Error) {
        throw invalidConfig(
          `The private key cannot be read: ${parsed.message.replace(/\n.*/s, '')}.`,
          'Paste an OpenSSH or PEM private key (and its passphrase if it has one).',
        );
      }
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.secrets = [this.password, this.passphrase, this.privateKey];
  }

  private mapError(err: unknown, what: string): StorageError {
    return mapSftpError(err, what, {
      host: this.host,
      port: this.port,
      username: this.username,
      secrets: this.secrets,
    });
  }

  private async connect(): Promise<Connection> {
    const address = await resolveGuarded(this.host, this.options.allowPrivateEndpoints ?? false);
    const pinned = this.target.hostKeyFingerprint?.trim() || undefined;
    let hostKeyMismatch: StorageError | undefined;
    const sock = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: address, port: this.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(timeoutError(`Connecting to ${this.host}:${this.port}`, this.timeoutMs));
      }, this.timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        // Without this, OpenSSH uploads crawl at ~2 MiB/s (Nagle + delayed ACK).
        s.setNoDelay(true);
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(this.mapError(err, 'connect'));
      });
    });
    const client = new (ssh2().Client)();
    const conn = await new Promise<Connection>((resolve, reject) => {
      let settled = false;
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        client.end();
        sock.destroy();
        reject(hostKeyMismatch ?? this.mapError(err, 'connect'));
      };
      client.once('error', fail);
      client.once('close', () => fail(new Error('Connection lost before the SFTP session was ready')));
      client.once('ready', () => {
        client.sftp((err, sftp) => {
          if (err) return fail(err);
          sftp.realpath('.', (err2, home) => {
            if (err2) return fail(err2);
            settled = true;
            resolve({ client, sftp, home, closed: false });
          });
        });
      });
      client.connect({
        sock,
        host: this.host,
        port: this.port,
        username: this.username,
        password: this.password,
        privateKey: this.privateKey,
        passphrase: this.passphrase,
        readyTimeout: this.timeoutMs,
        // A silent (stalled) server is only detected by keepalives; without them the client hangs forever.
        keepaliveInterval: Math.max(1000, Math.min(5000, Math.floor(this.timeoutMs / 3))),
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => {
          const fp = sshFingerprint(key);
          this.observedFingerprint = fp;
          hostKeyMismatch = hostKeyMismatchError(pinned, fp);
          return !hostKeyMismatch;
        },
      });
    });
    const onGone = (err?: Error) => {
      conn.closed = true;
      conn.error ??= err;
      if (this.connection && conn === this.current) this.connection = undefined;
    };
    client.on('error', onGone);
    client.on('close', () => onGone());
    this.current = conn;
    return conn;
  }

  private current: Connection | undefined;

  private async conn(): Promise<Connection> {
    if (this.current?.closed) this.connection = undefined;
    this.connection ??= this.connect().catch((err: unknown) => {
      this.connection = undefined;
      throw err;
    });
    return this.connection;
  }

  /** Small request/response operations: bounded by the timeout; a timeout drops the connection. */
  private async op<T>(what: string, fn: (sftp: SFTPWrapper, c: Connection) => Promise<T>): Promise<T> {
    const c = await this.conn();
    try {
      return await withTimeout(fn(c.sftp, c), this.timeoutMs, () => {
        c.client.end();
        c.closed = true;
        return timeoutError(`SFTP ${what}`, this.timeoutMs);
      });
    } catch (err) {
      throw this.mapError(c.closed && c.error && !(err instanceof StorageError) ? c.error : err, what);
    }
  }

  private connectionLost(c: Connection): StorageError {
    return c.error
      ? this.mapError(c.error, 'transfer')
      : new StorageError(
          'endpoint_unreachable',
          `The SFTP connection to ${this.host}:${this.port} was lost.`,
        );
  }

  private abs(c: Connection, key: string): string {
    const base = this.target.bucket?.trim() || '.';
    return path.resolve(c.home, base, key);
  }

  async upload(key: string, body: Readable, options: UploadOptions = {}): Promise<UploadResult> {
    if (options.signal?.aborted) throw abortedError(options.signal.reason);
    const c = await this.conn();
    const final = this.abs(c, key);
    const temp = path.join(
      path.dirname(final),
      `.${path.basename(final)}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`,
    );
    await this.op('mkdir', (sftp) => sftpMkdirp(sftp, path.dirname(final)));
    let stalled: StorageError | undefined;
    const watchdog = stallWatchdog(
      this.timeoutMs,
      () => ws.busy,
      () => {
        stalled = timeoutError('The SFTP upload', this.timeoutMs);
        c.closed = true;
        c.client.end();
        ws.destroy(stalled);
      },
    );
    const counter = new ByteCounter((n) => {
      watchdog.touch();
      options.onProgress?.(n);
    }, options.contentLength);
    // 0600: OpenSSH creates uploaded files 0666 minus umask otherwise.
    const ws = new SftpFileWriter(c.sftp, temp, 0o600);
    // ssh2 streams do not fail by themselves when the connection drops (reset, keepalive timeout).
    const onGone = () => ws.destroy(this.connectionLost(c));
    c.client.once('close', onGone);
    try {
      await pipeline(body, counter, ws, { signal: options.signal });
      await this.op('rename', (sftp) => sftpRename(sftp, temp, final));
      return { key, size: counter.bytes };
    } catch (err) {
      const mapped = this.mapError(stalled ?? (c.closed && c.error ? c.error : err), `upload ${key}`);
      // Remove the partial temp file; over a new connection (in the background, so a dead server
      // does not delay the error) when this one is gone.
      const cleanup = this.op(
        'cleanup',
        (sftp) => new Promise<void>((r) => sftp.unlink(temp, () => r())),
      ).catch(() => undefined);
      if (!c.closed) await cleanup;
      throw options.signal?.aborted ? abortedError(err) : mapped;
    } finally {
      watchdog.stop();
      c.client.removeListener('close', onGone);
    }
  }

  async download(key: string, options: OperationOptions = {}): Promise<Readable> {
    const { abs, c } = await this.op('stat', async (sftp, conn) => {
      const p = this.abs(conn, key);
      const s = await sftpStat(sftp, p);
      if (!s || !s.isFile()) throw new StorageError('not_found', `Object ${key} not found.`);
      return { abs: p, c: conn };
    });
    const rs = c.sftp.createReadStream(abs);
    const onGone = () => rs.destroy(this.connectionLost(c));
    c.client.once('close', onGone);
    rs.once('close', () => c.client.removeListener('close', onGone));
    return watchedDownload(
      rs,
      this.timeoutMs,
      (err) => this.mapError(err, `download ${key}`),
      () => {
        c.closed = true;
        c.client.end();
        return timeoutError('The SFTP download', this.timeoutMs);
      },
      options.signal,
    );
  }

  async stat(key: string): Promise<StatResult | null> {
    return this.op('stat', async (sftp, c) => {
      const s = await sftpStat(sftp, this.abs(c, key));
      if (!s || !s.isFile()) return null;
      return { key, size: s.size, modifiedAt: new Date(s.mtime * 1000) };
    });
  }

  async delete(key: string): Promise<void> {
    await this.op('delete', (sftp, c) => sftpUnlink(sftp, this.abs(c, key)));
  }

  async deletePrefix(prefix: string, options: OperationOptions = {}): Promise<number> {
    const keys: string[] = [];
    for await (const e of this.walk(prefix, options, true)) keys.push(e.key);
    for (const k of keys) await this.delete(k);
    return keys.length;
  }

  async removeEmptyFolder(prefix: string): Promise<void> {
    await this.op('remove folder', (sftp, c) => sftpRmdirIfEmpty(sftp, this.abs(c, prefix)));
  }

  list(prefix: string, options: OperationOptions = {}): AsyncIterable<ListEntry> {
    return this.walk(prefix, options, false);
  }

  /** withPartial: also the temp files of uploads that never finished (a killed worker's). */
  private walk(prefix: string, options: OperationOptions, withPartial: boolean): AsyncIterable<ListEntry> {
    const readDir = async (rel: string): Promise<TreeEntry[] | null> => {
      const entries = await this.op('list', (sftp, c) => sftpReaddir(sftp, this.abs(c, rel || '.')));
      return (
        entries?.map((e) => ({
          name: e.filename,
          isDirectory: e.attrs.isDirectory(),
          isFile: e.attrs.isFile(),
          info: () => ({ size: e.attrs.size, modifiedAt: new Date(e.attrs.mtime * 1000) }),
        })) ?? null
      );
    };
    return walkTree(prefix, readDir, { signal: options.signal, withPartial });
  }

  async presignDownload(): Promise<string> {
    throw notSupported('Presigned URLs', 'SFTP');
  }

  async presignUpload(): Promise<string> {
    throw notSupported('Presigned URLs', 'SFTP');
  }

  async testConnection(options: TestConnectionOptions = {}): Promise<TestConnectionReport> {
    const extras: Partial<TestConnectionReport> = { host_key_fingerprint: null };
    await this.close();
    const report = await runTestConnection(
      this,
      normalizePathPrefix(this.target.pathPrefix),
      {
        configuration: `SFTP ${this.username}@${this.host}:${this.port}, ${this.privateKey ? 'private key' : 'password'} authentication${this.target.hostKeyFingerprint ? ', pinned host key' : ''}`,
        connectivity: (signal) =>
          probeSocket({
            host: this.host,
            port: this.port,
            tls: false,
            timeoutMs: this.timeoutMs,
            allowPrivate: this.options.allowPrivateEndpoints ?? false,
            signal,
          }),
        authenticate: async () => {
          try {
            const c = await this.conn();
            return `logged in as ${this.username}; host key ${this.observedFingerprint}${this.target.hostKeyFingerprint ? ' (matches the pinned key)' : ' (not pinned yet)'}; home ${c.home}`;
          } finally {
            extras.host_key_fingerprint = this.observedFingerprint;
          }
        },
        container: async () =>
          this.op('stat', async (sftp, c) => {
            const base = this.abs(c, '.');
            const s = await sftpStat(sftp, base);
            if (s && !s.isDirectory())
              throw new StorageError('bucket_not_found', `${base} is not a directory.`);
            return s
              ? `directory ${base} exists`
              : `directory ${base} does not exist yet; it will be created`;
          }),
      },
      extras,
      options.signal,
      options.light,
    );
    return report;
  }

  async close(): Promise<void> {
    const c = this.current;
    this.connection = undefined;
    this.current = undefined;
    if (c && !c.closed) {
      c.closed = true;
      c.client.end();
    }
  }
}
