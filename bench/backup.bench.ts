/**
 * Backup wall time and worker memory against the shell baseline (`npm run bench:backup [-- MiB]`).
 *
 * Builds a source of MiB of database rows and MiB of filestore files (default 1024 each; the first
 * argument or BENCH_MB overrides both), then times, in one run:
 *   baseline: `pg_dump DB | gzip > /dev/null` followed by `tar -czf - DIR > /dev/null`
 *   offsite:  POST /backups to local storage, then to the S3 test server (TEST_S3_* or s3rver)
 * and prints wall time, MB/s of source bytes, the ratio to the baseline (target ≤ 1.0×: the two
 * streams run concurrently) and the worker's peak RSS (VmHWM of a fresh `worker.js` process per
 * run, with the environment and flags of `npm run worker`; target ≤ 200 MB and flat in the source
 * size). BENCH_TARGETS=s3 (or local) runs only that one; MALLOC_* variables are passed to the worker. Needs PostgreSQL (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) and pg_dump in PG_BIN_DIRS.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const { startTestApp } = await import('../test/support/app.js');
const { createOrg, registerAndLogin } = await import('../test/support/identity.js');
const { createBucket, startS3Server } = await import('../test/support/storage-servers.js');

const MiB = 1024 * 1024;
const SIZE_MB = Number(process.argv[2] ?? process.env.BENCH_MB ?? 1024);
const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const ADMIN_URL = process.env.TEST_DATABASE_URL;
// plain node, as `npm run worker` starts it; BENCH_WORKER_FLAGS adds flags
const WORKER_FLAGS = process.env.BENCH_WORKER_FLAGS?.split(' ').filter(Boolean) ?? [];
const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/worker.js');
const tag = randomBytes(3).toString('hex');

const urlOf = (db: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  return u.toString();
};

async function sql(db: string, text: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: urlOf(db) });
  await c.connect();
  try {
    await c.query(text, params);
  } finally {
    await c.end();
  }
}

async function buildSource(name: string, dir: string): Promise<void> {
  await sql('postgres', `CREATE DATABASE "${name}" TEMPLATE template0`);
  await sql(name, 'CREATE TABLE rows (id bigint PRIMARY KEY, body text NOT NULL)');
  // ~1 KiB per row: a unique md5 and a repeated one (compresses like ordinary data).
  const rows = Math.round((SIZE_MB * MiB) / 1070);
  for (let from = 1; from <= rows; from += 200_000) {
    await sql(
      name,
      `INSERT INTO rows SELECT g, md5(g::text) || repeat(md5((g % 9973)::text), 31) FROM generate_series($1::bigint, $2::bigint) g`,
      [from, Math.min(rows, from + 199_999)],
    );
  }
  const text = Buffer.from('filestore line of ordinary text, repeated\n'.repeat(MiB / 42 + 1)).subarray(
    0,
    MiB,
  );
  for (let i = 0; i < SIZE_MB; i++) {
    const sub = path.join(dir, String(i % 16));
    mkdirSync(sub, { recursive: true });
    // Half incompressible (images, PDFs), half text.
    writeFileSync(path.join(sub, `f${i}.bin`), i % 2 ? randomBytes(MiB) : text);
  }
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Peak (VmHWM) or current (VmRSS) resident set of a process in MB, from /proc. */
function rssMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'offsite-bench-backup-'));
  const src = `offsite_bench_bk_${tag}`;
  const fsDir = path.join(work, 'filestore');
  const storage = path.join(work, 'storage');
  mkdirSync(storage);
  process.stdout.write(
    `Backup benchmark: ${SIZE_MB} MiB database + ${SIZE_MB} MiB filestore, node ${process.version}\n`,
  );
  const adminEmail = `bench-admin-${tag}@example.test`;
  const t = await startTestApp({ WORKER_ENABLED: 'false', PLATFORM_ADMIN_EMAILS: adminEmail });
  const s3 = await startS3Server();
  let worker: ChildProcess | undefined;
  try {
    let t0 = process.hrtime.bigint();
    await buildSource(src, fsDir);
    process.stdout.write(`  source built in ${seconds(t0).toFixed(1)} s\n\n`);
    const sourceMb = 2 * SIZE_MB;

    t0 = process.hrtime.bigint();
    execFileSync('sh', [
      '-c',
      `${PG_BIN}/pg_dump "${urlOf(src)}" | gzip > /dev/null && tar -czf - -C "${fsDir}" . > /dev/null`,
    ]);
    const baseline = seconds(t0);

    const admin = await registerAndLogin(t, { email: adminEmail });
    const owner = await registerAndLogin(t);
    const org = await createOrg(t, owner);
    const call = async (method: string, p: string, body?: unknown, token = owner.token) => {
      const res = await t.request(method, p, { token, body });
      if (res.status >= 400) throw new Error(`${method} ${p}: ${res.status} ${res.text}`);
      return res.body;
    };
    await call(
      'PUT',
      '/backups/storage-settings',
      { allow_private_endpoints: true, allow_insecure_endpoints: true },
      admin.token,
    );
    const local = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
      name: 'bench local',
      provider: 'local',
      bucket: storage,
    }).catch(async () =>
      // Organizations may not be allowed the local provider: use a platform config then.
      call(
        'POST',
        '/admin/storage-configs',
        { name: 'bench local', provider: 'local', bucket: storage },
        admin.token,
      ),
    );
    const bucket = `bench-${tag}`;
    await createBucket(s3, bucket);
    const s3cfg = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
      name: 'bench s3',
      provider: 's3_compatible',
      endpoint_url: s3.endpoint,
      region: s3.region,
      bucket,
      access_key: s3.accessKey,
      secret_key: s3.secretKey,
    });
    const env = await call('POST', `/environments?organization_id=${org.id}`, {
      name: 'bench',
      database: {
        host: new URL(ADMIN_URL).hostname,
        port: Number(new URL(ADMIN_URL).port || 5432),
        name: src,
        username: new URL(ADMIN_URL).username || 'postgres',
        sslmode: 'disable',
      },
      filestore_path: fsDir,
    });

    const rows: string[][] = [
      [
        'baseline (pg_dump | gzip; tar -czf)',
        baseline.toFixed(1),
        (sourceMb / baseline).toFixed(1),
        '1.00',
        '-',
        '-',
      ],
    ];
    const only = process.env.BENCH_TARGETS?.split(',').filter(Boolean); // e.g. BENCH_TARGETS=s3
    for (const [label, configId] of [
      ['offsite → local', local.id],
      [`offsite → S3 (${s3.name})`, s3cfg.id],
    ] as const) {
      if (only && !only.some((w) => label.toLowerCase().includes(w.toLowerCase()))) continue;
      worker = spawn(process.execPath, [...WORKER_FLAGS, WORKER], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: t.db.url,
          MIGRATIONS_RUN: 'false',
          CREDENTIALS_KEYS: t.config.credentialsKeys,
          JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456',
          OFFSITE_DATA_DIR: path.join(work, 'worker-data'),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        worker!.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('worker is up')) resolve();
        });
        worker!.once('exit', () => reject(new Error(`worker exited: ${out}`)));
      });
      const idle = rssMb(worker.pid!, 'VmRSS');
      t0 = process.hrtime.bigint();
      const created = await call('POST', `/backups?organization_id=${org.id}`, {
        environment_id: env.id,
        storage_config_id: configId,
      });
      let b;
      for (;;) {
        b = await call('GET', `/backups/${created.id}`);
        if (b.status === 'completed' || b.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const wall = seconds(t0);
      const rss = rssMb(worker.pid!, 'VmHWM');
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
      worker = undefined;
      if (b.status !== 'completed') throw new Error(`${label}: ${b.error_code} ${b.error_message}`);
      rows.push([
        label,
        wall.toFixed(1),
        (sourceMb / wall).toFixed(1),
        (wall / baseline).toFixed(2),
        rss.toFixed(0),
        idle.toFixed(0),
      ]);
      const queued = (Date.parse(b.started_at) - Date.parse(b.created_at)) / 1000;
      process.stdout.write(
        `  ${label}: ${wall.toFixed(1)} s (queued ${queued.toFixed(1)} s, ran ${(b.duration_ms / 1000).toFixed(1)} s), stored ${(b.total_size_bytes / MiB).toFixed(0)} MiB\n`,
      );
    }
    const head = ['run', 'wall s', 'MB/s (source)', '× baseline', 'worker peak RSS MB', 'worker idle RSS MB'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    process.stdout.write(`\n${line(head)}\n${rows.map(line).join('\n')}\n`);
    process.stdout.write(
      '\nTargets: offsite ≤ 1.0× baseline; worker peak RSS ≤ 200 MB and flat in the source size.\n',
    );
  } finally {
    worker?.kill('SIGKILL');
    await s3.stop();
    await t.close();
    await sql('postgres', `DROP DATABASE IF EXISTS "${src}" WITH (FORCE)`).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
