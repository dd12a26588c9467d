import { randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  constants as fsConstants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createFilestore,
  createSourceDatabase,
  describeTree,
  waitForBackup,
} from '../support/backup-sources.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startFaultRelay, type FaultRelay } from '../support/fault-relay.js';
import {
  addMember,
  createManagedEnvironment,
  createOrg,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';

/**
 * The tenant boundary on the workers: what an organization may make Offsite read, dial and
 * overwrite. Every refusal is checked for its status and detail, and for having read or written
 * nothing (no environment saved, no backup object, target directory unchanged).
 */
describe('source boundary (real PostgreSQL, real files)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let viewer: TestUser;
  let org: TestOrg;
  let otherOrg: TestOrg;
  let base: string;
  let root: string;
  let outside: string;
  let source: TestDatabase & { tables: string[] };
  let relay: FaultRelay;
  const dbPort = () => Number(new URL(source.url).port || 5432);

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const envCount = async () =>
    (await call('GET', `/environments?organization_id=${org.id}`)).body.items.length;
  /** A tenant-defined environment: reaches the source database through the relay (not Offsite's own host:port). */
  const tenantBody = (over: Record<string, any> = {}) => ({
    name: `env-${randomBytes(3).toString('hex')}`,
    database: {
      host: '127.0.0.1',
      port: relay.port,
      name: source.name,
      username: 'postgres',
      sslmode: 'disable',
      ...(over.database ?? {}),
    },
    ...Object.fromEntries(Object.entries(over).filter(([k]) => k !== 'database')),
  });
  const expectRefused = async (body: unknown, field: string, detail: RegExp) => {
    const before = await envCount();
    const res = await call('POST', `/environments?organization_id=${org.id}`, body);
    expect({ status: res.status, text: res.text }).toMatchObject({ status: 400 });
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    expect(res.body.detail).toMatch(detail);
    expect(await envCount()).toBe(before);
  };

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_LOCAL_DEFAULT: 'true' });
    admin = await platformAdmin(t);
    owner = await registerAndLogin(t);
    viewer = await registerAndLogin(t);
    org = await createOrg(t, owner);
    otherOrg = await createOrg(t, await registerAndLogin(t));
    await addMember(t, org, owner, viewer, 'viewer');
    base = mkdtempSync(path.join(os.tmpdir(), 'offsite-roots-'));
    outside = mkdtempSync(path.join(os.tmpdir(), 'offsite-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'not yours\n');
    source = await createSourceDatabase(200);
    relay = await startFaultRelay('127.0.0.1', dbPort());
    const put = await call(
      'PUT',
      '/admin/source-settings',
      { filestore_roots: [path.join(base, '{organization_slug}')], source_networks: ['127.0.0.1/32'] },
      admin.token,
    );
    expect(put.status).toBe(200);
    root = path.join(base, org.slug);
  });

  afterAll(async () => {
    await relay?.close();
    await source?.drop();
    await t?.close();
    rmSync(base, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  describe('settings', () => {
    it('only platform admins read or change them; bad roots and networks are 400 naming the field', async () => {
      expect((await call('GET', '/admin/source-settings')).status).toBe(403);
      expect((await call('PUT', '/admin/source-settings', { allow_private_sources: true })).status).toBe(403);
      const got = await call('GET', '/admin/source-settings', undefined, admin.token);
      expect(got.body).toMatchObject({
        filestore_roots: [path.join(base, '{organization_slug}')],
        allow_private_sources: false,
        source_networks: ['127.0.0.1/32'],
      });
      for (const [body, field] of [
        [{ filestore_roots: ['relative/dir'] }, 'filestore_roots[0]'],
        [{ filestore_roots: ['/'] }, 'filestore_roots[0]'],
        [{ filestore_roots: [path.dirname(t.config.dataDir)] }, 'filestore_roots[0]'],
        [{ filestore_roots: ['/srv/x{organization_slug}'] }, 'filestore_roots[0]'],
        [{ source_networks: ['10.0.0.0/33'] }, 'source_networks[0]'],
      ] as const) {
        const res = await call('PUT', '/admin/source-settings', body, admin.token);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe(field);
      }
    });
  });

  describe('tenant-defined filestore paths', () => {
    it('refuses /, /etc, the data dir, another organization, .., the root itself, files and NUL', async () => {
      mkdirSync(root, { recursive: true });
      writeFileSync(path.join(root, 'a-file'), 'x');
      const cases: [string, RegExp][] = [
        ['/', /root directory/],
        ['/etc', /inside one of the platform's directories/],
        [t.config.dataDir, /belongs to Offsite itself|inside one of the platform's directories/],
        [
          path.join(t.config.dataDir, 'jwt-secret'),
          /inside one of the platform's directories|Offsite itself/,
        ],
        [path.join(base, otherOrg.slug, 'prod'), /another organization's directory|inside one of/],
        [path.join(root, '..', '..'), /inside one of the platform's directories/],
        [path.join(root, 'x', '..', '..', otherOrg.slug), /another organization|inside one of/],
        [root, /inside one of the platform's directories/],
        [path.join(root, 'a-file'), /not a directory/],
      ];
      for (const [p, detail] of cases)
        await expectRefused(tenantBody({ filestore_path: p }), 'filestore_path', detail);
      const nul = await call(
        'POST',
        `/environments?organization_id=${org.id}`,
        tenantBody({ filestore_path: `${root}/a\u0000b` }),
      );
      expect(nul.status).toBe(400);
    });

    it('refuses a symlink inside the root that points outside', async () => {
      symlinkSync(outside, path.join(root, 'escape'));
      await expectRefused(
        tenantBody({ filestore_path: path.join(root, 'escape') }),
        'filestore_path',
        /symbolic link/,
      );
      await expectRefused(
        tenantBody({ filestore_path: path.join(root, 'escape', 'deeper') }),
        'filestore_path',
        /symbolic link/,
      );
    });

    it('without roots, tenants cannot name a filestore path at all', async () => {
      await call('PUT', '/admin/source-settings', { filestore_roots: [] }, admin.token);
      try {
        await expectRefused(
          tenantBody({ filestore_path: path.join(root, 'prod') }),
          'filestore_path',
          /setting filestore_roots is empty/,
        );
      } finally {
        await call(
          'PUT',
          '/admin/source-settings',
          { filestore_roots: [path.join(base, '{organization_slug}')] },
          admin.token,
        );
      }
    });
  });

  describe('tenant-defined database hosts', () => {
    // Without the loopback network the other cases use for the relayed source.
    beforeAll(async () => {
      await call('PUT', '/admin/source-settings', { source_networks: [] }, admin.token);
    });
    afterAll(async () => {
      await call('PUT', '/admin/source-settings', { source_networks: ['127.0.0.1/32'] }, admin.token);
    });

    it.each([
      ['127.0.0.1', /loopback/],
      ['localhost', /loopback/],
      ['::1', /loopback/],
      ['[::ffff:127.0.0.1]', /loopback/],
      ['2130706433', /loopback/],
      ['0x7f000001', /loopback/],
      ['169.254.169.254', /link-local/],
      ['10.0.0.1', /private/],
      ['192.168.1.1', /private/],
    ])('refuses %s', async (host, detail) => {
      // 5439: a port nothing listens on and not the source relay (allowed by source_networks).
      await expectRefused(tenantBody({ database: { host, port: 5439 } }), 'database.host', detail);
    });

    // A name of the test's own in /etc/hosts pointing at loopback: what a DNS answer an attacker
    // controls would do. Root on CI; elsewhere skipped with the reason printed.
    const hostsWritable = (() => {
      try {
        accessSync('/etc/hosts', fsConstants.W_OK);
        return true;
      } catch {
        return false;
      }
    })();
    if (!hostsWritable)
      console.log(
        '[source-boundary] SKIPPED: /etc/hosts not writable: the resolves-to-loopback name case needs it',
      );
    (hostsWritable ? it : it.skip)('refuses a name that resolves to loopback', async () => {
      const name = `offsite-loop-${randomBytes(4).toString('hex')}.test`;
      const line = `127.0.0.1 ${name} # offsite source-boundary test\n`;
      appendFileSync('/etc/hosts', line);
      try {
        await expectRefused(
          tenantBody({ database: { host: name, port: 5439 } }),
          'database.host',
          /127\.0\.0\.1.*loopback|loopback.*127\.0\.0\.1/,
        );
      } finally {
        writeFileSync('/etc/hosts', readFileSync('/etc/hosts', 'utf8').replace(line, ''));
      }
    });

    it("refuses Offsite's own database server whatever the switches say, and Unix sockets", async () => {
      await call('PUT', '/admin/source-settings', { allow_private_sources: true }, admin.token);
      try {
        await expectRefused(
          tenantBody({ database: { host: '127.0.0.1', port: dbPort() } }),
          'database.host',
          /Offsite's own database server/,
        );
        await expectRefused(
          tenantBody({ database: { host: 'localhost', port: dbPort() } }),
          'database.host',
          /Offsite's own database server/,
        );
        await expectRefused(
          tenantBody({ database: { host: '/var/run/postgresql' } }),
          'database.host',
          /Unix socket/,
        );
      } finally {
        await call('PUT', '/admin/source-settings', { allow_private_sources: false }, admin.token);
      }
    });

    it('refuses database and user names that are options or connection strings', async () => {
      for (const [database, field] of [
        [{ name: '-f/tmp/x' }, 'database.name'],
        [{ name: 'host=evil dbname=x' }, 'database.name'],
        [{ name: 'postgresql://evil/x' }, 'database.name'],
        [{ username: '--help' }, 'database.username'],
        [{ host: '-oProxyCommand=x' }, 'database.host'],
        [{ host: 'a,b' }, 'database.host'],
      ] as const) {
        await expectRefused(tenantBody({ database }), field, /./);
      }
    });
  });

  describe('managed environments', () => {
    it("a platform admin may use the platform's server, never Offsite's own database or data dir", async () => {
      const ownDb = new URL(t.db.url).pathname.slice(1);
      const own = await createManagedEnvironment(t, org.id, {
        name: 'own-db',
        database: { host: '127.0.0.1', port: dbPort(), name: ownDb, username: 'postgres' },
      });
      expect(own.status).toBe(400);
      expect(own.body.detail).toMatch(/Offsite's own database/);
      const data = await createManagedEnvironment(t, org.id, {
        name: 'own-dir',
        database: { host: '127.0.0.1', port: dbPort(), name: source.name, username: 'postgres' },
        filestore_path: t.config.dataDir,
      });
      expect(data.status).toBe(400);
      expect(data.body.detail).toMatch(/Offsite itself/);
      const other = await createManagedEnvironment(t, org.id, {
        name: 'other-root',
        database: { host: '127.0.0.1', port: dbPort(), name: source.name, username: 'postgres' },
        filestore_path: path.join(base, otherOrg.slug, 'x'),
      });
      expect(other.status).toBe(400);
      expect(other.body.detail).toMatch(/another organization/);
    });

    it('the organization sees it as managed and cannot change its source or delete it (403)', async () => {
      const fs = createFilestore();
      try {
        const res = await createManagedEnvironment(t, org.id, {
          name: 'managed',
          database: { host: '127.0.0.1', port: dbPort(), name: source.name, username: 'postgres' },
          filestore_path: fs,
        });
        expect(res.status).toBe(201);
        expect(res.body.managed).toBe(true);
        const id = res.body.id;
        const patchDb = await call('PATCH', `/environments/${id}`, { database: { host: 'db.example.com' } });
        expect(patchDb.status).toBe(403);
        expect(patchDb.body.detail).toMatch(/managed by the platform/);
        expect((await call('PATCH', `/environments/${id}`, { filestore_path: root + '/x' })).status).toBe(
          403,
        );
        expect((await call('PATCH', `/environments/${id}`, { compression: 'zstd' })).status).toBe(200);
        expect((await call('DELETE', `/environments/${id}`)).status).toBe(403);
        const adminPatch = await call(
          'PATCH',
          `/admin/environments/${id}`,
          { filestore_path: '/etc/../' },
          admin.token,
        );
        expect(adminPatch.status).toBe(400);
        expect((await call('DELETE', `/admin/environments/${id}`, undefined, admin.token)).status).toBe(204);
      } finally {
        rmSync(fs, { recursive: true, force: true });
      }
    });
  });

  describe('POST /environments/{id}/test', () => {
    it('needs org.environment.update (a viewer gets 403)', async () => {
      mkdirSync(path.join(root, 'tested'), { recursive: true });
      const env = await call(
        'POST',
        `/environments?organization_id=${org.id}`,
        tenantBody({ filestore_path: path.join(root, 'tested') }),
      );
      expect(env.status).toBe(201);
      expect((await call('POST', `/environments/${env.body.id}/test`, undefined, viewer.token)).status).toBe(
        403,
      );
      const ok = await call('POST', `/environments/${env.body.id}/test`);
      expect(ok.status).toBe(200);
      expect(ok.body.database).toMatchObject({ ok: true, can_login: true });
    });
  });

  describe('checked again by the worker', () => {
    it('a filestore swapped for a symlink after saving: the backup fails source_forbidden, nothing stored', async () => {
      const dir = path.join(root, 'swapped');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'a.txt'), 'a');
      const env = await call(
        'POST',
        `/environments?organization_id=${org.id}`,
        tenantBody({ filestore_path: dir }),
      );
      expect(env.status).toBe(201);
      rmSync(dir, { recursive: true });
      symlinkSync(outside, dir);
      const b = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.body.id });
      expect(b.status).toBe(202);
      const done = await waitForBackup(t, owner.token, b.body.id);
      expect(done).toMatchObject({ status: 'failed', error_code: 'source_forbidden' });
      expect(done.error_message).toMatch(/symbolic link|outside/);
      const folder = path.join(t.config.storage.localDir, b.body.object_prefix);
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    });

    it('a restore target swapped for a symlink is refused; the outside directory is unchanged', async () => {
      const srcDir = path.join(root, 'restore-src');
      mkdirSync(srcDir, { recursive: true });
      writeFileSync(path.join(srcDir, 'data.bin'), randomBytes(1000));
      const srcEnv = await call(
        'POST',
        `/environments?organization_id=${org.id}`,
        tenantBody({ filestore_path: srcDir }),
      );
      const b = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: srcEnv.body.id });
      expect(await waitForBackup(t, owner.token, b.body.id)).toMatchObject({ status: 'completed' });

      const target = path.join(root, 'restore-target');
      mkdirSync(target);
      const scratch = await createTestDatabase('offsite_boundary_target');
      try {
        const targetEnv = await call(
          'POST',
          `/environments?organization_id=${org.id}`,
          tenantBody({ filestore_path: target, database: { name: scratch.name } }),
        );
        expect(targetEnv.status).toBe(201);
        rmSync(target, { recursive: true });
        symlinkSync(outside, target);
        const before = describeTree(outside);
        const res = await call('POST', `/backups/${b.body.id}/restore`, {
          target_environment_id: targetEnv.body.id,
          mode: 'replace',
        });
        expect(res.status).toBe(400);
        expect(res.body.detail).toMatch(/not allowed/);
        expect(describeTree(outside)).toEqual(before);
        expect(readdirSync(root).filter((n) => n.startsWith('restore-target.'))).toEqual([]);
      } finally {
        await scratch.drop();
      }
    });
  });

  describe('allowed', () => {
    it('a tenant-defined environment inside its root backs up and restores byte-identically', async () => {
      const srcDir = path.join(root, 'prod');
      mkdirSync(srcDir, { recursive: true });
      const fixture = createFilestore();
      try {
        rmSync(srcDir, { recursive: true });
        renameSync(fixture, srcDir);
      } finally {
        rmSync(fixture, { recursive: true, force: true });
      }
      const env = await call(
        'POST',
        `/environments?organization_id=${org.id}`,
        tenantBody({ filestore_path: srcDir }),
      );
      expect(env.status).toBe(201);
      expect(env.body.managed).toBe(false);
      const b = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.body.id });
      expect(await waitForBackup(t, owner.token, b.body.id)).toMatchObject({ status: 'completed' });

      const targetDir = path.join(root, 'staging');
      const targetDb = `${source.name}_b${randomBytes(2).toString('hex')}`;
      const target = await call(
        'POST',
        `/environments?organization_id=${org.id}`,
        tenantBody({ filestore_path: targetDir, database: { name: targetDb } }),
      );
      expect(target.status).toBe(201);
      // A missing database and directory are fine restore targets, not a broken environment.
      const probe = await call('POST', `/environments/${target.body.id}/test`);
      expect(probe.body).toMatchObject({
        success: true,
        backup_ready: false,
        database: {
          ok: true,
          can_login: true,
          exists: false,
          restorable_into: true,
          error_code: 'not_found',
        },
        filestore: { ok: true, exists: false },
      });
      const r = await call('POST', `/backups/${b.body.id}/restore`, {
        target_environment_id: target.body.id,
        mode: 'into_empty',
      });
      expect(r.status).toBe(202);
      let restore: any;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        restore = (await call('GET', `/restores/${r.body.id}`)).body;
        if (['completed', 'failed'].includes(restore.status)) break;
        await new Promise((res) => setTimeout(res, 200));
      }
      expect(restore).toMatchObject({ status: 'completed' });
      expect(describeTree(targetDir)).toEqual(describeTree(srcDir));
      const url = new URL(source.url);
      url.pathname = `/${targetDb}`;
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const n = await c.query<{ n: string }>('SELECT count(*) AS n FROM items');
        expect(Number(n.rows[0]!.n)).toBe(200);
      } finally {
        await c.end();
        const admin = new pg.Client({ connectionString: source.url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${targetDb}" WITH (FORCE)`).finally(() => admin.end());
      }
      expect(readFileSync(path.join(targetDir, 'ab/readme.txt'), 'utf8')).toContain('hello filestore');
    });
  });
});
