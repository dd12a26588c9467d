import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { BackupMigrationRunnerService } from '../../src/modules/backup-migrations/backup-migration-runner.service.js';
import { StorageConnectionsService } from '../../src/modules/storage-configs/storage-connections.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createFilestore,
  createSourceDatabase,
  describeTree,
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
import {
  createBucket,
  startFtpServer,
  startS3Server,
  startSftpServer,
  type FtpTestServer,
  type S3TestServer,
  type SftpTestServer,
} from '../support/storage-servers.js';

const ADMIN_EMAIL = `admin-${randomBytes(3).toString('hex')}@example.test`;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? '';
const FINISHED = ['completed', 'completed_with_errors', 'cancelled', 'failed'];

function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withDb<T>(name: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: dbUrl(name) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** md5 of every user table's rows in a fixed order, by table name. */
async function tableDigests(name: string): Promise<Record<string, string>> {
  return withDb(name, async (c) => {
    const { rows } = await c.query<{ t: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { t } of rows) {
      const r = await c.query<{ h: string | null; n: number }>(
        `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h, count(*)::int AS n FROM ${t} x`,
      );
      out[t] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
    }
    return out;
  });
}

describe('backup migrations between storage configs (HTTP, real PostgreSQL, real storage servers)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let source: TestDatabase & { tables: string[] };
  let filestore: string;
  let work: string;
  let env: { id: string };
  let s3: S3TestServer;
  let sftp: SftpTestServer;
  let ftp: FtpTestServer;
  const cfg: Record<'s3a' | 's3b' | 'sftp' | 'ftp' | 'local', string> = {
    s3a: '',
    s3b: '',
    sftp: '',
    ftp: '',
    local: '',
  };
  const createdDbs: string[] = [];

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });

  const backupOn = async (configId: string) => {
    const res = await call('POST', `/backups?organization_id=${org.id}`, {
      environment_id: env.id,
      storage_config_id: configId,
    });
    expect(res.status).toBe(202);
    const done = await waitForBackup(t, owner.token, res.body.id, { timeoutMs: 120_000 });
    expect(done).toMatchObject({ status: 'completed', storage_config_id: configId });
    return done;
  };

  const migrate = async (from: string, body: Record<string, unknown>) => {
    const res = await call(
      'POST',
      `/backups/storage-configs/${from}/migrations?organization_id=${org.id}`,
      body,
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ source_storage_config_id: from, organization_id: org.id });
    return res.body as { id: string; total_backups: number };
  };

  const waitForMigration = async (id: string, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < deadline) {
      const res = await call('GET', `/migrations/${id}`);
      last = res.body;
      if (res.status === 200 && FINISHED.includes(res.body.status)) return res.body;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`Migration ${id} did not finish: ${JSON.stringify(last)}`);
  };

  /** Object keys under a prefix of a saved config, through the provider layer. */
  const listConfig = async (configId: string, prefix = '') => {
    const driver = await t.app.get(StorageConnectionsService).openDriver(org.id, configId);
    try {
      const keys: string[] = [];
      for await (const e of driver.list(prefix)) keys.push(e.key);
      return keys.sort();
    } finally {
      await driver.close();
    }
  };
  const readObject = async (configId: string, key: string) => {
    const driver = await t.app.get(StorageConnectionsService).openDriver(org.id, configId);
    try {
      const chunks: Buffer[] = [];
      for await (const c of await driver.download(key)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    } finally {
      await driver.close();
    }
  };
  const putObject = async (configId: string, key: string, data: Buffer) => {
    const driver = await t.app.get(StorageConnectionsService).openDriver(org.id, configId);
    try {
      const { Readable } = await import('node:stream');
      await driver.upload(key, Readable.from([data]), { contentLength: data.length });
    } finally {
      await driver.close();
    }
  };

  /** Every part the catalog lists is on the config the row names, byte for byte. */
  const expectRestorableFromItsConfig = async (backupId: string) => {
    const b = (await call('GET', `/backups/${backupId}`)).body;
    for (const p of b.parts) expect(sha256(await readObject(b.storage_config_id, p.key))).toBe(p.sha256);
    return b;
  };

  /** Completed backups whose row names the config, oldest first. */
  const backupIdsOn = async (configId: string): Promise<string[]> =>
    (
      (await ds.query(
        `SELECT id FROM backups WHERE storage_config_id = $1 AND status = 'completed' ORDER BY created_at, id`,
        [configId],
      )) as { id: string }[]
    ).map((r) => r.id);

  /** Counters of every config equal the sums over the backups its rows name. */
  const expectCountersExact = async () => {
    const rows = (await ds.query(
      `SELECT c.id, c.total_size_bytes::bigint AS bytes, c.object_count::bigint AS n,
          COALESCE((SELECT sum(total_size_bytes) FROM backups b WHERE b.storage_config_id = c.id AND b.usage_counted), 0)::bigint AS want_bytes,
          (SELECT count(*) FROM backups b WHERE b.storage_config_id = c.id AND b.usage_counted)::bigint AS want_n
        FROM storage_configs c WHERE c.organization_id = $1`,
      [org.id],
    )) as { id: string; bytes: string; n: string; want_bytes: string; want_n: string }[];
    for (const r of rows)
      expect({ id: r.id, bytes: r.bytes, n: r.n }).toEqual({ id: r.id, bytes: r.want_bytes, n: r.want_n });
  };

  const restoreAndCompare = async (backupId: string) => {
    const dbName = `${source.name}_m${randomBytes(2).toString('hex')}`;
    createdDbs.push(dbName);
    const dir = path.join(work, `fs-${randomBytes(3).toString('hex')}`, 'files');
    const target = await createManagedEnvironment(t, org.id, {
      name: `restore-${randomBytes(3).toString('hex')}`,
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: dbName,
        username: 'postgres',
        password: 'x',
        sslmode: 'disable',
      },
      filestore_path: dir,
    });
    expect(target.status).toBe(201);
    const res = await call('POST', `/backups/${backupId}/restore`, {
      target_environment_id: target.body.id,
      mode: 'into_empty',
    });
    expect(res.status).toBe(202);
    const deadline = Date.now() + 120_000;
    let r: any;
    while (Date.now() < deadline) {
      r = (await call('GET', `/restores/${res.body.id}`)).body;
      if (['completed', 'failed'].includes(r.status)) break;
      await new Promise((x) => setTimeout(x, 200));
    }
    expect(r).toMatchObject({ status: 'completed', error_code: null });
    expect(await tableDigests(dbName)).toEqual(await tableDigests(source.name));
    expect(describeTree(target.body.filestore_path)).toEqual(describeTree(filestore));
  };

  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL, BACKUP_RETRY_LIMIT: '0' });
    ds = t.app.get(DataSource);
    admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    work = mkdtempSync(path.join(os.tmpdir(), 'offsite-migrations-'));
    mkdirSync(path.join(work, 'roots', org.slug), { recursive: true });
    const settings = await call(
      'PUT',
      '/backups/storage-settings',
      {
        allow_private_endpoints: true,
        allow_insecure_endpoints: true,
        enabled_providers: ['s3_compatible', 'sftp', 'ftp', 'local'],
        local_storage_roots: [path.join(work, 'roots', '{organization_slug}')],
      },
      admin.token,
    );
    expect(settings.status).toBe(200);
    source = await createSourceDatabase(3000);
    filestore = createFilestore();
    const e = await createManagedEnvironment(t, org.id, {
      name: 'migrated',
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
    expect(e.status).toBe(201);
    env = e.body;

    s3 = await startS3Server();
    sftp = await startSftpServer();
    ftp = await startFtpServer();
    const suffix = randomBytes(3).toString('hex');
    await createBucket(s3, `mig-a-${suffix}`);
    await createBucket(s3, `mig-b-${suffix}`);
    const create = async (body: Record<string, unknown>) => {
      const res = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const s3Body = (bucket: string) => ({
      provider: 's3_compatible',
      endpoint_url: s3.endpoint,
      region: s3.region,
      bucket,
      access_key: s3.accessKey,
      secret_key: s3.secretKey,
      path_prefix: 'offsite/',
    });
    cfg.s3a = await create({ name: 's3 a', ...s3Body(`mig-a-${suffix}`) });
    cfg.s3b = await create({ name: 's3 b', ...s3Body(`mig-b-${suffix}`), path_prefix: 'moved/' });
    cfg.sftp = await create({
      name: 'sftp',
      provider: 'sftp',
      host: sftp.host,
      port: sftp.port,
      access_key: sftp.user,
      secret_key: sftp.password,
      path_prefix: `offsite-${suffix}/`,
    });
    cfg.ftp = await create({
      name: 'ftp',
      provider: 'ftp',
      host: ftp.host,
      port: ftp.port,
      access_key: ftp.user,
      secret_key: ftp.password,
      path_prefix: `offsite-${suffix}/`,
    });
    cfg.local = await create({
      name: 'local',
      provider: 'local',
      bucket: path.join(work, 'roots', org.slug, 'store'),
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await s3?.stop();
    await sftp?.stop();
    await ftp?.stop();
    await source?.drop();
    for (const d of createdDbs)
      await withDb('postgres', (c) => c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`)).catch(
        () => undefined,
      );
    rmSync(filestore, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('S3 → SFTP: every part copied and verified, rows and counters moved, the source kept; a migrated backup restores', async () => {
    const b1 = await backupOn(cfg.s3a);
    const b2 = await backupOn(cfg.s3a);
    const sourceKeys = await listConfig(cfg.s3a);
    const m = await migrate(cfg.s3a, { target_storage_config_id: cfg.sftp });
    expect(m.total_backups).toBe(2);
    const done = await waitForMigration(m.id);
    expect(done).toMatchObject({
      status: 'completed',
      total_backups: 2,
      done_backups: 2,
      failed_backups: 0,
      server_side_copies: 0,
      bytes_total: b1.total_size_bytes + b2.total_size_bytes,
      bytes_copied: b1.total_size_bytes + b2.total_size_bytes,
    });
    expect(done.backups.map((i: any) => [i.backup_id, i.state, i.method])).toEqual([
      [b1.id, 'done', 'stream'],
      [b2.id, 'done', 'stream'],
    ]);
    for (const b of [b1, b2]) {
      const now = await expectRestorableFromItsConfig(b.id);
      expect(now).toMatchObject({
        storage_config_id: cfg.sftp,
        object_prefix: b.object_prefix,
        parts: b.parts,
      });
    }
    // Not asked to delete: the source still holds every object.
    expect(await listConfig(cfg.s3a)).toEqual(sourceKeys);
    expect((await call('GET', `/backups/storage-configs/${cfg.s3a}`)).body).toMatchObject({
      object_count: 0,
      total_size_bytes: 0,
    });
    expect((await call('GET', `/backups/storage-configs/${cfg.sftp}`)).body).toMatchObject({
      object_count: 2,
      total_size_bytes: b1.total_size_bytes + b2.total_size_bytes,
    });
    await expectCountersExact();
    await restoreAndCompare(b1.id);
    const list = await call('GET', `/migrations?organization_id=${org.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: any) => x.id)).toContain(m.id);
    expect(list.body.items[0].backups).toBeUndefined();
  }, 300_000);

  it("SFTP → S3 with delete_source: the source loses exactly those backups' objects, a foreign object survives", async () => {
    const ids = await backupIdsOn(cfg.sftp);
    expect(ids.length).toBe(2);
    await putObject(cfg.sftp, 'foreign/keep-me.txt', Buffer.from('not a backup'));
    const m = await migrate(cfg.sftp, { target_storage_config_id: cfg.s3b, delete_source: true });
    const done = await waitForMigration(m.id);
    expect(done).toMatchObject({
      status: 'completed',
      done_backups: 2,
      failed_backups: 0,
      source_leftovers: 0,
    });
    for (const id of ids) {
      const b = await expectRestorableFromItsConfig(id);
      expect(b.storage_config_id).toBe(cfg.s3b);
    }
    const left = await listConfig(cfg.sftp);
    expect(left).toContain('foreign/keep-me.txt');
    for (const id of ids) {
      const b = (await call('GET', `/backups/${id}`)).body;
      for (const p of b.parts) expect(left).not.toContain(p.key);
    }
    expect((await call('GET', `/backups/storage-configs/${cfg.sftp}`)).body).toMatchObject({
      object_count: 0,
      total_size_bytes: 0,
    });
    await expectCountersExact();
    await restoreAndCompare(ids[1]!);
  }, 300_000);

  it('S3 → S3, two buckets on the same server: copied inside the service (server_side_copy), verified by reading back', async () => {
    const b = await backupOn(cfg.s3a);
    const m = await migrate(cfg.s3a, {
      target_storage_config_id: cfg.s3b,
      backup_ids: [b.id],
      delete_source: true,
    });
    expect(m.total_backups).toBe(1);
    const done = await waitForMigration(m.id);
    expect(done).toMatchObject({ status: 'completed', done_backups: 1, server_side_copies: 1 });
    expect(done.backups[0]).toMatchObject({ backup_id: b.id, state: 'done', method: 'server_side_copy' });
    const moved = await expectRestorableFromItsConfig(b.id);
    expect(moved.storage_config_id).toBe(cfg.s3b);
    const left = await listConfig(cfg.s3a, b.object_prefix);
    expect(left).toEqual([]);
    await expectCountersExact();
    await restoreAndCompare(b.id);
  }, 300_000);

  it('FTP → local: moved and restorable', async () => {
    const b = await backupOn(cfg.ftp);
    const m = await migrate(cfg.ftp, { target_storage_config_id: cfg.local });
    const done = await waitForMigration(m.id);
    expect(done).toMatchObject({ status: 'completed', done_backups: 1 });
    const moved = await expectRestorableFromItsConfig(b.id);
    expect(moved.storage_config_id).toBe(cfg.local);
    for (const p of moved.parts)
      expect(sha256(readFileSync(path.join(work, 'roots', org.slug, 'store', p.key)))).toBe(p.sha256);
    await expectCountersExact();
    await restoreAndCompare(b.id);
  }, 300_000);

  it('a part corrupted on the source: that backup fails with integrity_failed naming the part and stays; the others move', async () => {
    const good = await backupOn(cfg.local);
    const bad = await backupOn(cfg.local);
    const fsPart = bad.parts.find((p: any) => p.name === 'filestore');
    const file = path.join(work, 'roots', org.slug, 'store', fsPart.key);
    const original = readFileSync(file);
    const corrupted = Buffer.from(original);
    corrupted[Math.floor(corrupted.length / 2)] ^= 0xff;
    writeFileSync(file, corrupted);
    const m = await migrate(cfg.local, { target_storage_config_id: cfg.ftp, backup_ids: [good.id, bad.id] });
    const done = await waitForMigration(m.id);
    expect(done).toMatchObject({ status: 'completed_with_errors', done_backups: 1, failed_backups: 1 });
    const item = done.backups.find((i: any) => i.backup_id === bad.id);
    expect(item).toMatchObject({ state: 'failed', error_code: 'integrity_failed' });
    expect(item.error_message).toContain('"filestore"');
    expect(item.error_message).toContain('sha256');
    // The source is as it was (still the corrupted bytes: nothing repaired, nothing deleted), the row unchanged.
    expect(readFileSync(file).equals(corrupted)).toBe(true);
    expect((await call('GET', `/backups/${bad.id}`)).body.storage_config_id).toBe(cfg.local);
    // Nothing of it stays on the target.
    expect(await listConfig(cfg.ftp, bad.object_prefix)).toEqual([]);
    expect((await call('GET', `/backups/${good.id}`)).body.storage_config_id).toBe(cfg.ftp);
    await expectCountersExact();
    writeFileSync(file, original);
  }, 300_000);

  it("refusals: same config, another organization's target (404), not completed, already being migrated, provider disabled", async () => {
    const path0 = `/backups/storage-configs/${cfg.ftp}/migrations?organization_id=${org.id}`;
    const same = await call('POST', path0, { target_storage_config_id: cfg.ftp });
    expect(same.status).toBe(400);
    expect(same.body.detail).toContain('target_storage_config_id');

    const other = await registerAndLogin(t);
    const otherOrg = await createOrg(t, other);
    const foreign = await t.request('POST', `/backups/storage-configs?organization_id=${otherOrg.id}`, {
      token: other.token,
      body: {
        name: 'theirs',
        provider: 'sftp',
        host: sftp.host,
        port: sftp.port,
        access_key: sftp.user,
        secret_key: sftp.password,
      },
    });
    expect(foreign.status).toBe(201);
    const cross = await call('POST', path0, { target_storage_config_id: foreign.body.id });
    expect(cross.status).toBe(404);

    const failedId = (
      (await ds.query(
        `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status, dump_format, compression)
         VALUES (gen_random_uuid(), $1, $2, $3, 'x/failed/', 'failed', 'plain', 'gzip') RETURNING id`,
        [org.id, env.id, cfg.ftp],
      )) as { id: string }[]
    )[0]!.id;
    const notCompleted = await call('POST', path0, {
      target_storage_config_id: cfg.sftp,
      backup_ids: [failedId],
    });
    expect(notCompleted.status).toBe(400);
    expect(notCompleted.body.detail).toContain('failed; only completed backups');

    const busyId = (await backupIdsOn(cfg.ftp))[0]!;
    const holder = (await ds.query(
      `INSERT INTO backup_migrations (id, organization_id, source_storage_config_id, target_storage_config_id, status)
       VALUES (gen_random_uuid(), $1, $2, $3, 'running') RETURNING id`,
      [org.id, cfg.ftp, cfg.sftp],
    )) as { id: string }[];
    await ds.query(
      `INSERT INTO backup_migration_items (migration_id, backup_id, organization_id, position) VALUES ($1, $2, $3, 0)`,
      [holder[0]!.id, busyId, org.id],
    );
    // Neither end of an unfinished migration can be deleted.
    const targetDelete = await call('DELETE', `/backups/storage-configs/${cfg.sftp}`);
    expect(targetDelete.status).toBe(400);
    expect(targetDelete.body.detail).toContain(`POST /api/v1/migrations/${holder[0]!.id}/cancel`);
    const busy = await call('POST', path0, { target_storage_config_id: cfg.sftp, backup_ids: [busyId] });
    expect(busy.status).toBe(400);
    expect(busy.body.detail).toContain('already being migrated');
    // Deleting a backup a migration holds is refused too.
    expect((await call('DELETE', `/backups/${busyId}`)).status).toBe(409);
    await ds.query(`DELETE FROM backup_migrations WHERE id = $1`, [holder[0]!.id]);

    const bad = await call('POST', path0, { target_storage_config_id: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('target_storage_config_id');

    await call(
      'PUT',
      '/backups/storage-settings',
      { enabled_providers: ['s3_compatible', 'sftp', 'ftp'] },
      admin.token,
    );
    const disabled = await call('POST', path0, { target_storage_config_id: cfg.local });
    expect(disabled.status).toBe(400);
    expect(disabled.body.detail).toContain('disabled');
    await call(
      'PUT',
      '/backups/storage-settings',
      { enabled_providers: ['s3_compatible', 'sftp', 'ftp', 'local'] },
      admin.token,
    );
    await ds.query(`DELETE FROM backups WHERE id = $1`, [failedId]);
  }, 120_000);

  it('cancel: stops after the backup in progress; every backup is on the config its row and item say', async () => {
    const bs = [await backupOn(cfg.sftp), await backupOn(cfg.sftp), await backupOn(cfg.sftp)];
    const m = await migrate(cfg.sftp, { target_storage_config_id: cfg.s3a, backup_ids: bs.map((b) => b.id) });
    const c = await call('POST', `/migrations/${m.id}/cancel`);
    expect(c.status).toBe(200);
    expect(c.body.cancel_requested_at).not.toBeNull();
    const done = await waitForMigration(m.id);
    expect(done.status).toBe('cancelled');
    expect(done.done_backups + done.cancelled_backups).toBe(3);
    expect(done.cancelled_backups).toBeGreaterThanOrEqual(2);
    for (const i of done.backups) {
      const b = await expectRestorableFromItsConfig(i.backup_id);
      expect(b.storage_config_id).toBe(i.state === 'done' ? cfg.s3a : cfg.sftp);
    }
    expect((await call('POST', `/migrations/${m.id}/cancel`)).status).toBe(409);
    await expectCountersExact();
  }, 300_000);

  it('a source that refuses the delete: the backup stays moved, the leftover is recorded and the sweep removes it later', async () => {
    let refusing = false;
    const locked = await startFtpServer({ refuseDeletes: () => refusing });
    try {
      const res = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
        name: 'ftp with retention',
        provider: 'ftp',
        host: locked.host,
        port: locked.port,
        access_key: locked.user,
        secret_key: locked.password,
      });
      expect(res.status).toBe(201);
      const lockedId = res.body.id as string;
      const b = await backupOn(lockedId);
      refusing = true;
      const m = await migrate(lockedId, { target_storage_config_id: cfg.local, delete_source: true });
      const done = await waitForMigration(m.id);
      expect(done).toMatchObject({
        status: 'completed',
        done_backups: 1,
        failed_backups: 0,
        source_leftovers: 1,
      });
      expect(done.backups[0]).toMatchObject({ state: 'done', source_leftover: true });
      expect(done.backups[0].error_message).toContain('could not be deleted');
      const moved = await expectRestorableFromItsConfig(b.id);
      expect(moved.storage_config_id).toBe(cfg.local);
      const keys = b.parts.map((p: any) => p.key).sort();
      expect(await listConfig(lockedId, b.object_prefix)).toEqual(keys);
      await expectCountersExact();
      // The storage accepts deletes again: the worker's sweep (run here directly) finishes the job.
      refusing = false;
      await t.app.get(BackupMigrationRunnerService).retryLeftovers();
      expect(await listConfig(lockedId, b.object_prefix)).toEqual([]);
      expect((await call('GET', `/migrations/${m.id}`)).body).toMatchObject({ source_leftovers: 0 });
      await expectRestorableFromItsConfig(b.id);
    } finally {
      await locked.stop();
    }
  }, 300_000);

  it('platform routes: organization tokens are refused, organization configs are not platform configs', async () => {
    const asOwner = await call('POST', `/admin/storage-configs/${cfg.ftp}/migrations`, {
      target_storage_config_id: cfg.sftp,
    });
    expect(asOwner.status).toBe(403);
    const orgConfig = await call(
      'POST',
      `/admin/storage-configs/${cfg.ftp}/migrations`,
      { target_storage_config_id: cfg.sftp },
      admin.token,
    );
    expect(orgConfig.status).toBe(404);
    expect((await call('GET', '/admin/migrations', undefined, admin.token)).body.items).toEqual([]);
    // An organization's migration is not reachable through the platform routes, nor the reverse.
    const mine = (await call('GET', `/migrations?organization_id=${org.id}`)).body.items[0].id as string;
    expect((await call('GET', `/admin/migrations/${mine}`, undefined, admin.token)).status).toBe(404);
  });

  it("an organization moves its own backups off a platform config onto its own (POST /migrations); another organization's stay, and a config without its backups is not found", async () => {
    const bucket = `mig-p-${randomBytes(3).toString('hex')}`;
    await createBucket(s3, bucket);
    const platform = await call(
      'POST',
      '/admin/storage-configs',
      {
        name: 'platform s3',
        provider: 's3_compatible',
        endpoint_url: s3.endpoint,
        region: s3.region,
        bucket,
        access_key: s3.accessKey,
        secret_key: s3.secretKey,
      },
      admin.token,
    );
    expect(platform.status).toBe(201);
    const platformId = platform.body.id as string;
    // Another organization's backup on the same platform config.
    const owner2 = await registerAndLogin(t);
    const org2 = await createOrg(t, owner2);
    const env2 = await createManagedEnvironment(t, org2.id, {
      name: 'neighbour',
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: source.name,
        username: 'postgres',
        sslmode: 'disable',
      },
    });
    expect(env2.status).toBe(201);
    const theirs = await t.request('POST', `/backups?organization_id=${org2.id}`, {
      token: owner2.token,
      body: { environment_id: env2.body.id, storage_config_id: platformId },
    });
    expect(theirs.status).toBe(202);
    const theirBackup = await waitForBackup(t, owner2.token, theirs.body.id, { timeoutMs: 120_000 });
    expect(theirBackup.status).toBe('completed');

    // Before this organization has a backup there, the platform config is "not found" to it.
    const early = await call('POST', `/migrations?organization_id=${org.id}`, {
      source_storage_config_id: platformId,
      target_storage_config_id: cfg.local,
    });
    expect(early.status).toBe(404);
    // The path route resolves its organization from the config: a platform config is not one.
    const byPath = await call(
      'POST',
      `/backups/storage-configs/${platformId}/migrations?organization_id=${org.id}`,
      { target_storage_config_id: cfg.local },
    );
    expect(byPath.status).toBe(404);

    const mine = await backupOn(platformId);
    // The source itself is no target.
    const foreignTarget = await call('POST', `/migrations?organization_id=${org.id}`, {
      source_storage_config_id: platformId,
      target_storage_config_id: platformId,
    });
    expect(foreignTarget.status).toBe(400);
    const res = await call('POST', `/migrations?organization_id=${org.id}`, {
      source_storage_config_id: platformId,
      target_storage_config_id: cfg.local,
      delete_source: true,
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      organization_id: org.id,
      source_storage_config_id: platformId,
      target_storage_config_id: cfg.local,
      total_backups: 1,
    });
    const done = await waitForMigration(res.body.id);
    expect(done).toMatchObject({
      status: 'completed',
      done_backups: 1,
      failed_backups: 0,
      source_leftovers: 0,
    });
    const moved = await expectRestorableFromItsConfig(mine.id);
    expect(moved.storage_config_id).toBe(cfg.local);

    // On the platform config: exactly the other organization's objects are left, byte for byte.
    const driver = await t.app.get(StorageConnectionsService).openDriver(null, platformId);
    try {
      const keys: string[] = [];
      for await (const e of driver.list('')) keys.push(e.key);
      expect(keys.sort()).toEqual(theirBackup.parts.map((p: { key: string }) => p.key).sort());
      for (const p of theirBackup.parts as { key: string; sha256: string }[]) {
        const chunks: Buffer[] = [];
        for await (const c of await driver.download(p.key)) chunks.push(c as Buffer);
        expect(sha256(Buffer.concat(chunks))).toBe(p.sha256);
      }
    } finally {
      await driver.close();
    }
    const stillTheirs = await t.request('GET', `/backups/${theirBackup.id}`, { token: owner2.token });
    expect(stillTheirs.body).toMatchObject({ status: 'completed', storage_config_id: platformId });
  }, 300_000);

  it('the storage-config delete guard names the migration endpoint', async () => {
    const res = await call('DELETE', `/backups/storage-configs/${cfg.ftp}`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(`POST /api/v1/backups/storage-configs/${cfg.ftp}/migrations`);
  });

  it('the sweep ends a migration whose job was lost before pickup, and one whose worker vanished', async () => {
    const b = await backupOn(cfg.local);
    // Two migrations of it as a killed process leaves them: one saved but never queued (pending
    // with no job), one running whose worker stopped reporting long ago. Neither has a queue job.
    const insert = async (status: string, heartbeatAgo: string | null) => {
      const [{ id }] = (await ds.query(
        `INSERT INTO backup_migrations (id, organization_id, source_storage_config_id, target_storage_config_id,
            status, total_backups, bytes_total, attempts, heartbeat_at, created_at, updated_at)
          VALUES (gen_random_uuid(), $1, $2, $3, $4, 1, $5, 0,
            now() - $6::interval, now() - interval '3 hours', now() - interval '3 hours')
          RETURNING id`,
        [org.id, cfg.local, cfg.s3b, status, b.total_size_bytes, heartbeatAgo],
      )) as { id: string }[];
      return id!;
    };
    const addItem = (migrationId: string) =>
      ds.query(
        `INSERT INTO backup_migration_items (migration_id, backup_id, organization_id, position, state, bytes_total)
          VALUES ($1, $2, $3, 0, 'pending', $4)`,
        [migrationId, b.id, org.id, b.total_size_bytes],
      );
    const lost = await insert('pending', null);
    await addItem(lost);
    await t.app.get(BackupMigrationRunnerService).sweep();
    const lostNow = (await call('GET', `/migrations/${lost}`)).body;
    expect(lostNow).toMatchObject({ status: 'failed', error_code: 'job_lost', failed_backups: 1 });
    expect(lostNow.backups[0]).toMatchObject({ state: 'failed', error_code: 'job_lost' });

    // The backup is free again (no active item holds it), so the second one can hold it.
    const vanished = await insert('running', '2 hours');
    await addItem(vanished);
    await t.app.get(BackupMigrationRunnerService).sweep();
    const vanishedNow = (await call('GET', `/migrations/${vanished}`)).body;
    expect(vanishedNow).toMatchObject({ status: 'failed', error_code: 'worker_lost', failed_backups: 1 });
    expect(vanishedNow.backups[0]).toMatchObject({ state: 'failed', error_code: 'worker_lost' });
    // Nothing moved: the backup stays on its source, whole.
    expect(await expectRestorableFromItsConfig(b.id)).toMatchObject({ storage_config_id: cfg.local });
  }, 300_000);
});
