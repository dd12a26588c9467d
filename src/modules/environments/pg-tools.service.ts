import { keepStderrTail } from '../../common/process/stderr-tail.js';
import { Inject, Injectable } from '@nestjs/common';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback, type Writable } from 'node:stream';
import { promisify } from 'node:util';
import pg from 'pg';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { DumpFormat, SslMode } from './environment.entity.js';
import { SourceError } from './source-error.js';

const execFileAsync = promisify(execFile);
const STDERR_LIMIT = 16 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;

/** How to reach an environment's database; the password is decrypted only for the call. */
export interface DbConnection {
  host: string;
  /** The address the source policy checked `host` against; dialled instead of resolving again. */
  hostaddr?: string | null;
  port: number;
  database: string;
  username: string;
  password: string | null;
  sslmode: SslMode;
}

export interface ServerInfo {
  version: string;
  major: number;
}

export interface PgDumpBinary {
  path: string;
  version: string;
  major: number;
}

export interface DumpProcess {
  /** pg_dump's stdout; ends only after the process exited, and errors when it failed. */
  stdout: Readable;
}

/**
 * The port to PostgreSQL client work: logging in, listing tables, choosing and running pg_dump.
 * The password reaches pg_dump through PGPASSWORD in its environment, never its command line.
 */
@Injectable()
export class PgTools {
  private binaries: Promise<PgDumpBinary[]> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Logs in and reads the server version (and runs fn on the connection when given). */
  async withClient<T>(conn: DbConnection, fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const ssl = sslOption(conn.sslmode);
    const client = new pg.Client({
      // Dial the checked address; TLS still verifies the name the tenant gave.
      host: conn.hostaddr ?? conn.host,
      port: conn.port,
      database: conn.database,
      user: conn.username,
      password: conn.password ?? undefined,
      ssl: ssl && conn.hostaddr ? { ...(ssl === true ? {} : ssl), servername: conn.host } : ssl,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'offsite',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw mapPgError(err, conn);
    }
    try {
      return await fn(client);
    } catch (err) {
      throw mapPgError(err, conn);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  serverInfo(conn: DbConnection): Promise<ServerInfo> {
    return this.withClient(conn, (c) => serverInfoOf(c));
  }

  /** Server version, database size (to size multipart uploads) and the user tables a dump will contain. */
  inspect(conn: DbConnection): Promise<ServerInfo & { tables: string[]; sizeBytes: number }> {
    return this.withClient(conn, async (c) => {
      const info = await serverInfoOf(c);
      const size = await c.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
      const { rows } = await c.query<{ t: string }>(
        `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1`,
      );
      return { ...info, tables: rows.map((r) => r.t), sizeBytes: Number(size.rows[0]!.n) };
    });
  }

  /** Every pg_dump found in PG_BIN_DIRS with its version (probed once per process). */
  available(): Promise<PgDumpBinary[]> {
    this.binaries ??= probeBinaries(this.config.pgBinDirs);
    return this.binaries;
  }

  /** The newest pg_dump whose major version is at least the server's; fails fast naming both versions. */
  async choose(server: ServerInfo): Promise<PgDumpBinary> {
    const all = await this.available();
    const fit = all.filter((b) => b.major >= server.major).sort((a, b) => b.major - a.major)[0];
    if (fit) return fit;
    const newest = [...all].sort((a, b) => b.major - a.major)[0];
    throw new SourceError(
      'pg_dump_too_old',
      newest
        ? `The database server runs PostgreSQL ${server.version} but the newest pg_dump on this worker is ${newest.version} (${newest.path}); pg_dump must be at least the server's major version. Install postgresql-client-${server.major} (or newer) on the workers and list its bin directory in PG_BIN_DIRS.`
        : `No pg_dump found in PG_BIN_DIRS (${this.config.pgBinDirs.join(', ')}); the database server runs PostgreSQL ${server.version}. Install postgresql-client-${server.major} (or newer) on the workers and list its bin directory in PG_BIN_DIRS.`,
    );
  }

  /** Starts pg_dump; its stdout ends only after a successful exit and errors otherwise. */
  dump(conn: DbConnection, binary: PgDumpBinary, format: DumpFormat, signal: AbortSignal): DumpProcess {
    const { child, exited } = this.spawnDump(conn, binary, format, signal, 'pipe');
    return { stdout: child.stdout!.pipe(new ExitGate(exited)) };
  }

  /**
   * Starts pg_dump writing straight into `stdout` (another process's stdin, e.g. the compressor's),
   * so the dump's bytes never pass through Node; resolves after a successful exit.
   */
  dumpInto(
    conn: DbConnection,
    binary: PgDumpBinary,
    format: DumpFormat,
    signal: AbortSignal,
    stdout: Writable,
  ): Promise<void> {
    return this.spawnDump(conn, binary, format, signal, stdout).exited;
  }

  private spawnDump(
    conn: DbConnection,
    binary: PgDumpBinary,
    format: DumpFormat,
    signal: AbortSignal,
    stdout: 'pipe' | Writable,
  ): { child: ChildProcess; exited: Promise<void> } {
    const args = ['--no-password', format === 'custom' ? '--format=custom' : '--format=plain'];
    const child = spawn(binary.path, args, {
      env: {
        PATH: '/usr/bin:/bin',
        ...pgHostEnv(conn),
        PGPORT: String(conn.port),
        PGDATABASE: conn.database,
        PGUSER: conn.username,
        PGSSLMODE: conn.sslmode,
        PGAPPNAME: 'offsite-backup',
        PGCONNECT_TIMEOUT: String(CONNECT_TIMEOUT_MS / 1000),
        ...(conn.password ? { PGPASSWORD: conn.password } : {}),
      },
      stdio: ['ignore', stdout, 'pipe'],
      signal,
      killSignal: 'SIGKILL',
    });
    const stderr = keepStderrTail(child.stderr!, STDERR_LIMIT);
    const exited = new Promise<void>((resolve, reject) => {
      child.on('error', (err) => {
        if ((err as { name?: string }).name === 'AbortError') reject(err);
        else
          reject(
            new SourceError('dump_failed', `Could not start ${binary.path}: ${err.message}`, { cause: err }),
          );
      });
      child.on('close', (code, sig) => {
        if (code === 0) return resolve();
        if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
        reject(dumpFailure(stderr(), code, sig, conn));
      });
    });
    exited.catch(() => undefined);
    return { child, exited };
  }
}

/** Passes bytes through and holds the end of the stream until the process exit is known. */
class ExitGate extends Transform {
  constructor(private readonly exited: Promise<void>) {
    super();
    exited.catch((err: Error) => this.destroy(err));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    this.exited.then(() => cb(), cb);
  }
}

async function serverInfoOf(c: pg.Client): Promise<ServerInfo> {
  const { rows } = await c.query<{ v: string; n: string }>(
    "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n",
  );
  const num = Number(rows[0]!.n);
  return {
    version: rows[0]!.v.split(' ')[0]!,
    major: num >= 100000 ? Math.floor(num / 10000) : Math.floor(num / 100),
  };
}

async function probeBinaries(dirs: string[]): Promise<PgDumpBinary[]> {
  const found: PgDumpBinary[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, 'pg_dump');
    try {
      await access(file, constants.X_OK);
      const { stdout } = await execFileAsync(file, ['--version'], { timeout: 10_000 });
      const m = /\)\s*(\d+)(?:\.(\d+))?/.exec(stdout);
      if (!m) continue;
      found.push({ path: file, version: m[2] ? `${m[1]}.${m[2]}` : m[1]!, major: Number(m[1]) });
    } catch {
      // Not there or not runnable: skip this directory.
    }
  }
  return found;
}

/** libpq's host variables: PGHOSTADDR pins the checked address, PGHOST keeps the name for TLS. */
export function pgHostEnv(conn: DbConnection): Record<string, string> {
  return conn.hostaddr ? { PGHOST: conn.host, PGHOSTADDR: conn.hostaddr } : { PGHOST: conn.host };
}

function sslOption(mode: SslMode): pg.ClientConfig['ssl'] {
  switch (mode) {
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
    case 'verify-full':
      return true;
  }
}

function where(conn: DbConnection): string {
  return `${conn.host}:${conn.port}/${conn.database}`;
}

function mapPgError(err: unknown, conn: DbConnection): SourceError {
  if (err instanceof SourceError) return err;
  const e = err as { code?: string; message?: string };
  const msg = e.message ?? String(err);
  switch (e.code) {
    case '28P01':
    case '28000':
      return new SourceError(
        'auth_failed',
        `The database server ${where(conn)} refused the login of user "${conn.username}": ${msg}. Check the environment's database username and password.`,
        { cause: err },
      );
    case '3D000':
      return new SourceError(
        'not_found',
        `Database "${conn.database}" does not exist on ${conn.host}:${conn.port}.`,
        {
          cause: err,
        },
      );
    // One message per class, without the socket error: a source test must not tell a refused
    // port from a reset one (that would make it a port scanner).
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SourceError(
        'endpoint_unreachable',
        `No PostgreSQL server answered at ${conn.host}:${conn.port}. Check host, port and firewall.`,
        { cause: err },
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SourceError('dns_failed', `The database host name "${conn.host}" could not be resolved.`, {
        cause: err,
      });
  }
  if (/timeout/i.test(msg)) {
    return new SourceError(
      'timeout',
      `The database server ${conn.host}:${conn.port} did not answer in time.`,
      {
        cause: err,
      },
    );
  }
  if (/ssl|tls|certificate/i.test(msg)) {
    return new SourceError('tls_failed', `TLS to the database server failed: ${msg}`, { cause: err });
  }
  if (/Connection terminated|unexpected|protocol|ECONN/i.test(msg)) {
    return new SourceError(
      'endpoint_unreachable',
      `No PostgreSQL server answered at ${conn.host}:${conn.port}. Check host, port and firewall.`,
      { cause: err },
    );
  }
  return new SourceError('dump_failed', `Database error on ${where(conn)}: ${msg}`, { cause: err });
}

function dumpFailure(
  stderr: string,
  code: number | null,
  sig: NodeJS.Signals | null,
  conn: DbConnection,
): SourceError {
  const tail = stderr.trim().split('\n').slice(-5).join(' | ');
  if (/password authentication failed|no password supplied|authentication failed/i.test(stderr)) {
    return new SourceError(
      'auth_failed',
      `pg_dump could not log in to ${where(conn)} as "${conn.username}": ${tail}. Check the environment's database username and password.`,
    );
  }
  return new SourceError(
    'dump_failed',
    `pg_dump failed (${sig ? `signal ${sig}` : `exit code ${code}`}): ${tail || 'no error output'}`,
  );
}
