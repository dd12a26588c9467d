import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/common/queue/job-queue.js';
import { RETENTION_QUEUE } from '../../src/modules/schedules/retention.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFilestore, createSourceDatabase } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import {
  createManagedEnvironment,
  createOrg,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';

const DIST = process.env.JEST_DIST ?? 'dist-test';

interface Worker {
  child: ChildProcess;
  name: string;
  output: () => string;
}

/**
 * The API (worker role off) and `worker.js` processes on one PostgreSQL, on the real clock: the
 * scheduler's claim and retention's delete path under several processes and a SIGKILL.
 */
describe('schedule workers (separate processes, real PostgreSQL, local storage)', () => {
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let localDir: string;
  let dataDir: string;
  let source: TestDatabase;
  let filestore: string;
  let storageConfigId: string;
  const workers: Worker[] = [];

  const startWorker = async (name: string, env: Record<string, string> = {}): Promise<Worker> => {
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(DIST, 'src/worker.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATABASE_URL: t.db.url,
        MIGRATIONS_RUN: 'false',
        CREDENTIALS_KEYS: t.config.credentialsKeys,
        JWT_SECRET: 'worker-secret-worker-secret-worker-secret-0123',
        OFFSITE_DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        BACKUP_RETRY_LIMIT: '0',
        SCHEDULER_TICK_SECONDS: '1',
        RETENTION_SWEEP_SECONDS: '86400',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const w: Worker = { child, name, output: () => out };
    workers.push(w);
    const deadline = Date.now() + 30_000;
    while (!out.includes('Offsite worker is up')) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`worker ${name} did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return w;
  };
  const stop = async (w: Worker, signal: NodeJS.Signals = 'SIGTERM') => {
    if (w.child.exitCode !== null) return;
    const exited = new Promise((r) => w.child.once('exit', r));
    w.child.kill(signal);
    await exited;
  };
  const environment = async () => {
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
    return res.body as { id: string; name: string };
  };
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false' });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    localDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-schedule-workers-storage-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-schedule-workers-data-'));
    source = await createSourceDatabase(200);
    filestore = createFilestore();
    const admin = await platformAdmin(t);
    const cfg = await t.request('POST', '/admin/storage-configs', {
      token: admin.token,
      body: { name: 'platform local', provider: 'local', bucket: localDir, is_default: true },
    });
    expect(cfg.status).toBe(201);
    storageConfigId = cfg.body.id;
    const put = await t.request('PUT', '/backups/storage-settings', {
      token: admin.token,
      body: { min_schedule_interval_minutes: 1 },
    });
    expect(put.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await t?.close();
    await source?.drop();
    for (const d of [localDir, dataDir, filestore]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('three workers ticking every second: each due minute of each schedule runs exactly once', async () => {
    const envs = [];
    for (let i = 0; i < 4; i++) envs.push(await environment());
    const schedules: string[] = [];
    for (const e of envs) {
      const res = await t.request('POST', `/environments/${e.id}/schedules`, {
        token: owner.token,
        body: { name: 'every minute', cron: '* * * * *' },
      });
      expect(res.status).toBe(201);
      schedules.push(res.body.id);
    }
    const ws = await Promise.all(['W1', 'W2', 'W3'].map((n) => startWorker(n)));
    // Until every schedule has passed two due minutes.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const [row] = await db().query(
        `SELECT min(n)::int AS n FROM (SELECT count(*) AS n FROM schedule_runs WHERE schedule_id = ANY($1) GROUP BY schedule_id) x`,
        [schedules],
      );
      const [all] = await db().query(
        `SELECT count(DISTINCT schedule_id)::int AS s FROM schedule_runs WHERE schedule_id = ANY($1)`,
        [schedules],
      );
      if (all.s === schedules.length && row.n >= 2) break;
      if (Date.now() > deadline) throw new Error('schedules did not run twice in time');
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const w of ws) await stop(w);

    const runs = (await db().query(
      `SELECT schedule_id, due_at, status, backup_id FROM schedule_runs WHERE schedule_id = ANY($1)`,
      [schedules],
    )) as { schedule_id: string; due_at: Date; status: string; backup_id: string | null }[];
    // One run record per schedule and due minute.
    const keys = runs.map((r) => `${r.schedule_id} ${r.due_at.toISOString()}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of runs) expect(r.due_at.getUTCSeconds()).toBe(0);
    // Started runs and scheduled backups correspond one to one.
    const backups = (await db().query(
      `SELECT id, schedule_id FROM backups WHERE schedule_id = ANY($1) AND trigger = 'schedule'`,
      [schedules],
    )) as { id: string; schedule_id: string }[];
    const started = runs.filter((r) => r.status === 'started');
    expect(started.map((r) => r.backup_id).sort()).toEqual(backups.map((b) => b.id).sort());
    for (const r of runs) if (r.status !== 'started') expect(r.status).toBe('skipped');
    // Each claim was made by exactly one worker (the log line of the claim, summed over the workers).
    const claimed = ws.flatMap((w) =>
      [...w.output().matchAll(/"msg":"Scheduled (backup created|run skipped[^"]*)".*$/gm)].map((m) => m[0]),
    );
    expect(claimed).toHaveLength(runs.length);
    process.stdout.write(
      `schedule workers: ${runs.length} runs (${started.length} started) claimed by ${ws
        .map(
          (w) =>
            `${w.name}=${(w.output().match(/"msg":"Scheduled (backup created|run skipped)/g) ?? []).length}`,
        )
        .join(' ')}\n`,
    );
  }, 300_000);

  it('a worker SIGKILLed during a retention run: no row without its objects gone first; the next run finishes', async () => {
    const env = await environment();
    const s = await t.request('POST', `/environments/${env.id}/schedules`, {
      token: owner.token,
      body: { name: 'retained', cron: '@daily', retention: { keep_last: 1 } },
    });
    expect(s.status).toBe(201);
    const scheduleId = s.body.id as string;
    // 300 completed scheduled backups in the catalog, each with its three objects on the storage.
    const made: { id: string; keys: string[] }[] = [];
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const id = randomUUID();
      const prefix = `${org.slug}/${env.name}/${i}-${id}/`;
      const keys = ['database.sql.gz', 'filestore.tar.gz', 'metadata.json'].map((f) => prefix + f);
      mkdirSync(path.join(localDir, prefix), { recursive: true });
      for (const k of keys) writeFileSync(path.join(localDir, k), id);
      const parts = keys.map((key, j) => ({
        name: ['database', 'filestore', 'manifest'][j],
        key,
        sizeBytes: 36,
        sha256: null,
        compression: null,
        format: 'x',
      }));
      await db().query(
        `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status,
            dump_format, compression, parts, total_size_bytes, trigger, schedule_id, created_at, completed_at)
          VALUES ($1, $2, $3, $4, $5, 'completed', 'plain', 'gzip', $6::jsonb, 108, 'schedule', $7, $8, $8)`,
        [
          id,
          org.id,
          env.id,
          storageConfigId,
          prefix,
          JSON.stringify(parts),
          scheduleId,
          new Date(t0 + i * 3_600_000),
        ],
      );
      made.push({ id, keys });
    }
    const w = await startWorker('R1');
    await t.app
      .get(JobQueue)
      .send(RETENTION_QUEUE, { organizationId: org.id, scheduleId }, { singletonKey: scheduleId });
    // Kill it once it has deleted some, well before it is done.
    const count = async () =>
      (
        (await db().query(`SELECT count(*)::int AS n FROM backups WHERE schedule_id = $1`, [scheduleId])) as {
          n: number;
        }[]
      )[0]!.n;
    const deadline = Date.now() + 60_000;
    while ((await count()) > 290) {
      if (Date.now() > deadline) throw new Error(`retention did not start:\n${w.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await stop(w, 'SIGKILL');
    const rows = new Map(
      (
        (await db().query(`SELECT id, status, error_code FROM backups WHERE schedule_id = $1`, [
          scheduleId,
        ])) as {
          id: string;
          status: string;
          error_code: string | null;
        }[]
      ).map((r) => [r.id, r]),
    );
    const onDisk = (k: string) => existsSync(path.join(localDir, k));
    let rowGone = 0;
    let halfDeleted = 0;
    for (const b of made) {
      const present = b.keys.filter(onDisk).length;
      const row = rows.get(b.id);
      if (!row) {
        rowGone++;
        // Never a row gone while its objects are still there.
        expect({ id: b.id, present }).toEqual({ id: b.id, present: 0 });
      } else if (present < 3) {
        halfDeleted++;
        expect({ id: b.id, status: row.status }).toEqual({ id: b.id, status: 'delete_failed' });
      }
    }
    // The kill landed mid-run: some deleted, most still there.
    expect(rowGone).toBeGreaterThan(0);
    expect(rows.size).toBeGreaterThan(1);
    const marked = [...rows.values()].filter((r) => r.status === 'delete_failed').length;
    // Whether the kill fell between a backup's objects and its row is timing; the invariant above
    // holds either way, and a marked row is finished by the next run below.
    process.stdout.write(
      `retention SIGKILL: ${rowGone} deleted before the kill, ${marked} rows left delete_failed (${halfDeleted} with objects already gone), ${rows.size} rows left\n`,
    );

    // The next run (a new worker, the retried job or the queued one) finishes the work.
    const w2 = await startWorker('R2');
    await t.app
      .get(JobQueue)
      .send(RETENTION_QUEUE, { organizationId: org.id, scheduleId }, { singletonKey: scheduleId });
    const deadline2 = Date.now() + 120_000;
    while ((await count()) > 1) {
      if (Date.now() > deadline2) throw new Error(`retention did not finish:\n${w2.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await stop(w2);
    const [left] = await db().query(`SELECT id, status FROM backups WHERE schedule_id = $1`, [scheduleId]);
    expect(left).toEqual({ id: made[made.length - 1]!.id, status: 'completed' });
    for (const b of made.slice(0, -1)) for (const k of b.keys) expect(onDisk(k)).toBe(false);
    for (const k of made[made.length - 1]!.keys) expect(onDisk(k)).toBe(true);
  }, 300_000);
});
