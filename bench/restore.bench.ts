/**
 * Restore wall time against the matching shell pipelines (`npm run bench:restore`).
 *
 * Builds a source (BENCH_DB_MB of database rows, default 1024, and BENCH_FS_MB of filestore files,
 * default 1024), backs it up through the API to local storage once with gzip and once with zstd
 * (plain SQL), then times on the same stored objects:
 *   gzip sequential: `gunzip -c db | psql` followed by `tar -xzf fs` (the old baseline)
 *   pigz pipeline:   `pigz -dc db | psql` ∥ `pigz -dc fs | tar -x`
 *   zstd pipeline:   `zstd -dc db | psql` ∥ `zstd -dc fs | tar -x`
 *   offsite:         POST /backups/{id}/restore (into_empty, new database and directory), per codec
 * and prints wall time, MB/s of stored bytes and the ratio to the matching pipeline (target ≤ 1.0×;
 * Offsite also checks the sha256 and size of every byte). The API and worker run in this process
 * (plain node, no flags); peak RSS is this process's (an upper bound for the worker). Needs
 * PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and psql.
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
  const dbs = [src];
  const fresh = (what: string) => {
    const name = `offsite_bench_${what}_${tag}`;
    dbs.push(name);
    return name;
  };
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
    const poll = async (p: string, done: (b: any) => boolean) => {
      for (;;) {
        const b = await call('GET', p);
        if (done(b)) return b;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const backups: Record<string, any> = {};
    for (const compression of ['gzip', 'zstd'] as const) {
      const srcEnv = await call(
        'POST',
        '/admin/environments',
        {
          organization_id: org.id,
          name: `bench-source-${compression}`,
          compression,
          database: db(src),
          filestore_path: path.join(work, 'source-fs'),
        },
        admin.token,
      );
      t0 = process.hrtime.bigint();
      const created = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: srcEnv.id });
      const backup = await poll(`/backups/${created.id}`, (b) => ['completed', 'failed'].includes(b.status));
      if (backup.status !== 'completed') throw new Error(`backup failed: ${backup.error_message}`);
      process.stdout.write(`  ${compression} backup done in ${seconds(t0).toFixed(1)} s\n`);
      backups[compression] = backup;
    }
    process.stdout.write('\n');
    const file = (codec: string, name: string) =>
      path.join(storage, backups[codec].parts.find((p: any) => p.name === name).key);
    const storedOf = (codec: string) =>
      backups[codec].parts.reduce((n: number, p: any) => n + p.size_bytes, 0);
    const has = (bin: string) => {
      try {
        execFileSync(bin, ['--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    const psql = (name: string) => `${PSQL} -X -q -v ON_ERROR_STOP=1 -o /dev/null "${urlOf(name)}"`;
    const shell = async (what: string, script: (dbUrl: string, dir: string) => string): Promise<number> => {
      const name = fresh(what);
      await sql('postgres', `CREATE DATABASE "${name}" TEMPLATE template0`);
      const dir = path.join(work, `${what}-fs`);
      mkdirSync(dir);
      await settle();
      const started = process.hrtime.bigint();
      execFileSync('bash', ['-c', `set -eo pipefail; ${script(psql(name), dir)}`]);
      return seconds(started);
    };
    const rows: { name: string; codec: string; s: number }[] = [];
    rows.push({
      name: 'gzip sequential: gunzip | psql; tar -xzf',
      codec: 'gzip',
      s: await shell(
        'seq',
        (p, dir) =>
          `gunzip -c "${file('gzip', 'database')}" | ${p} && tar -xzf "${file('gzip', 'filestore')}" -C "${dir}"`,
      ),
    });
    const skipped: string[] = [];
    const pipelines: Record<string, number> = {};
    for (const [codec, bin] of [
      ['gzip', 'pigz'],
      ['zstd', 'zstd'],
    ] as const) {
      if (!has(bin)) {
        skipped.push(`${bin} -d pipeline: ${bin} is not installed`);
        continue;
      }
      pipelines[codec] = await shell(
        bin,
        (p, dir) =>
          `(${bin} -dc "${file(codec, 'database')}" | ${p}) & (${bin} -dc "${file(codec, 'filestore')}" | tar -xf - -C "${dir}") & wait -n; wait -n`,
      );
      rows.push({
        name: `${bin} -d pipeline: ${bin} -dc | psql ∥ ${bin} -dc | tar -x`,
        codec,
        s: pipelines[codec]!,
      });
    }
    for (const codec of ['gzip', 'zstd'] as const) {
      const target = await call(
        'POST',
        '/admin/environments',
        {
          organization_id: org.id,
          name: `bench-target-${codec}`,
          database: db(fresh(`dst_${codec}`)),
          filestore_path: path.join(work, `dst-${codec}-fs`),
        },
        admin.token,
      );
      await settle();
      t0 = process.hrtime.bigint();
      const r = await call('POST', `/backups/${backups[codec].id}/restore`, {
        target_environment_id: target.id,
        mode: 'into_empty',
      });
      const done = await poll(`/restores/${r.id}`, (x) => ['completed', 'failed'].includes(x.status));
      const s = seconds(t0);
      if (done.status !== 'completed') throw new Error(`restore failed: ${done.error_message}`);
      rows.push({ name: `offsite restore, ${codec} (into_empty, sha256 checked)`, codec, s });
    }
    for (const r of rows) {
      const ref = pipelines[r.codec];
      process.stdout.write(
        `  ${r.name.padEnd(58)} ${r.s.toFixed(1).padStart(7)} s ${(storedOf(r.codec) / MiB / r.s).toFixed(1).padStart(8)} MB/s (stored ${(storedOf(r.codec) / MiB).toFixed(0)} MiB)   ${ref ? `${(r.s / ref).toFixed(2)}× pipeline` : ''}\n`,
      );
    }
    for (const why of skipped) process.stdout.write(`  skipped: ${why}\n`);
    process.stdout.write(
      `\n  target: offsite ≤ 1.00× the matching pipeline   peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
  } finally {
    await t.close();
    for (const d of dbs)
      await sql('postgres', `DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
