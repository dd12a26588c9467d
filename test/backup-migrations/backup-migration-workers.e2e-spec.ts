import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFilestore, createSourceDatabase, sha256, waitForBackup } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import {
  createManagedEnvironment,
  createOrg,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';
import { createBucket, startS3Server, type S3TestServer } from '../support/storage-servers.js';

const ADMIN_EMAIL = `admin-${randomBytes(3).toString('hex')}@example.test`;
const DIST = process.env.JEST_DIST ?? 'dist-test';
const FINISHED = ['completed', 'completed_with_errors', 'cancelled', 'failed'];

interface Worker {
  child: ChildProcess;
  output: () => string;
}

/**
 * A platform administrator moves every backup between two platform `local` configs while worker
 * processes are SIGKILLed at named points of the job (test hooks, NODE_ENV=test only); another
 * worker then finishes. After each kill and after completion, every backup is whole on exactly the
 * config its row names.
 */
describe('backup migration workers killed at named points (separate processes, real PostgreSQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let source: TestDatabase;
  let filestore: string;
  let dataDir: string;
  const dirs: Record<string, string> = {};
  const workers: Worker[] = [];
  const backupIds: string[] = [];

  let envId: string;
  let s3: S3TestServer | undefined;
  const startWorker = async (
    extra: Record<string, string> = {},
    flags = ['--enable-source-maps'],
  ): Promise<Worker> => {
    const child = spawn(process.execPath, [...flags, path.join(DIST, 'src/worker.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: t.db.url,
        MIGRATIONS_RUN: 'false',
        CREDENTIALS_KEYS: t.config.credentialsKeys,
        JWT_SECRET: 'worker-secret-worker-secret-worker-secret-0123',
        OFFSITE_DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        BACKUP_HEARTBEAT_SECONDS: '10',
        BACKUP_RETRY_LIMIT: '3',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const w = { child, output: () => out };
    workers.push(w);
    const deadline = Date.now() + 30_000;
    while (!out.includes('Offsite worker is up')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return w;
  };
  const stop = async (w: Worker, signal: NodeJS.Signals) => {
    if (w.child.exitCode !== null) return;
    const exited = new Promise((r) => w.child.once('exit', r));
    w.child.kill(signal);
    await exited;
  };

  const getMigration = async (id: string) =>
    (await t.request('GET', `/admin/migrations/${id}`, { token: admin.token })).body;
  const waitForMigration = async (id: string, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < deadline) {
      last = await getMigration(id);
      if (FINISHED.includes(last.status)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`Migration ${id} did not finish: ${JSON.stringify(last)}`);
  };

  /** Every backup is whole (catalog sha256) in the directory of the config its row names. */
  const expectEveryBackupWhereItsRowSays = async () => {
    const where: Record<string, string> = {};
    for (const id of backupIds) {
      const b = (await t.request('GET', `/backups/${id}`, { token: owner.token })).body;
      expect(b.status).toBe('completed');
      const dir = dirs[b.storage_config_id]!;
      expect(dir).toBeDefined();
      for (const p of b.parts) expect(sha256(readFileSync(path.join(dir, p.key)))).toBe(p.sha256);
      where[id] = b.storage_config_id;
    }
    return where;
  };
  const expectCountersExact = async () => {
    const rows = (await ds.query(
      `SELECT c.id, c.total_size_bytes::bigint AS bytes, c.object_count::bigint AS n,
          COALESCE((SELECT sum(total_size_bytes) FROM backups b WHERE b.storage_config_id = c.id), 0)::bigint AS want_bytes,
          (SELECT count(*) FROM backups b WHERE b.storage_config_id = c.id)::bigint AS want_n
        FROM storage_configs c WHERE c.organization_id IS NULL`,
    )) as { id: string; bytes: string; n: string; want_bytes: string; want_n: string }[];
    for (const r of rows)
      expect({ id: r.id, bytes: r.bytes, n: r.n }).toEqual({ id: r.id, bytes: r.want_bytes, n: r.want_n });
  };

  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL, WORKER_ENABLED: 'false' });
    ds = t.app.get(DataSource);
    admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-mig-workers-data-'));
    for (const name of ['a', 'b']) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `offsite-mig-workers-${name}-`));
      const res = await t.request('POST', '/admin/storage-configs', {
        token: admin.token,
        body: { name: `platform ${name}`, provider: 'local', bucket: dir },
      });
      expect(res.status).toBe(201);
      dirs[res.body.id] = dir;
    }
    source = await createSourceDatabase(2000);
    filestore = createFilestore();
    const env = await createManagedEnvironment(t, org.id, {
      name: 'killed',
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: source.name,
        username: 'postgres',
        sslmode: 'disable',
      },
      filestore_path: filestore,
    });
    expect(env.status).toBe(201);
    envId = env.body.id;
    const w = await startWorker();
    for (let i = 0; i < 3; i++) {
      const res = await t.request('POST', `/backups?organization_id=${org.id}`, {
        token: owner.token,
        body: { environment_id: env.body.id },
      });
      expect(res.status).toBe(202);
      const done = await waitForBackup(t, owner.token, res.body.id, { timeoutMs: 120_000 });
      expect(done.status).toBe('completed');
      backupIds.push(done.id);
    }
    await stop(w, 'SIGTERM');
  }, 240_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await t?.close();
    await source?.drop();
    await s3?.stop();
    for (const d of [dataDir, filestore, ...Object.values(dirs)])
      if (d) rmSync(d, { recursive: true, force: true });
  });

  it.each(['mid_copy', 'before_repoint', 'before_source_delete'])(
    'SIGKILL at %s: every backup stays whole where its row says; another worker finishes without redoing moved backups',
    async (point) => {
      const [a, b] = Object.keys(dirs) as [string, string];
      const from = (await expectEveryBackupWhereItsRowSays())[backupIds[0]!]!;
      const to = from === a ? b : a;
      const paused = await startWorker({ MIGRATION_TEST_PAUSE_AT: point });
      const res = await t.request('POST', `/admin/storage-configs/${from}/migrations`, {
        token: admin.token,
        body: { target_storage_config_id: to, delete_source: true },
      });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ organization_id: null, total_backups: 3, status: 'pending' });
      const deadline = Date.now() + 60_000;
      while (!paused.output().includes(`Backup migration paused at ${point}`)) {
        if (Date.now() > deadline) throw new Error(`never paused at ${point}:\n${paused.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await stop(paused, 'SIGKILL');
      const mid = await getMigration(res.body.id);
      expect(mid).toMatchObject({ status: 'running', attempts: 1 });
      const where = await expectEveryBackupWhereItsRowSays();
      // The first backup: moved only if the kill came after its re-point.
      expect(where[backupIds[0]!]).toBe(point === 'before_source_delete' ? to : from);
      await expectCountersExact();

      const finisher = await startWorker();
      const done = await waitForMigration(res.body.id, 180_000);
      expect(done).toMatchObject({ status: 'completed', done_backups: 3, failed_backups: 0, attempts: 2 });
      const after = await expectEveryBackupWhereItsRowSays();
      for (const id of backupIds) expect(after[id]).toBe(to);
      for (const id of backupIds) {
        const bk = (await t.request('GET', `/backups/${id}`, { token: owner.token })).body;
        // Exactly the parts on the target (no half-written temp file), nothing left on the source.
        expect(readdirSync(path.join(dirs[to]!, bk.object_prefix)).sort()).toEqual(
          bk.parts.map((p: any) => path.basename(p.key)).sort(),
        );
        for (const p of bk.parts) expect(existsSync(path.join(dirs[from]!, p.key))).toBe(false);
      }
      await expectCountersExact();
      // The finisher copied exactly the backups not re-pointed before the kill, none twice.
      const movedBy = (w: Worker) =>
        [...w.output().matchAll(/^.*"msg":"Backup moved to the target storage config".*$/gm)].map(
          (m) => /"backup_id":"([0-9a-f-]{36})"/.exec(m[0])![1]!,
        );
      expect(movedBy(paused)).toEqual(point === 'before_source_delete' ? [backupIds[0]] : []);
      expect(movedBy(finisher).sort()).toEqual(
        (point === 'before_source_delete' ? backupIds.slice(1) : [...backupIds]).sort(),
      );
      await stop(finisher, 'SIGTERM');
    },
    300_000,
  );

  it('20 backups of 16 MiB streamed local → S3 by a worker started as deployed: the migration adds a bounded amount to the worker RSS', async () => {
    s3 = await startS3Server();
    const bucket = `mig-mem-${randomBytes(3).toString('hex')}`;
    await createBucket(s3, bucket);
    const localDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-mig-mem-'));
    dirs['mem-local'] = localDir; // removed in afterAll
    const local = await t.request('POST', '/admin/storage-configs', {
      token: admin.token,
      body: { name: 'platform mem local', provider: 'local', bucket: localDir },
    });
    const remote = await t.request('POST', '/admin/storage-configs', {
      token: admin.token,
      body: {
        name: 'platform mem s3',
        provider: 's3_compatible',
        endpoint_url: s3.endpoint,
        region: s3.region,
        bucket,
        access_key: s3.accessKey,
        secret_key: s3.secretKey,
      },
    });
    expect([local.status, remote.status]).toEqual([201, 201]);
    // Catalog fixtures: 20 completed backups whose one part is 16 MiB of random bytes (the copy
    // checks each against its recorded sha256 like any backup).
    const data = randomBytes(16 * 1024 * 1024);
    const digest = createHash('sha256').update(data).digest('hex');
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      const prefix = `mem/${id}/`;
      mkdirSync(path.join(localDir, prefix), { recursive: true });
      writeFileSync(path.join(localDir, prefix, 'filestore.tar.gz'), data);
      await ds.query(
        `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status, dump_format,
            compression, total_size_bytes, parts, usage_counted, completed_at)
          VALUES ($1, $2, $3, $4, $5, 'completed', 'plain', 'gzip', $6, $7::jsonb, true, now())`,
        [
          id,
          org.id,
          envId,
          local.body.id,
          prefix,
          data.length,
          JSON.stringify([
            {
              name: 'filestore',
              key: `${prefix}filestore.tar.gz`,
              sizeBytes: data.length,
              sha256: digest,
              compression: 'gzip',
              format: 'tar',
            },
          ]),
        ],
      );
    }
    await ds.query(`UPDATE storage_configs SET total_size_bytes = $2, object_count = 20 WHERE id = $1`, [
      local.body.id,
      20 * data.length,
    ]);
    // Started as `npm run worker` starts it: plain node, no allocator or V8 flags.
    const w = await startWorker({}, []);
    await new Promise((r) => setTimeout(r, 1000));
    const procMb = (field: string) =>
      Number(
        new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${w.child.pid}/status`, 'utf8'))![1],
      ) / 1024;
    const idleMb = procMb('VmRSS');
    const startPeakMb = procMb('VmHWM');
    // From here VmHWM is the peak of the migration alone (start-up's module loading peaks apart).
    let reset = true;
    try {
      writeFileSync(`/proc/${w.child.pid}/clear_refs`, '5');
    } catch {
      reset = false;
    }
    const res = await t.request('POST', `/admin/storage-configs/${local.body.id}/migrations`, {
      token: admin.token,
      body: { target_storage_config_id: remote.body.id },
    });
    expect(res.status).toBe(202);
    expect(res.body.total_backups).toBe(20);
    const done = await waitForMigration(res.body.id, 600_000);
    expect(done).toMatchObject({ status: 'completed', done_backups: 20, bytes_copied: 20 * data.length });
    const peakMb = procMb('VmHWM');
    process.stdout.write(
      `[migration memory] 20 × 16 MiB local → S3 (${s3.name}): worker peak RSS ${peakMb.toFixed(0)} MB ${reset ? 'during the migration' : 'since start'} (idle ${idleMb.toFixed(0)} MB, start-up peak ${startPeakMb.toFixed(0)} MB)\n`,
    );
    // What the design bounds is what the migration adds to the idle worker: fixed S3 part buffers
    // (partSize x (queueSize + 1)) and the streams' high-water marks, whatever the number of backups.
    // Seen: 64-82 MB over an idle worker of 175 MB (peak 240-257 MB: the byte path's 256 MB worker
    // target is not met with every module loaded; BENCHMARKS.md says so). A leak per backup would
    // grow with the 20 backups and cross this line.
    if (reset) expect(peakMb - idleMb).toBeLessThan(110);
    else expect(peakMb).toBeLessThan(320);
    await stop(w, 'SIGTERM');
    await expectCountersExact();
  }, 900_000);
});
