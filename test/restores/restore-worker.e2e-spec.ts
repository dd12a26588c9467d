import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createFilestore,
  createSourceDatabase,
  growSourceDatabase,
  waitForBackup,
} from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import {
  createOrg,
  registerAndLogin,
  type TestOrg,
  type TestUser,
  createManagedEnvironment,
} from '../support/identity.js';

const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/worker.js');
const ADMIN_EMAIL = `admin-${randomBytes(3).toString('hex')}@example.test`;
const ADMIN_URL = process.env.OFFSITE_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? '';

async function adminQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const u = new URL(ADMIN_URL);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const databasesLike = async (pattern: string) =>
  (
    await adminQuery<{ d: string }>('SELECT datname AS d FROM pg_database WHERE datname LIKE $1 ORDER BY 1', [
      pattern,
    ])
  ).map((r) => r.d);

/**
 * Restores run by separate worker processes (the API here runs no worker): a worker SIGKILLed
 * mid-restore leaves the target untouched and the job completes on another worker; cancel from
 * the API reaches a restore running in a worker process.
 */
describe('restores in worker processes: SIGKILL mid-restore, cancel', () => {
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let source: TestDatabase & { tables: string[] };
  let filestore: string;
  let work: string;
  let backup: any;
  const workers: ChildProcess[] = [];

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const managed = (body: unknown) => createManagedEnvironment(t, org.id, body as Record<string, unknown>);
  /**
   * A worker process. `paused`: its restores stop after 4 MiB of the database part
   * (RESTORE_TEST_PAUSE_AT=mid_database) until cancelled or killed, so the tests kill or cancel a
   * restore that is surely mid-load, however fast the machine.
   */
  const startWorker = (paused = false) => {
    const child = spawn(process.execPath, [WORKER], {
      env: {
        ...(paused ? { RESTORE_TEST_PAUSE_AT: 'mid_database' } : {}),
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        DATABASE_URL: t.db.url,
        OFFSITE_DATA_DIR: t.config.dataDir,
        JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
        BACKUP_HEARTBEAT_SECONDS: '10',
        BACKUP_RETRY_LIMIT: '2',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  };
  const getRestore = async (id: string) => (await call('GET', `/restores/${id}`)).body;
  const waitFor = async (id: string, until: (r: any) => boolean, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < deadline) {
      last = await getRestore(id);
      if (until(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Restore ${id}: condition not reached; last ${JSON.stringify(last)}`);
  };
  const newTarget = async () => {
    const db = `${source.name}_k${randomBytes(2).toString('hex')}`;
    const res = await managed({
      name: `target-${randomBytes(3).toString('hex')}`,
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: db,
        username: 'postgres',
        password: 'x',
        sslmode: 'disable',
      },
      filestore_path: path.join(work, `t-${randomBytes(3).toString('hex')}`),
    });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, db, dir: res.body.filestore_path as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL, WORKER_ENABLED: 'false' });
    const admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    source = await createSourceDatabase(1000);
    // Incompressible rows: the restore of this takes long enough to be caught mid-way.
    await growSourceDatabase(source.url, 48);
    filestore = createFilestore();
    work = mkdtempSync(path.join(os.tmpdir(), 'offsite-restore-kill-'));
    const cfg = await call(
      'POST',
      '/admin/storage-configs',
      { name: 'local', provider: 'local', bucket: path.join(work, 'storage') },
      admin.token,
    );
    expect(cfg.status).toBe(201);
    const env = await managed({
      name: 'source',
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: source.name,
        username: 'postgres',
        password: 'x',
        sslmode: 'disable',
      },
      filestore_path: filestore,
    });
    expect(env.status).toBe(201);
    startWorker(true);
    const b = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.body.id });
    backup = await waitForBackup(t, owner.token, b.body.id, { timeoutMs: 120_000 });
    expect(backup.status).toBe('completed');
  }, 180_000);
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await t?.close();
    await source?.drop();
    for (const d of await databasesLike(`${source?.name}_%`).catch(() => []))
      await adminQuery(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
    rmSync(filestore, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('a worker SIGKILLed mid-restore leaves the target untouched; another worker redoes it cleanly', async () => {
    const target = await newTarget();
    const res = await call('POST', `/backups/${backup.id}/restore`, {
      target_environment_id: target.id,
      mode: 'into_empty',
    });
    expect(res.status).toBe(202);
    const running = await waitFor(
      res.body.id,
      (r) => r.status === 'running' && r.bytes_processed > 4_000_000,
    );
    expect(running.phase).toBe('database');
    for (const w of workers) w.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    // The target database was never created; the half-loaded scratch copy is not the target.
    expect(await databasesLike(target.db)).toEqual([]);
    expect(existsSync(target.dir)).toBe(false);
    startWorker();
    const done = await waitFor(res.body.id, (r) => ['completed', 'failed'].includes(r.status), 120_000);
    expect(done).toMatchObject({ status: 'completed', attempts: 2, error_code: null });
    expect(await databasesLike(target.db)).toEqual([target.db]);
    expect(await databasesLike(`${target.db}_restoring_%`)).toEqual([]);
    const c = new pg.Client({
      connectionString: Object.assign(new URL(ADMIN_URL), { pathname: `/${target.db}` }).toString(),
    });
    await c.connect();
    try {
      const counts = await c.query(
        `SELECT (SELECT count(*) FROM blobs)::int AS blobs, (SELECT count(*) FROM items)::int AS items`,
      );
      expect(counts.rows[0]).toEqual({ blobs: 48, items: 1000 });
    } finally {
      await c.end();
    }
    expect(readdirSync(path.dirname(target.dir)).filter((n) => n.includes('restoring'))).toEqual([]);
  }, 180_000);

  it('cancel from the API stops a restore running in a worker; the target stays as it was', async () => {
    for (const w of workers) w.kill('SIGKILL');
    startWorker(true);
    const target = await newTarget();
    const res = await call('POST', `/backups/${backup.id}/restore`, {
      target_environment_id: target.id,
      mode: 'into_empty',
    });
    await waitFor(res.body.id, (r) => r.status === 'running' && r.bytes_processed > 1_000_000);
    const cancel = await call('POST', `/restores/${res.body.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.cancel_requested_at).not.toBeNull();
    const done = await waitFor(res.body.id, (r) => r.status === 'failed', 30_000);
    expect(done.error_code).toBe('cancelled');
    expect(await databasesLike(`${target.db}%`)).toEqual([]);
    expect(existsSync(target.dir)).toBe(false);
    expect((await call('POST', `/restores/${res.body.id}/cancel`)).status).toBe(409);
  }, 60_000);
});
