import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createOrg,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';

/**
 * An organization's `local` storage config names a directory on the platform's disk: only inside
 * the platform's local storage roots for that organization, never Offsite's own data or storage.
 * Each refusal is a 400 naming `bucket`, and no config is saved.
 */
describe('local storage configs are confined (HTTP, real files)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let otherOrg: TestOrg;
  let base: string;
  let root: string;
  let outside: string;

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const configCount = async () =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query('SELECT count(*) AS n FROM storage_configs WHERE organization_id = $1', [org.id])
      )[0].n,
    );
  const create = (fields: Record<string, unknown>) =>
    call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
      name: `local-${randomBytes(3).toString('hex')}`,
      provider: 'local',
      ...fields,
    });
  const expectRefused = async (fields: Record<string, unknown>, detail: RegExp) => {
    const before = await configCount();
    const res = await create(fields);
    expect({ status: res.status, text: res.text }).toMatchObject({ status: 400 });
    expect(res.body.errors.map((e: any) => e.field)).toContain('bucket');
    expect(res.body.detail).toMatch(detail);
    expect(await configCount()).toBe(before);
  };

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_LOCAL_DEFAULT: 'true' });
    admin = await platformAdmin(t);
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    otherOrg = await createOrg(t, await registerAndLogin(t));
    const settings = await call('GET', '/backups/storage-settings');
    const put = await call(
      'PUT',
      '/backups/storage-settings',
      { enabled_providers: [...settings.body.enabled_providers, 'local'] },
      admin.token,
    );
    expect(put.status).toBe(200);
    base = mkdtempSync(path.join(os.tmpdir(), 'offsite-local-roots-'));
    outside = mkdtempSync(path.join(os.tmpdir(), 'offsite-local-outside-'));
    root = path.join(base, org.slug);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(base, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('without local storage roots, organizations cannot create local configs', async () => {
    expect((await call('GET', '/backups/storage-settings')).body.local_storage_roots).toEqual([]);
    await expectRefused({ bucket: path.join(base, org.slug, 'x') }, /local_storage_roots is empty/);
  });

  it('bad roots are refused (400 naming the field)', async () => {
    for (const roots of [['relative'], ['/'], [path.dirname(t.config.dataDir)]]) {
      const res = await call('PUT', '/backups/storage-settings', { local_storage_roots: roots }, admin.token);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('local_storage_roots[0]');
    }
    const ok = await call(
      'PUT',
      '/backups/storage-settings',
      { local_storage_roots: [path.join(base, '{organization_slug}')] },
      admin.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.local_storage_roots).toEqual([path.join(base, '{organization_slug}')]);
    // Partial update: the providers stayed as they were.
    expect(ok.body.enabled_providers).toContain('local');
  });

  it('refuses a missing directory, /, Offsite data and storage, another organization, .. and symlinks out', async () => {
    mkdirSync(root, { recursive: true });
    symlinkSync(outside, path.join(root, 'escape'));
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /bucket .* is required for local storage/],
      [{ bucket: '/' }, /root directory/],
      [{ bucket: t.config.dataDir }, /inside one of the platform's directories/],
      [{ bucket: t.config.storage.localDir }, /inside one of the platform's directories/],
      [{ bucket: path.join(t.config.appDir, '.offsite') }, /inside one of the platform's directories/],
      [{ bucket: path.join(base, otherOrg.slug, 'b') }, /another organization|inside one of/],
      [{ bucket: path.join(root, '..', '..', 'etc') }, /inside one of the platform's directories/],
      [{ bucket: path.join(root, 'escape') }, /symbolic link/],
      [{ path: path.join(root, 'escape', 'sub') }, /symbolic link/],
    ];
    for (const [fields, detail] of cases) await expectRefused(fields, detail);
  });

  it('accepts `path` as the directory, tests it, and refuses it once swapped for a symlink', async () => {
    const dir = path.join(root, 'backups');
    const res = await create({ path: dir });
    expect(res.status).toBe(201);
    expect(res.body.bucket).toBe(dir);
    const test = await call('POST', `/backups/storage-configs/${res.body.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body.success).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    symlinkSync(outside, dir);
    const swapped = await call('POST', `/backups/storage-configs/${res.body.id}/test`);
    expect(swapped.status).toBe(400);
    expect(swapped.body.detail).toMatch(/symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(outside, '.offsite-test'))).toBe(false);
  });
});
