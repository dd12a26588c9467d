import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BackupRunnerService } from '../../src/modules/backups/backup-runner.service.js';
import { StorageConnectionsService } from '../../src/modules/storage-configs/storage-connections.service.js';
import { apiClient, ok, type Schemas } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createFilestore,
  createSourceDatabase,
  describeTree,
  sha256,
  waitForBackup,
} from '../support/backup-sources.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startFaultRelay } from '../support/fault-relay.js';
import {
  createOrg,
  registerAndLogin,
  type TestOrg,
  type TestUser,
  createManagedEnvironment,
  platformAdmin,
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
const DB_PASSWORD = `db-pw-${randomBytes(6).toString('hex')}`;

describe('environments and backups (real PostgreSQL source, real storage servers)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let source: TestDatabase & { tables: string[] };
  let filestore: string;
  /** 64 MB of random files: long enough to be caught mid-upload. */
  let bigFilestore: string;
  let localDir: string;
  let platformConfigId: string;
  let s3: S3TestServer;
  let env: { id: string; name: string };
  const bodies: string[] = [];

  const call = async (method: string, p: string, body?: unknown, token = owner.token) => {
    const res = await t.request(method, p, { token, body });
    bodies.push(res.text);
    return res;
  };
  const managed = async (body: unknown) => {
    const res = await createManagedEnvironment(t, org.id, body as Record<string, unknown>);
    bodies.push(res.text);
    return res;
  };
  const envBody = (over: Record<string, unknown> = {}) => ({
    name: `env-${randomBytes(3).toString('hex')}`,
    database: {
      host: '127.0.0.1',
      port: 5432,
      name: source.name,
      username: 'postgres',
      password: DB_PASSWORD,
      sslmode: 'disable',
    },
    filestore_path: filestore,
    ...over,
  });
  // The main flows go through the generated client (a document that lies breaks tsc); raw `call`
  // stays for what a typed client cannot send (malformed bodies and ids) and for admin fixtures.
  const api = () => apiClient(t, owner.token, (text) => bodies.push(text));
  const backupOf = async (
    environmentId: string,
    extra: Omit<Schemas['CreateBackupDto'], 'environment_id'> = {},
  ): Promise<Schemas['BackupResponse']> =>
    ok(
      await api().POST('/api/v1/backups', {
        params: { query: { organization_id: org.id } },
        body: { environment_id: environmentId, ...extra },
      }),
      202,
    );
  const listBackups = async (query: {
    limit?: number;
    cursor?: string;
    environment_id?: string;
    status?: 'failed';
  }) =>
    ok(
      await api().GET('/api/v1/backups/organization/{org_id}/backups', {
        params: { path: { org_id: org.id }, query },
      }),
      200,
    );
  /** Object keys under a prefix of a saved config, listed through the provider layer. */
  const listConfig = async (configId: string, prefix: string) => {
    const driver = await t.app.get(StorageConnectionsService).openDriver(org.id, configId);
    try {
      const keys: string[] = [];
      for await (const e of driver.list(prefix)) keys.push(e.key);
      return keys;
    } finally {
      await driver.close();
    }
  };
  const fetchBytes = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers });
    return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
  };
  /** Downloads every part through the download endpoint and checks it against the manifest. */
  const downloadAndCheck = async (backupId: string) => {
    const links = ok(
      await api().GET('/api/v1/backups/{backup_id}/download', { params: { path: { backup_id: backupId } } }),
      200,
    );
    const byName = Object.fromEntries(links.parts.map((p) => [p.file, p]));
    const manifestLink = byName['metadata.json'];
    if (!manifestLink) throw new Error('no metadata.json among the download links');
    // `name` is the logical part, as on GET /backups/{id}; `file` the name to save it as.
    expect(links.parts.map((p) => p.name).sort()).toEqual(['database', 'filestore', 'manifest']);
    const manifestRes = await fetchBytes(manifestLink.url);
    expect(manifestRes.status).toBe(200);
    expect(sha256(manifestRes.data)).toBe(manifestLink.sha256);
    const manifest = JSON.parse(manifestRes.data.toString('utf8'));
    const files: Record<string, Buffer> = {};
    for (const part of manifest.parts) {
      const link = byName[part.file];
      expect(link).toBeDefined();
      const got = await fetchBytes(link.url);
      expect(got.status).toBe(200);
      expect(got.data.length).toBe(part.size_bytes);
      expect(sha256(got.data)).toBe(part.sha256);
      expect(link.sha256).toBe(part.sha256);
      files[part.file] = got.data;
    }
    return { links, manifest, files };
  };

  /** A PostgreSQL client tool from PG_BIN_DIRS (the first directory that has it), as the workers find pg_dump. */
  const pgTool = (name: string) => {
    const dir = t.config.pgBinDirs.find((d) => existsSync(path.join(d, name)));
    if (!dir) throw new Error(`No ${name} in PG_BIN_DIRS (${t.config.pgBinDirs.join(', ')})`);
    return path.join(dir, name);
  };

  // Fixtures many tests share, each made once on first use: any test also runs on its own.
  let productionMade: Promise<{ id: string; name: string }> | undefined;
  /** The 'production' environment on this file's source database and filestore. */
  const production = () =>
    (productionMade ??= managed(envBody({ name: 'production' })).then((res) => {
      expect(res.status).toBe(201);
      return res.body as { id: string; name: string };
    }));
  let platformLocalMade: Promise<string> | undefined;
  /** The platform local config, the fallback of every environment without storage of its own. */
  const platformLocal = () =>
    (platformLocalMade ??= call(
      'POST',
      '/admin/storage-configs',
      { name: 'platform local', provider: 'local', bucket: localDir },
      admin.token,
    ).then((res) => {
      expect(res.status).toBe(201);
      return res.body.id as string;
    }));

  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL, BACKUP_RETRY_LIMIT: '0' });
    // Download links point at the server the test actually listens on.
    t.config.publicUrl = t.baseUrl;
    admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    source = await createSourceDatabase(3000);
    filestore = createFilestore();
    bigFilestore = createFilestore(64);
    localDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-local-storage-'));
    s3 = await startS3Server();
    const settings = await call(
      'PUT',
      '/backups/storage-settings',
      { allow_private_endpoints: true, allow_insecure_endpoints: true },
      admin.token,
    );
    expect(settings.status).toBe(200);
  });
  afterAll(async () => {
    await s3?.stop();
    await t?.close();
    await source?.drop();
    rmSync(filestore, { recursive: true, force: true });
    rmSync(bigFilestore, { recursive: true, force: true });
    rmSync(localDir, { recursive: true, force: true });
  });

  describe('environments', () => {
    beforeAll(async () => {
      env = await production();
    });

    it('creates an environment; the password is never returned', async () => {
      const res = await managed(envBody({ name: 'staging' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        organization_id: org.id,
        name: 'staging',
        database: {
          host: '127.0.0.1',
          port: 5432,
          name: source.name,
          username: 'postgres',
          sslmode: 'disable',
          has_password: true,
        },
        filestore_path: filestore,
        storage_config_id: null,
        dump_format: 'plain',
        compression: 'gzip',
      });
      expect(res.text).not.toContain(DB_PASSWORD);
      const got = await call('GET', `/environments/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.text).not.toContain(DB_PASSWORD);
      const list = await call('GET', `/environments?organization_id=${org.id}`);
      expect(list.body.items.map((e: any) => e.id)).toContain(res.body.id);
    });

    it('refuses a duplicate name (409), a name with a slash (400) and a relative filestore path (400)', async () => {
      expect((await managed(envBody({ name: 'production' }))).status).toBe(409);
      const slash = await managed(envBody({ name: 'a/b' }));
      expect(slash.status).toBe(400);
      expect(slash.body.errors[0].field).toBe('name');
      const rel = await managed(envBody({ filestore_path: 'rel/dir' }));
      expect(rel.status).toBe(400);
    });

    it('updates fields and keeps the stored password when it is omitted', async () => {
      const tmp = await managed(envBody());
      // A managed environment's source is the platform's to change.
      const admin = await platformAdmin(t);
      const res = await call(
        'PATCH',
        `/admin/environments/${tmp.body.id}`,
        { compression: 'zstd', database: { port: 5432 } },
        admin.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ compression: 'zstd', database: { has_password: true } });
      const del = await call('DELETE', `/admin/environments/${tmp.body.id}`, undefined, admin.token);
      expect(del.status).toBe(204);
      expect((await call('GET', `/environments/${tmp.body.id}`)).status).toBe(404);
    });

    it('POST /environments/{id}/test: login, server version, pg_dump, filestore files and size', async () => {
      const res = await call('POST', `/environments/${env.id}/test`);
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(true);
      expect(res.body.database).toMatchObject({ ok: true, can_login: true });
      expect(res.body.database.server_version).toMatch(/^\d+\.\d+/);
      expect(res.body.pg_dump).toMatchObject({ ok: true, compatible: true });
      expect(res.body.pg_dump.path).toMatch(/pg_dump$/);
      expect(res.body.filestore).toMatchObject({ ok: true, readable: true, file_count: 5 });
      expect(res.body.filestore.total_bytes).toBeGreaterThan(300_000);
    });

    it('the test shows a refused login and a missing filestore beforehand', async () => {
      const bad = await managed(
        envBody({
          database: { ...envBody().database, username: 'no_such_role_x' },
          filestore_path: '/nonexistent/filestore',
        }),
      );
      const res = await call('POST', `/environments/${bad.body.id}/test`);
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(false);
      expect(res.body.database).toMatchObject({ ok: false, can_login: false, error_code: 'auth_failed' });
      expect(res.body.database.message).toContain('no_such_role_x');
      // A missing directory is not broken (an into_empty restore creates it); a backup needs it.
      expect(res.body.filestore).toMatchObject({ ok: true, exists: false, readable: false });
      expect(res.body.backup_ready).toBe(false);
      expect(res.body.filestore.message).toContain('/nonexistent/filestore');
    });
  });

  describe('storage resolution', () => {
    beforeAll(async () => {
      env = await production();
    });

    // The platform's storage is platform-wide: this case needs a platform without any, so it runs
    // before anything here makes the platform local config (and says so if that changes).
    it('no storage anywhere → 400 with the exact detail', async () => {
      expect(platformLocalMade).toBeUndefined();
      const res = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.id });
      expect(res.status).toBe(400);
      expect(res.body.detail).toBe(
        'No storage configured. Configure a storage provider before creating backups.',
      );
    });

    it('an environment of another organization → 404', async () => {
      const other = await registerAndLogin(t);
      const otherOrg = await createOrg(t, other);
      const res = await t.request('POST', `/backups?organization_id=${otherOrg.id}`, {
        token: other.token,
        body: { environment_id: env.id },
      });
      expect(res.status).toBe(404);
    });

    it('a platform local config is the fallback', async () => {
      platformConfigId = await platformLocal();
      const b = await backupOf(env.id);
      expect(b).toMatchObject({ status: 'pending', storage_config_id: platformConfigId });
      await waitForBackup(t, owner.token, b.id);
      expect((await call('DELETE', `/backups/${b.id}`)).status).toBe(204);
    });
  });

  describe('backup to local storage (platform default)', () => {
    let created: Schemas['BackupResponse'];
    // As the server answers it (waitForBackup polls with plain requests).
    let backup: any;
    let result: Awaited<ReturnType<typeof downloadAndCheck>>;

    // One completed backup and its downloaded parts: what every case below reads.
    beforeAll(async () => {
      env = await production();
      platformConfigId = await platformLocal();
      created = await backupOf(env.id, { note: 'first' });
      backup = await waitForBackup(t, owner.token, created.id);
      result = await downloadAndCheck(backup.id);
    });

    it('202 pending, then running → completed with phase, bytes and timings', async () => {
      expect(created).toMatchObject({
        status: 'pending',
        environment_id: env.id,
        storage_config_id: platformConfigId,
        note: 'first',
      });
      expect(created.object_prefix).toMatch(
        new RegExp(`^${org.slug}/production/\\d{8}T\\d{6}Z-${created.id}/$`),
      );
      const done = backup;
      expect(done).toMatchObject({ status: 'completed', phase: null, error_code: null, attempts: 1 });
      expect(done.bytes_processed).toBeGreaterThan(300_000);
      expect(done.duration_ms).toBeGreaterThanOrEqual(0);
      expect(Date.parse(done.completed_at)).toBeGreaterThanOrEqual(Date.parse(done.started_at));
      expect(done.parts.map((p: any) => p.name)).toEqual(['database', 'filestore', 'manifest']);
      expect(done.parts.map((p: any) => p.file)).toEqual([
        'database.sql.gz',
        'filestore.tar.gz',
        'metadata.json',
      ]);
      // The platform's storage, shown to the tenant by name and provider (the config itself is a 404 to it).
      expect(done.storage).toEqual({
        id: platformConfigId,
        name: expect.any(String),
        provider: expect.any(String),
        scope: 'platform',
      });
      expect((await call('GET', `/backups/storage-configs/${platformConfigId}`)).status).toBe(404);
      expect(done.parts.map((p: any) => p.key)).toEqual([
        `${backup.object_prefix}database.sql.gz`,
        `${backup.object_prefix}filestore.tar.gz`,
        `${backup.object_prefix}metadata.json`,
      ]);
      expect(done.total_size_bytes).toBe(done.parts.reduce((n: number, p: any) => n + p.size_bytes, 0));
    });

    it('the objects are on disk where the catalog says', () => {
      for (const p of backup.parts) {
        const file = path.join(localDir, p.key);
        expect(sha256(readFileSync(file))).toBe(p.sha256);
      }
    });

    it('downloads every part with signed Offsite links; sha256 matches the manifest', async () => {
      const fresh = await downloadAndCheck(backup.id);
      for (const p of fresh.links.parts) {
        expect(p.url).toMatch(/\/api\/v1\/backups\/files\//);
        const ttl = Date.parse(p.expires_at) - Date.now();
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(3600_000);
      }
    });

    it('the manifest says everything needed to restore without Offsite', () => {
      const m = result.manifest;
      expect(m).toMatchObject({
        format_version: 1,
        tool: { name: 'offsite' },
        backup_id: backup.id,
        organization: { id: org.id, slug: org.slug },
        environment: { id: env.id, name: 'production' },
        note: 'first',
        storage: { provider: 'local', folder: backup.object_prefix },
      });
      const [db, fs] = m.parts;
      expect(db).toMatchObject({
        name: 'database',
        file: 'database.sql.gz',
        compression: 'gzip',
        format: 'plain',
      });
      expect(db.server_version).toMatch(/^\d+/);
      expect(db.pg_dump_version).toMatch(/^\d+/);
      expect(db.tables).toEqual(source.tables);
      expect(fs).toMatchObject({
        name: 'filestore',
        file: 'filestore.tar.gz',
        compression: 'gzip',
        format: 'tar',
        file_count: 5,
      });
      expect(fs.uncompressed_bytes).toBe(describeTree(filestore).reduce((n, e) => n + (e.size ?? 0), 0));
      expect(Date.parse(m.completed_at)).toBeGreaterThanOrEqual(Date.parse(m.created_at));
      expect(m.restore.database).toContain('psql');
    });

    it('the dump restores with psql and the archive extracts to the same tree (symlink kept)', async () => {
      const target = await createTestDatabase('offsite_restore');
      const work = mkdtempSync(path.join(os.tmpdir(), 'offsite-restore-'));
      try {
        writeFileSync(path.join(work, 'db.sql.gz'), result.files['database.sql.gz']!);
        execFileSync(
          'sh',
          ['-c', `gzip -dc db.sql.gz | ${pgTool('psql')} -q -v ON_ERROR_STOP=1 "${target.url}" >/dev/null`],
          { cwd: work },
        );
        const digest = async (url: string) => {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          try {
            const q = `SELECT md5(string_agg(t::text, '|' ORDER BY id)) AS h, count(*)::int AS n FROM items t`;
            const items = (await c.query(q)).rows[0];
            const notes = (
              await c.query(`SELECT md5(string_agg(t::text, '|' ORDER BY id)) AS h FROM extra."Notes ü" t`)
            ).rows[0];
            return { items, notes };
          } finally {
            await c.end();
          }
        };
        const restored = await digest(target.url);
        expect(restored.items.n).toBe(3000);
        expect(restored).toEqual(await digest(source.url));
        const out = path.join(work, 'fs');
        writeFileSync(path.join(work, 'fs.tar.gz'), result.files['filestore.tar.gz']!);
        execFileSync('sh', ['-c', 'mkdir fs && tar --warning=no-unknown-keyword -xpzf fs.tar.gz -C fs'], {
          cwd: work,
        });
        expect(describeTree(out)).toEqual(describeTree(filestore));
        expect(describeTree(out).find((e) => e.path === 'link-to-readme')).toEqual({
          path: 'link-to-readme',
          type: 'symlink',
          target: 'ab/readme.txt',
        });
      } finally {
        await target.drop();
        rmSync(work, { recursive: true, force: true });
      }
    });

    it('a signed link serves HTTP Range requests; a tampered link is 404', async () => {
      const link = result.links.parts.find((p) => p.file === 'filestore.tar.gz');
      if (!link) throw new Error('no filestore.tar.gz among the download links');
      const whole = result.files['filestore.tar.gz']!;
      const part = await fetchBytes(link.url, { range: 'bytes=100-1099' });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${whole.length}`);
      expect(part.data.equals(whole.subarray(100, 1100))).toBe(true);
      const tail = await fetchBytes(link.url, { range: 'bytes=-10' });
      expect(tail.data.equals(whole.subarray(whole.length - 10))).toBe(true);
      const beyond = await fetchBytes(link.url, { range: `bytes=${whole.length + 5}-` });
      expect(beyond.status).toBe(416);
      for (const at of [20, 60]) {
        const i = link.url.lastIndexOf('/') + 1 + at;
        const tampered = link.url.slice(0, i) + (link.url[i] === 'A' ? 'B' : 'A') + link.url.slice(i + 1);
        expect((await fetchBytes(tampered)).status).toBe(404);
      }
    });

    it('counters: the config counts the backup and its bytes', async () => {
      const cfg = await call('GET', `/admin/storage-configs/${platformConfigId}`, undefined, admin.token);
      expect(cfg.body).toMatchObject({ object_count: 1, total_size_bytes: backup.total_size_bytes });
      expect(cfg.body.last_used_at).not.toBeNull();
    });

    it('lists backups with filters and cursor pagination', async () => {
      const second = await backupOf(env.id);
      await waitForBackup(t, owner.token, second.id);
      const all = await listBackups({ environment_id: env.id });
      expect(all.items.map((b) => b.id)).toEqual([second.id, backup.id]);
      const p1 = await listBackups({ environment_id: env.id, limit: 1 });
      expect(p1.items.map((b) => b.id)).toEqual([second.id]);
      expect(p1.next_cursor).toEqual(expect.any(String));
      const p2 = await listBackups({ environment_id: env.id, limit: 1, cursor: p1.next_cursor ?? undefined });
      expect(p2.items.map((b) => b.id)).toEqual([backup.id]);
      expect(p2.next_cursor).toBeNull();
      // Raw request: the typed client cannot send a parameter the document no longer has. The offset
      // of earlier versions is refused, not silently ignored.
      const byOffset = await call('GET', `/backups/organization/${org.id}/backups?limit=1&offset=1`);
      expect(byOffset.status).toBe(400);
      expect((await listBackups({ status: 'failed' })).items).toEqual([]);
      // Clean: delete the second one and check the counters went back to one backup.
      expect((await call('DELETE', `/backups/${second.id}`)).status).toBe(204);
      const cfg = await call('GET', `/admin/storage-configs/${platformConfigId}`, undefined, admin.token);
      expect(cfg.body).toMatchObject({ object_count: 1, total_size_bytes: backup.total_size_bytes });
    });
  });

  describe('failures', () => {
    beforeAll(async () => {
      env = await production();
      platformConfigId = await platformLocal();
    });

    it('a database that refuses the login → failed with auth_failed and a clear message', async () => {
      const bad = await managed(envBody({ database: { ...envBody().database, username: 'no_such_role_y' } }));
      const b = await backupOf(bad.body.id);
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({ status: 'failed', error_code: 'auth_failed' });
      expect(done.error_message).toContain('no_such_role_y');
      expect(done.error_message).not.toContain(DB_PASSWORD);
    });

    it('an unreadable filestore → failed with filestore_unreadable naming the path, nothing stored', async () => {
      const bad = await managed(envBody({ filestore_path: '/nonexistent/offsite-fs' }));
      const b = await backupOf(bad.body.id);
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({ status: 'failed', error_code: 'filestore_unreadable', parts: [] });
      expect(done.error_message).toContain('/nonexistent/offsite-fs');
      expect(listLocal(localDir, b.object_prefix)).toEqual([]);
    });

    it('cancel stops a running backup (pg_dump killed, partial objects deleted) → failed / cancelled', async () => {
      const e = await managed(envBody({ filestore_path: bigFilestore }));
      const b = await backupOf(e.body.id);
      await waitForBackup(t, owner.token, b.id, { until: (x) => x.status !== 'pending' });
      const res = await call('POST', `/backups/${b.id}/cancel`);
      expect(res.status).toBe(200);
      expect(res.body.cancel_requested_at).not.toBeNull();
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({ status: 'failed', error_code: 'cancelled', parts: [] });
      expect(listLocal(localDir, b.object_prefix)).toEqual([]);
      const again = await call('POST', `/backups/${b.id}/cancel`);
      expect(again.status).toBe(409);
      // pg_dump was killed: no session of it is left on the source database.
      const sessions = await rawRows(
        t.db.url,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'offsite-backup'`,
        [source.name],
      );
      expect(sessions[0].n).toBe(0);
    });

    it('a pending backup is cancelled at once', async () => {
      // Two backups of one environment: one runs, the other waits (one backup per environment at a time).
      const e = await managed(envBody({ filestore_path: bigFilestore }));
      const ids = [(await backupOf(e.body.id)).id, (await backupOf(e.body.id)).id];
      let states: any[] = [];
      for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
        states = await Promise.all(ids.map(async (id) => (await call('GET', `/backups/${id}`)).body));
        if (states.some((b) => b.status === 'running')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(states.map((b) => b.status).sort()).toEqual(['pending', 'running']);
      const pending = states.find((b) => b.status === 'pending');
      const running = states.find((b) => b.status === 'running');
      const res = await call('POST', `/backups/${pending.id}/cancel`);
      expect(res.body).toMatchObject({ status: 'failed', error_code: 'cancelled' });
      await call('POST', `/backups/${running.id}/cancel`);
      await waitForBackup(t, owner.token, running.id);
      expect((await waitForBackup(t, owner.token, pending.id)).attempts).toBe(0);
    });

    it('a pg_dump older than the server → pg_dump_too_old naming both versions and the fix', async () => {
      // An old client: a PG_BIN_DIRS entry whose pg_dump reports 9.6. A second app on the same
      // database with that setting shows it in the environment test (its worker is off so that the
      // first app's worker, which has a good pg_dump, is not involved either way).
      const fake = mkdtempSync(path.join(os.tmpdir(), 'offsite-old-pgdump-'));
      writeFileSync(path.join(fake, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', {
        mode: 0o755,
      });
      const t2 = await startTestApp(
        { PG_BIN_DIRS: fake, WORKER_ENABLED: 'false', CREDENTIALS_KEYS: t.config.credentialsKeys },
        undefined,
        t.db,
      );
      try {
        const res = await t2.request('POST', `/environments/${env.id}/test`, { token: owner.token });
        expect(res.body.success).toBe(false);
        expect(res.body.database.ok).toBe(true);
        expect(res.body.pg_dump).toMatchObject({ ok: false, compatible: false, version: '9.6' });
        expect(res.body.pg_dump.message).toMatch(/PostgreSQL 1\d/);
        expect(res.body.pg_dump.message).toContain('9.6');
        expect(res.body.pg_dump.message).toContain('PG_BIN_DIRS');
        const { PgTools } = await import('../../src/modules/environments/pg-tools.service.js');
        const tools = t2.app.get(PgTools);
        await expect(tools.choose({ version: '15.4', major: 15 })).rejects.toMatchObject({
          code: 'pg_dump_too_old',
        });
      } finally {
        await t2.close();
        rmSync(fake, { recursive: true, force: true });
      }
    });
  });

  describe('backup to S3', () => {
    let bucket: string;
    let configId: string;

    /** An S3 config of the organization on a bucket of its own. */
    const s3Config = async (name: string) => {
      const b = `bk-${randomBytes(4).toString('hex')}`;
      await createBucket(s3, b);
      const res = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
        name,
        provider: 's3_compatible',
        endpoint_url: s3.endpoint,
        region: s3.region,
        bucket: b,
        access_key: s3.accessKey,
        secret_key: s3.secretKey,
        path_prefix: 'offsite/',
      });
      expect(res.status).toBe(201);
      return { bucket: b, configId: res.body.id as string };
    };
    /** A completed backup of the production environment on a config. */
    const completedOn = async (id: string) => {
      const b = await backupOf(env.id, { storage_config_id: id });
      return waitForBackup(t, owner.token, b.id);
    };

    beforeAll(async () => {
      env = await production();
      ({ bucket, configId } = await s3Config('s3 loopback'));
    });

    it('completes, stores under the path prefix, and presigned URLs (1 hour) return the exact bytes', async () => {
      const b = await backupOf(env.id, { storage_config_id: configId });
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({ status: 'completed', storage_config_id: configId });
      const keys = await listS3(s3, bucket, `offsite/${done.object_prefix}`);
      expect(keys.sort()).toEqual(
        ['database.sql.gz', 'filestore.tar.gz', 'metadata.json'].map(
          (f) => `offsite/${done.object_prefix}${f}`,
        ),
      );
      const { links, manifest } = await downloadAndCheck(b.id);
      for (const p of links.parts) {
        expect(p.url).toContain('X-Amz-Signature');
        expect(p.url).toContain('X-Amz-Expires=3600');
      }
      expect(manifest.storage).toMatchObject({ provider: 's3_compatible', path_prefix: 'offsite/' });
      expect(manifest.parts[0].key).toBe(`offsite/${done.object_prefix}database.sql.gz`);
    });

    it('zstd compression and the custom dump format (pg_restore) as environment options', async () => {
      const e = await managed(
        envBody({ compression: 'zstd', dump_format: 'custom', storage_config_id: configId }),
      );
      expect(e.status).toBe(201);
      const b = await backupOf(e.body.id);
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({
        status: 'completed',
        compression: 'zstd',
        dump_format: 'custom',
        storage_config_id: configId,
      });
      const { manifest, files } = await downloadAndCheck(b.id);
      expect(manifest.parts.map((p: any) => [p.file, p.compression, p.format])).toEqual([
        ['database.dump', 'none', 'custom'],
        ['filestore.tar.zst', 'zstd', 'tar'],
      ]);
      const work = mkdtempSync(path.join(os.tmpdir(), 'offsite-custom-'));
      try {
        writeFileSync(path.join(work, 'db.dump'), files['database.dump']!);
        const listing = execFileSync(pgTool('pg_restore'), ['--list', path.join(work, 'db.dump')], {
          encoding: 'utf8',
        });
        expect(listing).toContain('TABLE DATA public items');
        const { zstdDecompressSync } = await import('node:zlib');
        writeFileSync(path.join(work, 'fs.tar'), zstdDecompressSync(files['filestore.tar.zst']!));
        execFileSync('sh', ['-c', 'mkdir fs && tar --warning=no-unknown-keyword -xpf fs.tar -C fs'], {
          cwd: work,
        });
        expect(describeTree(path.join(work, 'fs'))).toEqual(describeTree(filestore));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    it('storage config delete is refused while backups exist; recount recomputes the counters', async () => {
      const { configId } = await s3Config('s3 with two backups');
      for (let i = 0; i < 2; i++) expect(await completedOn(configId)).toMatchObject({ status: 'completed' });
      const del = await call('DELETE', `/backups/storage-configs/${configId}`);
      expect(del.status).toBe(400);
      expect(del.body.detail).toBe(
        `Cannot delete storage config with 2 backups. Delete them, or move them to another storage config with POST /api/v1/backups/storage-configs/${configId}/migrations, first.`,
      );
      const before = await call('GET', `/backups/storage-configs/${configId}`);
      // Counters drift (e.g. a crash between the storage write and the counter update): recount fixes them.
      await rawQuery(
        t.db.url,
        'UPDATE storage_configs SET total_size_bytes = 1, object_count = 99 WHERE id = $1',
        [configId],
      );
      const re = await call('POST', `/backups/storage-configs/${configId}/recount`);
      expect(re.status).toBe(200);
      expect(re.body).toMatchObject({ object_count: 2, total_size_bytes: before.body.total_size_bytes });
    });

    it('deleting removes the objects and reverses the counters', async () => {
      const { bucket, configId } = await s3Config('s3 to empty');
      expect(await completedOn(configId)).toMatchObject({ status: 'completed' });
      const list = await call('GET', `/backups/organization/${org.id}/backups?storage_config_id=${configId}`);
      for (const b of list.body.items) expect((await call('DELETE', `/backups/${b.id}`)).status).toBe(204);
      expect(await listS3(s3, bucket, 'offsite/')).toEqual([]);
      const cfg = await call('GET', `/backups/storage-configs/${configId}`);
      expect(cfg.body).toMatchObject({ object_count: 0, total_size_bytes: 0 });
      expect((await call('DELETE', `/backups/storage-configs/${configId}`)).status).toBe(204);
    });
  });

  describe.each([
    ['sftp', startSftpServer],
    ['ftp', startFtpServer],
  ] as const)('backup to %s', (provider, start) => {
    let server: SftpTestServer | FtpTestServer;
    let configId: string;

    beforeAll(async () => {
      env = await production();
      server = await start();
      const res = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
        name: `${provider} loopback`,
        provider,
        host: server.host,
        port: server.port,
        access_key: server.user,
        secret_key: server.password,
        path_prefix: `offsite-${randomBytes(3).toString('hex')}/`,
      });
      expect(res.status).toBe(201);
      configId = res.body.id;
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('completes; every part downloads through signed Offsite links with the manifest sha256', async () => {
      const b = await backupOf(env.id, { storage_config_id: configId });
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({ status: 'completed', storage_config_id: configId });
      const { links, manifest } = await downloadAndCheck(b.id);
      expect(manifest.storage.provider).toBe(provider);
      for (const p of links.parts) expect(p.url).toContain('/api/v1/backups/files/');
      expect((await call('DELETE', `/backups/${b.id}`)).status).toBe(204);
      expect(await listConfig(configId, done.object_prefix)).toEqual([]);
    });
  });

  describe('unreachable storage (SFTP behind a relay that dies)', () => {
    let server: SftpTestServer;

    beforeAll(async () => {
      env = await production();
      server = await startSftpServer();
    });
    afterAll(async () => {
      await server?.stop();
    });

    const relayedConfig = async (port: number) => {
      const res = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
        name: `relayed ${randomBytes(2).toString('hex')}`,
        provider: 'sftp',
        host: '127.0.0.1',
        port,
        access_key: server.user,
        secret_key: server.password,
        path_prefix: `relayed-${randomBytes(3).toString('hex')}/`,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it('storage killed mid-upload → failed with a typed error, and nothing left behind', async () => {
      const relay = await startFaultRelay(server.host, server.port);
      const configId = await relayedConfig(relay.port);
      const e = await managed(envBody({ filestore_path: bigFilestore }));
      const b = await backupOf(e.body.id, { storage_config_id: configId });
      const deadline = Date.now() + 30_000;
      while (relay.bytesUp() < 4 * 1024 * 1024 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect((await call('GET', `/backups/${b.id}`)).body.status).toBe('running');
      relay.kill();
      const done = await waitForBackup(t, owner.token, b.id);
      expect(done).toMatchObject({ status: 'failed', error_code: 'endpoint_unreachable', parts: [] });
      expect(done.error_message).toMatch(/could not be reached|closed the connection/);
      // The storage was gone during the cleanup too: once it is back, the worker's sweep removes the partial objects.
      expect(
        (await call('PATCH', `/backups/storage-configs/${configId}`, { port: server.port })).status,
      ).toBe(200);
      await t.app.get(BackupRunnerService).sweep();
      expect(await listConfig(configId, '')).toEqual([]);
      await relay.close();
    });

    it('storage down during delete → 503, status delete_failed with the error; deleting again later works', async () => {
      const relay = await startFaultRelay(server.host, server.port);
      const configId = await relayedConfig(relay.port);
      const b = await backupOf(env.id, { storage_config_id: configId });
      expect((await waitForBackup(t, owner.token, b.id)).status).toBe('completed');
      relay.kill();
      const del = await call('DELETE', `/backups/${b.id}`);
      expect(del.status).toBe(503);
      expect(del.body.detail).toMatch(/kept/);
      const kept = await call('GET', `/backups/${b.id}`);
      expect(kept.body).toMatchObject({ status: 'delete_failed', error_code: 'endpoint_unreachable' });
      const cfg = await call('GET', `/backups/storage-configs/${configId}`);
      expect(cfg.body.object_count).toBe(1);
      expect(
        (await call('PATCH', `/backups/storage-configs/${configId}`, { port: server.port })).status,
      ).toBe(200);
      expect((await call('DELETE', `/backups/${b.id}`)).status).toBe(204);
      expect(await listConfig(configId, '')).toEqual([]);
      expect((await call('GET', `/backups/storage-configs/${configId}`)).body.object_count).toBe(0);
      await relay.close();
    });
  });

  describe('transient storage errors are retried', () => {
    it('the storage dies mid-upload; the retry (after a backoff) completes the backup cleanly', async () => {
      // Its own app and database: retries are a property of the queue, created by the first app.
      const email = `admin-r-${randomBytes(3).toString('hex')}@example.test`;
      const t3 = await startTestApp({ PLATFORM_ADMIN_EMAILS: email, BACKUP_RETRY_LIMIT: '1' });
      const server = await startSftpServer();
      const relay = await startFaultRelay(server.host, server.port);
      try {
        const a = await registerAndLogin(t3, { email });
        const o = await registerAndLogin(t3);
        const o2 = await createOrg(t3, o);
        const req = async (method: string, p: string, body?: unknown, token = o.token) =>
          t3.request(method, p, { token, body });
        await req(
          'PUT',
          '/backups/storage-settings',
          { allow_private_endpoints: true, allow_insecure_endpoints: true },
          a.token,
        );
        const cfg = await req('POST', `/backups/storage-configs?organization_id=${o2.id}`, {
          name: 'relayed',
          provider: 'sftp',
          host: '127.0.0.1',
          port: relay.port,
          access_key: server.user,
          secret_key: server.password,
          path_prefix: `retry-${randomBytes(3).toString('hex')}/`,
        });
        expect(cfg.status).toBe(201);
        const e = await createManagedEnvironment(t3, o2.id, envBody({ filestore_path: bigFilestore }));
        const b = await req('POST', `/backups?organization_id=${o2.id}`, { environment_id: e.body.id });
        expect(b.status).toBe(202);
        const deadline = Date.now() + 30_000;
        while (relay.bytesUp() < 4 * 1024 * 1024 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        relay.kill();
        // Back to pending with the transient error, then the storage is reachable again.
        const waiting = await waitForBackup(t3, o.token, b.body.id, { until: (x) => x.status !== 'running' });
        expect(waiting).toMatchObject({ status: 'pending', error_code: 'endpoint_unreachable', attempts: 1 });
        expect(
          (await req('PATCH', `/backups/storage-configs/${cfg.body.id}`, { port: server.port })).status,
        ).toBe(200);
        const done = await waitForBackup(t3, o.token, b.body.id, { timeoutMs: 60_000 });
        expect(done).toMatchObject({ status: 'completed', attempts: 2, error_code: null });
        const driver = await t3.app.get(StorageConnectionsService).openDriver(o2.id, cfg.body.id);
        try {
          const keys: string[] = [];
          for await (const x of driver.list(done.object_prefix)) keys.push(x.key);
          expect(keys.sort()).toEqual(done.parts.map((p: any) => p.key).sort());
        } finally {
          await driver.close();
        }
      } finally {
        await relay.close();
        await server.stop();
        await t3.close();
      }
    }, 120_000);
  });

  afterAll(() => {
    for (const b of bodies) expect(b).not.toContain(DB_PASSWORD);
  });
});

function listLocal(root: string, prefix: string): string[] {
  const dir = path.join(root, prefix);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function listS3(server: S3TestServer, bucket: string, prefix: string): Promise<string[]> {
  const client = new S3Client({
    region: server.region,
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKey, secretAccessKey: server.secretKey },
  });
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (out.Contents ?? []).map((o) => o.Key!);
  } finally {
    client.destroy();
  }
}

async function rawRows(url: string, sql: string, params: unknown[]): Promise<any[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

async function rawQuery(url: string, sql: string, params: unknown[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}
