import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createFilestore,
  createSourceDatabase,
  growSourceDatabase,
  sha256,
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
import { startWorker as startWorkerProcess } from '../support/workers.js';

const ADMIN_EMAIL = `admin-${randomBytes(3).toString('hex')}@example.test`;

interface Worker {
  child: ChildProcess;
  name: string;
  /** Backup ids this worker logged "Backup started" for, in order. */
  started: () => string[];
  output: () => string;
}

/** Every file (hidden and partial ones included) under a directory, relative to it. */
function filesOnDisk(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(path.join(root, rel));
    } catch {
      return;
    }
    for (const n of names) {
      const r = rel ? `${rel}/${n}` : n;
      if (statSync(path.join(root, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * API and workers as separate processes of one codebase, on one PostgreSQL: the API (this test's
 * app, worker off) queues, `worker.js` processes run the jobs.
 */
describe('backup workers (separate processes, real PostgreSQL, local storage)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let localDir: string;
  let dataDir: string;
  const workers: Worker[] = [];
  const sources: TestDatabase[] = [];
  const filestores: string[] = [];

  const startWorker = async (name: string): Promise<Worker> => {
    const p = await startWorkerProcess(t, {
      dataDir,
      env: { BACKUP_HEARTBEAT_SECONDS: '10', BACKUP_RETRY_LIMIT: '3', BACKUP_CONCURRENCY: '2' },
    });
    const started = () =>
      [...p.output().matchAll(/^.*"msg":"Backup started".*$/gm)].map(
        (m) => /"backup_id":"([0-9a-f-]{36})"/.exec(m[0])![1]!,
      );
    const w: Worker = { child: p.child, name, started, output: p.output };
    workers.push(w);
    return w;
  };

  const environment = async (source: TestDatabase, filestore: string) => {
    const res = await createManagedEnvironment(t, org.id, {
      name: `env-${randomBytes(3).toString('hex')}`,
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: source.name,
        username: 'postgres',
        sslmode: 'disable',
      },
      filestore_path: filestore,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const backupOf = async (environmentId: string) => {
    const res = await t.request('POST', `/backups?organization_id=${org.id}`, {
      token: owner.token,
      body: { environment_id: environmentId },
    });
    expect(res.status).toBe(202);
    return res.body as { id: string; object_prefix: string };
  };
  /**
   * The folder holds exactly the catalog's parts, each with its recorded sha256: also no temp file
   * (`.NAME.HEX.partial`) of an upload killed with its process, which the redo's cleanup removes.
   */
  const expectExactlyTheParts = (backup: any) => {
    const dir = path.join(localDir, backup.object_prefix);
    const files = filesOnDisk(dir);
    expect(files).toEqual(['database.sql.gz', 'filestore.tar.gz', 'metadata.json']);
    for (const p of backup.parts) expect(sha256(readFileSync(path.join(localDir, p.key)))).toBe(p.sha256);
  };

  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL, WORKER_ENABLED: 'false' });
    admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    localDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-workers-storage-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-workers-data-'));
    const cfg = await t.request('POST', '/admin/storage-configs', {
      token: admin.token,
      body: { name: 'platform local', provider: 'local', bucket: localDir },
    });
    expect(cfg.status).toBe(201);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await t?.close();
    for (const s of sources) await s.drop();
    for (const f of [localDir, dataDir, ...filestores]) if (f) rmSync(f, { recursive: true, force: true });
  });

  it('a worker SIGKILLed mid-backup: another worker redoes it after the heartbeat expires, nothing left over', async () => {
    const source = await createSourceDatabase(2000);
    sources.push(source);
    await growSourceDatabase(source.url, 80);
    const fs = createFilestore();
    filestores.push(fs);
    const env = await environment(source, fs);
    const a = await startWorker('A');
    const backup = await backupOf(env.id);
    await waitForBackup(t, owner.token, backup.id, {
      until: (b) => b.status === 'running' && b.bytes_processed > 16 * 1024 * 1024,
    });
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const mid = await t.request('GET', `/backups/${backup.id}`, { token: owner.token });
    expect(mid.body).toMatchObject({ status: 'running', attempts: 1 });
    const b = await startWorker('B');
    const done = await waitForBackup(t, owner.token, backup.id, { timeoutMs: 180_000 });
    expect(done).toMatchObject({ status: 'completed', attempts: 2, error_code: null });
    expect(a.started()).toEqual([backup.id]);
    expect(b.started()).toEqual([backup.id]);
    expectExactlyTheParts(done);
    b.child.kill('SIGTERM');
    await new Promise((r) => b.child.once('exit', r));
  }, 240_000);

  it('two workers, six environments: every backup done exactly once, one per environment at a time', async () => {
    const source = await createSourceDatabase(2000);
    sources.push(source);
    const envs = [];
    for (let i = 0; i < 6; i++) {
      const fs = createFilestore(2);
      filestores.push(fs);
      envs.push(await environment(source, fs));
    }
    const w1 = await startWorker('W1');
    const w2 = await startWorker('W2');
    // Two backups of the first environment too: they must not overlap.
    const backups = [];
    for (const e of envs) backups.push(await backupOf(e.id));
    const extra = await backupOf(envs[0]!.id);
    const done = [];
    for (const b of [...backups, extra])
      done.push(await waitForBackup(t, owner.token, b.id, { timeoutMs: 120_000 }));
    for (const d of done) {
      expect(d).toMatchObject({ status: 'completed', attempts: 1 });
      expectExactlyTheParts(d);
    }
    const startedIds = [...w1.started(), ...w2.started()].sort();
    expect(startedIds).toEqual(done.map((d) => d.id).sort());
    expect(w1.started().length + w2.started().length).toBe(7);
    // Both workers took jobs (6 environments, 2 workers with 2 slots each).
    expect(w1.started().length).toBeGreaterThan(0);
    expect(w2.started().length).toBeGreaterThan(0);
    const [first, second] = [done[0]!, done[6]!].sort(
      (x, y) => Date.parse(x.started_at) - Date.parse(y.started_at),
    );
    expect(Date.parse(second!.started_at)).toBeGreaterThanOrEqual(Date.parse(first!.completed_at));
  }, 240_000);
});
