/**
 * Backup wall time and worker memory against the tools users would otherwise pick
 * (`npm run bench:backup [-- MiB]`).
 *
 * Builds a source of MiB of database rows and MiB of filestore files (default 1024 each; the first
 * argument or BENCH_MB overrides both), then times, in one run on the same source, writing to the
 * same disk:
 *   gzip sequential: `pg_dump | gzip > f1; tar -czf f2` (the old baseline)
 *   pigz pipeline:   `pg_dump | pigz > f1` ∥ `tar -cf - | pigz > f2`
 *   zstd pipeline:   `pg_dump | zstd -T0 > f1` ∥ `tar -cf - | zstd -T0 > f2`
 *   restic:          `restic backup DIR` ∥ `pg_dump | restic backup --stdin` into a local repository
 *                    (skipped with the reason when restic is not installed)
 *   offsite:         POST /backups of a gzip and a zstd environment to local storage (with the
 *                    codec binaries and with CODEC_ENGINE=in-process) and to the S3 test server
 * and prints wall time, the ratio to the pigz pipeline (gzip rows) or the zstd pipeline (zstd
 * rows), the stored size and the worker's peak RSS (VmHWM of a fresh plain-node `worker.js` per
 * run). BENCH_TARGETS=s3 (or local) runs only those Offsite rows. Needs PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and pg_dump.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Bytes under a directory, in MiB. */
function duMiB(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) bytes += statSync(path.join(e.parentPath, e.name)).size;
  }
  return bytes / MiB;
}

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

    const out = path.join(work, 'out');
    const dump = `${PG_BIN}/pg_dump "${urlOf(src)}"`;
    const has = (bin: string) => {
      try {
        execFileSync(bin, [bin === 'restic' ? 'version' : '--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    /** Runs a shell pipeline writing under out/, returns [seconds, MiB stored]. */
    const shell = (script: string): [number, number] => {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out);
      const started = process.hrtime.bigint();
      execFileSync('bash', ['-c', `set -eo pipefail; cd "${out}"; ${script}`], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const wall = seconds(started);
      return [wall, duMiB(out)];
    };
    const shellRows: { label: string; codec: 'gzip' | 'zstd' | 'restic'; wall: number; stored: number }[] =
      [];
    const sequential = shell(`${dump} | gzip > db.sql.gz; tar -czf fs.tar.gz -C "${fsDir}" .`);
    shellRows.push({
      label: 'gzip, sequential (pg_dump | gzip; tar -czf)',
      codec: 'gzip',
      wall: sequential[0],
      stored: sequential[1],
    });
    const skipped: string[] = [];
    if (has('pigz')) {
      const r = shell(
        `(${dump} | pigz > db.sql.gz) & (tar -cf - -C "${fsDir}" . | pigz > fs.tar.gz) & wait -n; wait -n`,
      );
      shellRows.push({
        label: 'pigz pipeline (pg_dump | pigz ∥ tar | pigz)',
        codec: 'gzip',
        wall: r[0],
        stored: r[1],
      });
    } else skipped.push('pigz pipeline: pigz is not installed');
    if (has('zstd')) {
      const r = shell(
        `(${dump} | zstd -q -T0 > db.sql.zst) & (tar -cf - -C "${fsDir}" . | zstd -q -T0 > fs.tar.zst) & wait -n; wait -n`,
      );
      shellRows.push({
        label: 'zstd pipeline (pg_dump | zstd -T0 ∥ tar | zstd -T0)',
        codec: 'zstd',
        wall: r[0],
        stored: r[1],
      });
    } else skipped.push('zstd pipeline: zstd is not installed');
    if (has('restic')) {
      const repo = path.join(work, 'restic');
      execFileSync('restic', ['init', '-q', '-r', repo], {
        env: { ...process.env, RESTIC_PASSWORD: 'bench' },
      });
      const started = process.hrtime.bigint();
      execFileSync(
        'bash',
        [
          '-c',
          `set -eo pipefail; export RESTIC_PASSWORD=bench; (restic -q -r "${repo}" backup "${fsDir}") & (${dump} | restic -q -r "${repo}" backup --stdin --stdin-filename db.sql) & wait -n; wait -n`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      shellRows.push({
        label: 'restic, 2 backups ∥ (zstd, dedup, encryption)',
        codec: 'restic',
        wall: seconds(started),
        stored: duMiB(repo),
      });
    } else skipped.push('restic: not installed (apt-get install restic)');
    const pigzWall = shellRows.find((r) => r.label.startsWith('pigz'))?.wall;
    const zstdWall = shellRows.find((r) => r.label.startsWith('zstd'))?.wall;
    const ratio = (codec: string, wall: number) => {
      const ref = codec === 'gzip' ? pigzWall : zstdWall;
      return ref ? (wall / ref).toFixed(2) : '-';
    };

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
    const envBody = (compression: 'gzip' | 'zstd') => ({
      name: `bench-${compression}`,
      compression,
      database: {
        host: new URL(ADMIN_URL).hostname,
        port: Number(new URL(ADMIN_URL).port || 5432),
        name: src,
        username: new URL(ADMIN_URL).username || 'postgres',
        sslmode: 'disable',
      },
      filestore_path: fsDir,
    });
    const envs = {
      gzip: await call(
        'POST',
        '/admin/environments',
        { organization_id: org.id, ...envBody('gzip') },
        admin.token,
      ),
      zstd: await call(
        'POST',
        '/admin/environments',
        { organization_id: org.id, ...envBody('zstd') },
        admin.token,
      ),
    };

    const rows: string[][] = shellRows.map((r) => [
      r.label,
      r.wall.toFixed(1),
      (sourceMb / r.wall).toFixed(1),
      r.codec === 'restic' ? `${ratio('zstd', r.wall)} (zstd)` : ratio(r.codec, r.wall),
      r.stored.toFixed(0),
      '-',
    ]);
    const only = process.env.BENCH_TARGETS?.split(',').filter(Boolean); // e.g. BENCH_TARGETS=s3
    const runs: [string, string, 'gzip' | 'zstd', string][] = [];
    for (const codec of ['gzip', 'zstd'] as const) {
      runs.push([`offsite → local, ${codec} (binary)`, local.id, codec, 'auto']);
      runs.push([`offsite → local, ${codec} (in-process)`, local.id, codec, 'in-process']);
      runs.push([`offsite → S3 (${s3.name}), ${codec} (binary)`, s3cfg.id, codec, 'auto']);
    }
    for (const [label, configId, codec, engine] of runs) {
      if (only && !only.some((w) => label.toLowerCase().includes(w.toLowerCase()))) continue;
      worker = spawn(process.execPath, [...WORKER_FLAGS, WORKER], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: t.db.url,
          MIGRATIONS_RUN: 'false',
          CREDENTIALS_KEYS: t.config.credentialsKeys,
          JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456',
          OFFSITE_DATA_DIR: path.join(work, 'worker-data'),
          LOG_LEVEL: process.env.BENCH_WORKER_LOG_LEVEL ?? 'warn',
          LOG_FORMAT: 'json',
          CODEC_ENGINE: engine,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        worker!.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('worker is up')) resolve();
          if (process.env.BENCH_WORKER_LOG_LEVEL) process.stdout.write(d);
        });
        worker!.once('exit', () => reject(new Error(`worker exited: ${out}`)));
      });
      const idle = rssMb(worker.pid!, 'VmRSS');
      t0 = process.hrtime.bigint();
      const created = await call('POST', `/backups?organization_id=${org.id}`, {
        environment_id: envs[codec].id,
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
        ratio(codec, wall),
        (b.total_size_bytes / MiB).toFixed(0),
        `${rss.toFixed(0)} (idle ${idle.toFixed(0)})`,
      ]);
      const queued = (Date.parse(b.started_at) - Date.parse(b.created_at)) / 1000;
      process.stdout.write(
        `  ${label}: ${wall.toFixed(1)} s (queued ${queued.toFixed(1)} s, ran ${(b.duration_ms / 1000).toFixed(1)} s), stored ${(b.total_size_bytes / MiB).toFixed(0)} MiB\n`,
      );
    }
    const head = ['run', 'wall s', 'MB/s (source)', '× pipeline', 'stored MiB', 'worker peak RSS MB'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    process.stdout.write(`\n${line(head)}\n${rows.map(line).join('\n')}\n`);
    for (const why of skipped) process.stdout.write(`  skipped: ${why}\n`);
    process.stdout.write(
      '\n× pipeline: gzip rows against the pigz pipeline, zstd rows (and restic) against the zstd pipeline.\n' +
        'Targets: gzip ≤ 1.0×, zstd ≤ 1.5× and faster than restic; worker peak RSS ≤ 256 MB and flat in the source size.\n',
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
