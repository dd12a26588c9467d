import { keepStderrTail } from '../../common/process/stderr-tail.js';
import { Injectable } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { pgHostEnv, PgTools, type DbConnection } from '../environments/pg-tools.service.js';
import { SourceError } from '../environments/source-error.js';
import { RestoreError } from './restore-error.js';

const STDERR_LIMIT = 16 * 1024;
/** PostgreSQL truncates identifiers to 63 bytes; names we create must fit so they stay exact. */
const MAX_IDENTIFIER_BYTES = 63;

export interface LoadProcess {
  /** What the client reads (psql's stdin); null for pg_restore reading a file. */
  stdin: Writable | null;
  /** Resolves after a successful exit; rejects with the client's stderr tail otherwise. */
  done: Promise<void>;
}

/** `{base}{suffix}`, with base shortened (by bytes) so the whole name fits in an identifier. */
export function derivedName(base: string, suffix: string): string {
  let b = base;
  while (Buffer.byteLength(b + suffix) > MAX_IDENTIFIER_BYTES) b = b.slice(0, -1);
  return b + suffix;
}

/**
 * The port to loading dumps: scratch databases on the target server (create, rename, drop) and
 * psql / pg_restore runs, with the client binaries beside the pg_dump PgTools chooses for the
 * server. The password reaches the clients through PGPASSWORD only.
 */
@Injectable()
export class PgLoader {
  constructor(private readonly pgTools: PgTools) {}

  /** Runs fn on a maintenance connection (database postgres, else template1) of the target server. */
  async admin<T>(conn: DbConnection, fn: (c: pg.Client) => Promise<T>): Promise<T> {
    try {
      return await this.pgTools.withClient({ ...conn, database: 'postgres' }, fn);
    } catch (err) {
      if (err instanceof SourceError && err.code === 'not_found')
        return this.pgTools.withClient({ ...conn, database: 'template1' }, fn);
      throw err;
    }
  }

  /** User tables of the database; null when it does not exist. */
  async userTables(conn: DbConnection, database = conn.database): Promise<string[] | null> {
    const exists = await this.exists(conn, database);
    if (!exists) return null;
    return this.pgTools.withClient({ ...conn, database }, async (c) => {
      const { rows } = await c.query<{ t: string }>(
        `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1`,
      );
      return rows.map((r) => r.t);
    });
  }

  exists(conn: DbConnection, database: string): Promise<boolean> {
    return this.admin(conn, async (c) => {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      return (rowCount ?? 0) > 0;
    });
  }

  createDatabase(conn: DbConnection, name: string): Promise<void> {
    return this.admin(conn, async (c) => {
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE template0`);
    });
  }

  /** Drops the database if it exists, disconnecting its sessions first. */
  dropDatabase(conn: DbConnection, name: string): Promise<void> {
    return this.admin(conn, async (c) => {
      // A just-killed loader's session may still be exiting (or a client reconnecting): PostgreSQL
      // 13+ drops WITH (FORCE) in one step; older servers get a few tries, as renames do.
      const version = Number(
        (await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v ?? 0,
      );
      const force = version >= 130000 ? ' WITH (FORCE)' : '';
      for (let i = 0; ; i++) {
        await terminate(c, name);
        try {
          await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)}${force}`);
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || i >= 5) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    });
  }

  /** Renames; sessions on the old name are disconnected (a rename needs none). */
  renameDatabase(conn: DbConnection, from: string, to: string): Promise<void> {
    return this.admin(conn, async (c) => {
      // Connections can arrive between terminate and rename; a few tries cover an application
      // reconnecting in a loop.
      for (let i = 0; ; i++) {
        await terminate(c, from);
        try {
          await c.query(`ALTER DATABASE ${c.escapeIdentifier(from)} RENAME TO ${c.escapeIdentifier(to)}`);
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || i >= 5) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    });
  }

  /** Client binary directory for this server: the one of the pg_dump PgTools would use. */
  async binDir(conn: DbConnection): Promise<string> {
    // The target database may not exist yet: ask the server through its maintenance database.
    const server = await this.pgTools.serverInfo({ ...conn, database: 'postgres' }).catch((err: unknown) => {
      if (err instanceof SourceError && err.code === 'not_found')
        return this.pgTools.serverInfo({ ...conn, database: 'template1' });
      throw err;
    });
    const dump = await this.pgTools.choose(server);
    return path.dirname(dump.path);
  }

  /** psql reading SQL from its stdin into `database`, stopping at the first error. */
  psql(conn: DbConnection, binDir: string, database: string, signal: AbortSignal): LoadProcess {
    return this.run(
      conn,
      path.join(binDir, 'psql'),
      ['-X', '-q', '--no-password', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-o', '/dev/null'],
      database,
      signal,
      true,
    );
  }

  /**
   * pg_restore of a custom-format archive into `database`: from a file with `jobs` in parallel, or,
   * with `file` null, from its stdin (one job: pg_restore runs in parallel only from a seekable file).
   */
  pgRestore(
    conn: DbConnection,
    binDir: string,
    database: string,
    file: string | null,
    jobs: number,
    signal: AbortSignal,
  ): LoadProcess {
    const args = ['--no-password', '--no-owner', '--exit-on-error', `--dbname=${database}`];
    return this.run(
      conn,
      path.join(binDir, 'pg_restore'),
      file === null ? args : [...args, `--jobs=${jobs}`, file],
      database,
      signal,
      file === null,
    );
  }

  /**
   * pg_restore reading a custom-format archive from its stdin into a script sent to /dev/null: it
   * reads and decompresses every data block, so a truncated or corrupt archive fails without a
   * database. Uses the newest pg_restore in PG_BIN_DIRS (archives are readable by newer versions);
   * null when there is none.
   */
  async readArchive(signal: AbortSignal): Promise<LoadProcess | null> {
    const newest = [...(await this.pgTools.available())].sort((a, b) => b.major - a.major)[0];
    if (!newest) return null;
    const bin = path.join(path.dirname(newest.path), 'pg_restore');
    const found = await access(bin, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (!found) return null;
    return this.spawnClient(bin, ['--file=/dev/null'], { PATH: '/usr/bin:/bin' }, signal, true, 'reading');
  }

  private run(
    conn: DbConnection,
    bin: string,
    args: string[],
    database: string,
    signal: AbortSignal,
    withStdin: boolean,
  ): LoadProcess {
    const env = {
      PATH: '/usr/bin:/bin',
      ...pgHostEnv(conn),
      PGPORT: String(conn.port),
      PGDATABASE: database,
      PGUSER: conn.username,
      PGSSLMODE: conn.sslmode,
      PGAPPNAME: 'offsite-restore',
      PGCONNECT_TIMEOUT: '10',
      ...(conn.password ? { PGPASSWORD: conn.password } : {}),
    };
    return this.spawnClient(bin, args, env, signal, withStdin, 'loading');
  }

  private spawnClient(
    bin: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    signal: AbortSignal,
    withStdin: boolean,
    doing: 'loading' | 'reading',
  ): LoadProcess {
    const child = spawn(bin, args, {
      env,
      stdio: [withStdin ? 'pipe' : 'ignore', 'ignore', 'pipe'],
      signal,
      killSignal: 'SIGKILL',
    });
    const stderr = keepStderrTail(child.stderr!, STDERR_LIMIT);
    const name = path.basename(bin);
    const done = new Promise<void>((resolve, reject) => {
      child.on('error', (err) => {
        if ((err as { name?: string }).name === 'AbortError') reject(signal.reason ?? err);
        else
          reject(new RestoreError('load_failed', `Could not start ${bin}: ${err.message}`, { cause: err }));
      });
      child.on('close', (code, sig) => {
        if (code === 0) return resolve();
        if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
        const tail = stderr().trim().split('\n').slice(-5).join(' | ');
        reject(
          new RestoreError(
            'load_failed',
            `${name} failed ${doing} the dump (${sig ? `signal ${sig}` : `exit code ${code}`}): ${tail || 'no error output'}`,
          ),
        );
      });
    });
    done.catch(() => undefined);
    // A client that exits early closes its stdin: EPIPE is reported through `done`.
    child.stdin?.on('error', () => undefined);
    return { stdin: child.stdin, done };
  }
}

async function terminate(c: pg.Client, database: string): Promise<void> {
  await c.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
}
