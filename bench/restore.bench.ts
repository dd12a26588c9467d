/**
 * Restore wall time against the shell baseline (`npm run bench:restore`).
 *
 * Builds a source (BENCH_DB_MB of database rows, default 1024, and BENCH_FS_MB of filestore files,
 * default 1024), backs it up through the API to local storage (gzip, plain SQL), then times:
 *   baseline: `gunzip -c database.sql.gz | psql -d NEW` followed by `tar -xzf filestore.tar.gz -C DIR`
 *   offsite:  POST /backups/{id}/restore (into_empty, new database and directory) until completed
 * on the same stored objects, and prints wall time, MB/s of stored bytes and the ratio (target
 * ≤ 1.0×: Offsite loads the database and extracts the filestore concurrently, and also checks
 * sha256 and size of every byte). The API and worker run in this process; peak RSS is this
 * process's (an upper bound for the worker). Needs PostgreSQL (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) and psql/pg_restore in PG_BIN_DIRS.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const { startTestApp } = await import('../test/support/app.js');
const { createOrg, registerAndLogin } = await import('../test/support/identity.js');

const MiB = 1024 * 1024;
const DB_MB = Number(process.env.BENCH_DB_MB ?? 1024);
const FS_MB = Number(process.env.BENCH_FS_MB ?? 1024);
const PSQL = process.env.BENCH_PSQL ?? '/usr/lib/postgresql/15/bin/psql';
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const tag = randomBytes(3).toString('hex');

function urlOf(db: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

async function sql(db: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: urlOf(db) });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

async function buildSource(name: string, dir: string): Promise<void> {
  await sql('postgres', `CREATE DATABASE "${name}" TEMPLATE template0`);
  await sql(name, 'CREATE TABLE rows (id bigint PRIMARY KEY, body text NOT NULL)');
  // ~1 KiB per row: one unique md5 and a repeated one (compresses like ordinary data, not like zeros).
  const rows = Math.round((DB_MB * MiB) / 1070);
  for (let from = 1; from <= rows; from += 200_000) {
    await sql(
      name,
      `INSERT INTO rows SELECT g, md5(g::text) || repeat(md5((g % 9973)::text), 31) FROM generate_series($1::bigint, $2::bigint) g`,
      [from, Math.min(rows, from + 199_999)],
    );
  }
  mkdirSync(dir, { recursive: true });
  const text = Buffer.from('filestore line of ordinary text, repeated\n'.repeat(MiB / 42 + 1)).subarray(
    0,
    MiB,
  );
  for (let i = 0; i < FS_MB; i++) {
    const sub = path.join(dir, String(i % 16));
    mkdirSync(sub, { recursive: true });
    // Half incompressible (images, PDFs), half text.
    writeFileSync(path.join(sub, `f${i}.bin`), i % 2 ? randomBytes(MiB) : text);
  }
}

/** Both runs start from the same state: dirty pages written, no checkpoint pending from the last load. */
async function settle(): Promise<void> {
  await sql('postgres', 'CHECKPOINT');
  execFileSync('sync');
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'offsite-bench-restore-'));
  const storage = path.join(work, 'storage');
  mkdirSync(storage);
  const src = `offsite_bench_src_${tag}`;
  const dbs = [src, `offsite_bench_base_${tag}`, `offsite_bench_dst_${tag}`];
  process.stdout.write(
    `Restore benchmark: ${DB_MB} MiB database + ${FS_MB} MiB filestore, node ${process.version}\n`,
  );
  const adminEmail = `bench-admin-${tag}@example.test`;
  const t = await startTestApp({
    WORKER_ENABLED: 'true',
    BACKUP_RETRY_LIMIT: '0',
    PLATFORM_ADMIN_EMAILS: adminEmail,
  });
  try {
    let t0 = process.hrtime.bigint();
    await buildSource(src, path.join(work, 'source-fs'));
    process.stdout.write(`  source built in ${seconds(t0).toFixed(1)} s\n`);
    const admin = await registerAndLogin(t, { email: adminEmail });
    const owner = await registerAndLogin(t);
    const org = await createOrg(t, owner);
    const call = async (method: string, p: string, body?: unknown, token = owner.token) => {
      const res = await t.request(method, p, { token, body });
      if (res.status >= 400) throw new Error(`${method} ${p}: ${res.status} ${res.text}`);
      return res.body;
    };
    await call(
      'POST',
      '/admin/storage-configs',
      { name: 'bench', provider: 'local', bucket: storage },
      admin.token,
    );
    const db = (name: string) => ({
      host: '127.0.0.1',
      port: 5432,
      name,
      username: 'postgres',
      sslmode: 'disable',
    });
    const srcEnv = await call('POST', `/environments?organization_id=${org.id}`, {
      name: 'bench-source',
      database: db(src),
      filestore_path: path.join(work, 'source-fs'),
    });
    const poll = async (p: string, done: (b: any) => boolean) => {
      for (;;) {
        const b = await call('GET', p);
        if (done(b)) return b;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    t0 = process.hrtime.bigint();
    const created = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: srcEnv.id });
    const backup = await poll(`/backups/${created.id}`, (b) => ['completed', 'failed'].includes(b.status));
    if (backup.status !== 'completed') throw new Error(`backup failed: ${backup.error_message}`);
    process.stdout.write(`  backup done in ${seconds(t0).toFixed(1)} s\n\n`);
    const file = (name: string) => path.join(storage, backup.parts.find((p: any) => p.name === name).key);
    const stored = backup.parts.reduce((n: number, p: any) => n + p.size_bytes, 0);

    // Baseline: the two shell commands one after the other, on the same objects.
    await sql('postgres', `CREATE DATABASE "${dbs[1]}" TEMPLATE template0`);
    mkdirSync(path.join(work, 'base-fs'));
    await settle();
    t0 = process.hrtime.bigint();
    execFileSync('sh', [
      '-c',
      `gunzip -c "${file('database')}" | ${PSQL} -X -q -v ON_ERROR_STOP=1 -o /dev/null "${urlOf(dbs[1]!)}" && tar -xzf "${file('filestore')}" -C "${path.join(work, 'base-fs')}"`,
    ]);
    const baseline = seconds(t0);

    const target = await call('POST', `/environments?organization_id=${org.id}`, {
      name: 'bench-target',
      database: db(dbs[2]!),
      filestore_path: path.join(work, 'dst-fs'),
    });
    await settle();
    t0 = process.hrtime.bigint();
    const r = await call('POST', `/backups/${backup.id}/restore`, {
      target_environment_id: target.id,
      mode: 'into_empty',
    });
    const done = await poll(`/restores/${r.id}`, (x) => ['completed', 'failed'].includes(x.status));
    const offsite = seconds(t0);
    if (done.status !== 'completed') throw new Error(`restore failed: ${done.error_message}`);
    const queued = (Date.parse(done.started_at) - Date.parse(done.created_at)) / 1000;

    const line = (name: string, s: number) =>
      `  ${name.padEnd(44)} ${s.toFixed(1).padStart(7)} s ${(stored / MiB / s).toFixed(1).padStart(8)} MB/s (stored)\n`;
    process.stdout.write(line('baseline gunzip | psql; tar -xzf', baseline));
    process.stdout.write(line('offsite restore (into_empty, sha256 checked)', offsite));
    process.stdout.write(
      `    of which queued ${queued.toFixed(1)} s, job ${(done.duration_ms / 1000).toFixed(1)} s\n`,
    );
    process.stdout.write(
      `\n  ratio offsite / baseline: ${(offsite / baseline).toFixed(2)}× (target ≤ 1.00×)   stored ${(stored / MiB).toFixed(0)} MiB   peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
  } finally {
    await t.close();
    for (const d of dbs)
      await sql('postgres', `DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
