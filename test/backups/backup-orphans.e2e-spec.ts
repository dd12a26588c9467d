import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  createManagedEnvironment,
  createOrg,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';
import { startWorker as startWorkerProcess, type WorkerProcess } from '../support/workers.js';

const ADMIN_EMAIL = `admin-${randomBytes(3).toString('hex')}@example.test`;

/**
 * Backups whose job dies for good: one attempt (BACKUP_RETRY_LIMIT=0), a worker SIGKILLed in the
 * middle of it. The API (this test's app, worker off) created the queue, so its settings are the
 * job's: heartbeat 10 s, no retry.
 */
describe('backups whose job dies for good (separate worker processes, real PostgreSQL)', () => {
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let localDir: string;
  let dataDir: string;
  let source: TestDatabase;
  const filestores: string[] = [];

  const workers: WorkerProcess[] = [];
  const startWorker = async (): Promise<WorkerProcess> => {
    const w = await startWorkerProcess(t, {
      dataDir,
      env: { BACKUP_HEARTBEAT_SECONDS: '10', BACKUP_RETRY_LIMIT: '0' },
    });
    workers.push(w);
    return w;
  };
  const kill = (w: WorkerProcess) => w.kill();

  /** A backup of a fresh environment, taken by a worker that is SIGKILLed mid-upload. */
  const backupKilledMidway = async () => {
    const fs = createFilestore();
    filestores.push(fs);
    // Platform-managed: the source database lives on the platform's own server.
    const env = await createManagedEnvironment(t, org.id, {
      name: `env-${randomBytes(3).toString('hex')}`,
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: source.name,
        username: 'postgres',
        sslmode: 'disable',
      },
      filestore_path: fs,
    });
    expect(env.status).toBe(201);
    const worker = await startWorker();
    const created = await t.request('POST', `/backups?organization_id=${org.id}`, {
      token: owner.token,
      body: { environment_id: env.body.id },
    });
    expect(created.status).toBe(202);
    const backup = created.body as { id: string; object_prefix: string };
    await waitForBackup(t, owner.token, backup.id, {
      until: (b) => b.status === 'running' && b.bytes_processed > 16 * 1024 * 1024,
    });
    await kill(worker);
    const folder = path.join(localDir, backup.object_prefix);
    expect(filesIn(folder).length).toBeGreaterThan(0);
    return { backup, folder, killedAt: Date.now() };
  };
  /** Files (not folders) under a backup's folder. */
  const filesIn = (folder: string) =>
    existsSync(folder)
      ? readdirSync(folder, { recursive: true })
          .map(String)
          .filter((f) => statSync(path.join(folder, f)).isFile())
      : [];
  const waitUntilGone = async (folder: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (filesIn(folder).length > 0) {
      if (Date.now() > deadline) throw new Error(`objects left in ${folder}: ${filesIn(folder).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    t = await startTestApp({
      PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL,
      WORKER_ENABLED: 'false',
      BACKUP_HEARTBEAT_SECONDS: '10',
      BACKUP_RETRY_LIMIT: '0',
    });
    const admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    localDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-orphans-storage-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-orphans-data-'));
    const cfg = await t.request('POST', '/admin/storage-configs', {
      token: admin.token,
      body: { name: 'platform local', provider: 'local', bucket: localDir },
    });
    expect(cfg.status).toBe(201);
    source = await createSourceDatabase(2000);
    await growSourceDatabase(source.url, 80);
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await t?.close();
    await source?.drop();
    for (const f of [localDir, dataDir, ...filestores]) if (f) rmSync(f, { recursive: true, force: true });
  });

  it('a backup whose only attempt was SIGKILLed is failed within a minute, its objects deleted', async () => {
    const { backup, folder, killedAt } = await backupKilledMidway();
    const mid = await t.request('GET', `/backups/${backup.id}`, { token: owner.token });
    expect(mid.body).toMatchObject({ status: 'running', attempts: 1 });
    // A live worker is needed to act on the given-up job (any worker, not the one that died).
    const other = await startWorker();
    const failed = await waitForBackup(t, owner.token, backup.id, { timeoutMs: 60_000 });
    expect(failed).toMatchObject({ status: 'failed', error_code: 'worker_lost', attempts: 1 });
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    await waitUntilGone(folder, 30_000);
    await kill(other);
  }, 180_000);

  it('cancel ends an orphaned running backup at once, and its objects are deleted', async () => {
    const { backup, folder } = await backupKilledMidway();
    // No worker is left: the row says running, with no heartbeat for over 10 s.
    await new Promise((r) => setTimeout(r, 11_000));
    const cancelled = await t.request('POST', `/backups/${backup.id}/cancel`, { token: owner.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'failed', error_code: 'cancelled' });
    await waitUntilGone(folder, 30_000);
    // The given-up job, handled once a worker is back, changes nothing.
    const worker = await startWorker();
    await new Promise((r) => setTimeout(r, 5_000));
    const after = await t.request('GET', `/backups/${backup.id}`, { token: owner.token });
    expect(after.body).toMatchObject({ status: 'failed', error_code: 'cancelled' });
    await kill(worker);
  }, 180_000);

  it('a restore whose only attempt was SIGKILLed is failed as worker_lost; its scratch copies are dropped, the target untouched', async () => {
    const fs = createFilestore();
    filestores.push(fs);
    const db = { host: '127.0.0.1', port: 5432, username: 'postgres', sslmode: 'disable' };
    const env = await createManagedEnvironment(t, org.id, {
      name: `env-${randomBytes(3).toString('hex')}`,
      database: { ...db, name: source.name },
      filestore_path: fs,
    });
    expect(env.status).toBe(201);
    const worker = await startWorker();
    const created = await t.request('POST', `/backups?organization_id=${org.id}`, {
      token: owner.token,
      body: { environment_id: env.body.id },
    });
    const done = await waitForBackup(t, owner.token, created.body.id, { timeoutMs: 120_000 });
    expect(done.status).toBe('completed');

    const targetDb = `${source.name}_dead${randomBytes(2).toString('hex')}`;
    const targetDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'offsite-orphans-target-')), 'files');
    filestores.push(path.dirname(targetDir));
    const target = await createManagedEnvironment(t, org.id, {
      name: `target-${randomBytes(3).toString('hex')}`,
      database: { ...db, name: targetDb },
      filestore_path: targetDir,
    });
    expect(target.status).toBe(201);
    const restore = await t.request('POST', `/backups/${done.id}/restore`, {
      token: owner.token,
      body: { target_environment_id: target.body.id, mode: 'into_empty' },
    });
    expect(restore.status).toBe(202);
    const restoreOf = async () =>
      (await t.request('GET', `/restores/${restore.body.id}`, { token: owner.token })).body;
    const until = async (ok: (r: any) => boolean, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      let last: any;
      while (Date.now() < deadline) {
        last = await restoreOf();
        if (ok(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`restore: condition not reached; last ${JSON.stringify(last)}`);
    };
    await until((r) => r.status === 'running' && r.bytes_processed > 2_000_000, 60_000);
    await kill(worker);
    const killedAt = Date.now();
    expect((await restoreOf()).status).toBe('running');

    const other = await startWorker();
    const failed = await until((r) => r.status === 'failed', 60_000);
    expect(failed).toMatchObject({ status: 'failed', error_code: 'worker_lost' });
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    // Nothing of the dead attempt is left: no target database, no scratch database, no directories.
    const admin = new pg.Client({
      connectionString: process.env.OFFSITE_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL,
    });
    await admin.connect();
    try {
      // The row turns failed first, then the scratch copies are dropped (database, then directory):
      // wait for both, so the check does not race the cleanup it checks.
      const deadline = Date.now() + 30_000;
      let left: string[] = [];
      let dirs: string[] = [];
      do {
        left = (
          await admin.query<{ d: string }>('SELECT datname AS d FROM pg_database WHERE datname LIKE $1', [
            `${targetDb}%`,
          ])
        ).rows.map((r) => r.d);
        dirs = readdirSync(path.dirname(targetDir));
        if (!left.length && !dirs.length) break;
        await new Promise((r) => setTimeout(r, 250));
      } while (Date.now() < deadline);
      expect(left).toEqual([]);
      expect(dirs).toEqual([]);
    } finally {
      await admin.end();
    }
    await kill(other);
  }, 240_000);
});
