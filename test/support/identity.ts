import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
}

export interface TestOrg {
  id: string;
  name: string;
  slug: string;
}

const uniq = () => randomBytes(4).toString('hex');

function expectStatus(res: { status: number; text: string }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text}`);
}

/** Registers a fresh user (overrides for any field) and logs in. */
export async function registerAndLogin(
  t: TestApp,
  overrides: Partial<Pick<TestUser, 'email' | 'name' | 'password'>> = {},
): Promise<TestUser> {
  const id = uniq();
  const input = {
    email: overrides.email ?? `user-${id}@example.test`,
    name: overrides.name ?? `User ${id}`,
    password: overrides.password ?? `pw-${id}-long-enough`,
  };
  const reg = await t.request('POST', '/auth/register', { body: input });
  expectStatus(reg, 201, 'register');
  const login = await t.request('POST', '/auth/login', {
    body: { email: input.email, password: input.password },
  });
  expectStatus(login, 200, 'login');
  return { id: reg.body.id, ...input, email: reg.body.email, token: login.body.access_token };
}

const admins = new WeakMap<TestApp, Promise<TestUser>>();

/** A platform administrator of this app (granted in its database, then logged in), made once per app. */
export function platformAdmin(t: TestApp): Promise<TestUser> {
  let admin = admins.get(t);
  if (!admin) {
    admin = (async () => {
      const user = await registerAndLogin(t);
      await t.app.get(DataSource).query('UPDATE users SET is_platform_admin = true WHERE id = $1', [user.id]);
      const login = await t.request('POST', '/auth/login', {
        body: { email: user.email, password: user.password },
      });
      expectStatus(login, 200, 'admin login');
      return { ...user, token: login.body.access_token };
    })();
    admins.set(t, admin);
  }
  return admin;
}

/**
 * POST /admin/environments: the platform-managed environment (the platform hosts the organization's
 * database and files), which may use the platform's own database server (not its database) and
 * any directory outside Offsite's own. The raw response, so tests can assert refusals.
 */
export async function createManagedEnvironment(
  t: TestApp,
  organizationId: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: any; text: string }> {
  const admin = await platformAdmin(t);
  return t.request('POST', '/admin/environments', {
    token: admin.token,
    body: { organization_id: organizationId, ...body },
  });
}

export async function createOrg(
  t: TestApp,
  owner: TestUser,
  overrides: { name?: string; slug?: string } = {},
) {
  const res = await t.request('POST', '/organizations', {
    token: owner.token,
    body: { name: overrides.name ?? `Org ${uniq()}`, ...(overrides.slug ? { slug: overrides.slug } : {}) },
  });
  expectStatus(res, 201, 'create organization');
  return res.body as TestOrg;
}

export async function addMember(
  t: TestApp,
  org: TestOrg,
  by: TestUser,
  user: TestUser,
  role: string,
): Promise<void> {
  const res = await t.request('POST', `/organizations/${org.id}/members`, {
    token: by.token,
    body: { email: user.email, role },
  });
  expectStatus(res, 201, `add member as ${role}`);
}

/** A fresh organization (owned by a fresh owner) and a fresh user holding `role` in it. */
export async function createOrgWithRole(
  t: TestApp,
  role: string,
): Promise<{ org: TestOrg; owner: TestUser; user: TestUser }> {
  const owner = await registerAndLogin(t);
  const org = await createOrg(t, owner);
  if (role === 'owner') return { org, owner, user: owner };
  const user = await registerAndLogin(t);
  await addMember(t, org, owner, user, role);
  return { org, owner, user };
}

export async function createCustomRole(
  t: TestApp,
  org: TestOrg,
  by: TestUser,
  permissions: string[],
  name = `role-${uniq()}`,
): Promise<{ id: string; name: string }> {
  const res = await t.request('POST', `/organizations/${org.id}/roles`, {
    token: by.token,
    body: { name, permissions },
  });
  expectStatus(res, 201, 'create custom role');
  return res.body;
}

/**
 * An organization with one of everything a tenant route can address, for the route matrices.
 * Later modules add their resources here (and a PARAM_FIXTURES entry per new path parameter).
 */
export interface TenantFixture {
  org: TestOrg;
  owner: TestUser;
  /** A viewer that routes addressing `:user_id` act on. */
  spareMember: TestUser;
  customRole: { id: string; name: string };
  storageConfig: { id: string };
  environment: { id: string };
  backup: { id: string };
  restore: { id: string };
  notificationChannel: { id: string };
  schedule: { id: string };
  migration: { id: string };
}

export async function createTenantFixture(t: TestApp): Promise<TenantFixture> {
  const owner = await registerAndLogin(t);
  const org = await createOrg(t, owner, { name: `Tenant ${uniq()}` });
  const spareMember = await registerAndLogin(t);
  await addMember(t, org, owner, spareMember, 'viewer');
  const customRole = await createCustomRole(t, org, owner, ['org.read']);
  const storageConfig = await createStorageConfig(t, org, owner);
  const environment = await createEnvironment(t, org, owner);
  const backup = await t.request('POST', `/backups?organization_id=${org.id}`, {
    token: owner.token,
    body: { environment_id: environment.id },
  });
  expectStatus(backup, 202, 'create backup');
  // A restore needs a completed backup; the fixture's backup never completes, so a finished
  // restore row stands in (routes addressed by :restore_id only need one to exist).
  const restore = { id: randomUUID() };
  await t.app.get(DataSource).query(
    `INSERT INTO restores (id, organization_id, backup_id, target_environment_id, kind, mode, status, error_code)
       VALUES ($1, $2, $3, $4, 'restore', 'replace', 'failed', 'cancelled')`,
    [restore.id, org.id, backup.body.id, environment.id],
  );
  // A webhook channel row without a secret: a test delivery of it fails at once, nothing is dialled.
  const notificationChannel = { id: randomUUID() };
  await t.app.get(DataSource).query(
    `INSERT INTO notification_channels (id, organization_id, name, kind, url, events)
       VALUES ($1, $2, 'fixture channel', 'webhook', 'https://127.0.0.1:1/hook', '{backup.failed}')`,
    [notificationChannel.id, org.id],
  );
  const schedule = await t.request('POST', `/environments/${environment.id}/schedules`, {
    token: owner.token,
    body: { name: `schedule-${uniq()}`, cron: '@daily', timezone: 'UTC' },
  });
  expectStatus(schedule, 201, 'create schedule');
  // A finished migration row (routes addressed by :migration_id only need one to exist).
  const migration = { id: randomUUID() };
  await t.app.get(DataSource).query(
    `INSERT INTO backup_migrations (id, organization_id, source_storage_config_id, target_storage_config_id, status)
       VALUES ($1, $2, $3, $3, 'cancelled')`,
    [migration.id, org.id, storageConfig.id],
  );
  return {
    org,
    owner,
    spareMember,
    customRole,
    storageConfig,
    environment,
    backup: backup.body,
    restore,
    notificationChannel,
    schedule: schedule.body,
    migration,
  };
}

/** How to fill each path parameter of a tenant route. A route with a parameter missing here fails the matrices. */
export const PARAM_FIXTURES: Record<string, (f: TenantFixture) => string> = {
  org_id: (f) => f.org.id,
  user_id: (f) => f.spareMember.id,
  role_id: (f) => f.customRole.id,
  config_id: (f) => f.storageConfig.id,
  environment_id: (f) => f.environment.id,
  backup_id: (f) => f.backup.id,
  restore_id: (f) => f.restore.id,
  channel_id: (f) => f.notificationChannel.id,
  schedule_id: (f) => f.schedule.id,
  migration_id: (f) => f.migration.id,
  // Platform (admin) routes: an id of the fixture's org config is fine, they only need a value.
  storage_config_id: (f) => f.storageConfig.id,
};

const privateSourcesOpened = new WeakMap<TestApp, Promise<void>>();

/**
 * A tenant-defined environment (what the route matrices address); its database server does not
 * exist (127.0.0.1:1, allowed by opening private sources on this app), so a backup of it fails
 * fast without touching storage.
 */
export async function createEnvironment(
  t: TestApp,
  org: TestOrg,
  by: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  let opened = privateSourcesOpened.get(t);
  if (!opened) {
    opened = platformAdmin(t).then(async (admin) => {
      const res = await t.request('PUT', '/admin/source-settings', {
        token: admin.token,
        body: { allow_private_sources: true },
      });
      expectStatus(res, 200, 'open private sources');
    });
    privateSourcesOpened.set(t, opened);
  }
  await opened;
  const res = await t.request('POST', `/environments?organization_id=${org.id}`, {
    token: by.token,
    body: {
      name: `env-${uniq()}`,
      database: {
        host: '127.0.0.1',
        port: 1,
        name: 'offsite_fixture_missing_db',
        username: 'postgres',
        password: 'fixture-db-password',
        sslmode: 'disable',
      },
      ...overrides,
    },
  });
  expectStatus(res, 201, 'create environment');
  return res.body;
}

/** A storage config that needs no server to exist (Cloudflare R2 shape; nothing is dialled on create). */
export async function createStorageConfig(
  t: TestApp,
  org: TestOrg,
  by: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const res = await t.request('POST', `/backups/storage-configs?organization_id=${org.id}`, {
    token: by.token,
    body: {
      name: `Storage ${uniq()}`,
      provider: 'cloudflare_r2',
      bucket: 'fixture-bucket',
      account_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      access_key: 'FIXTUREACCESSKEY',
      secret_key: 'fixture-secret-key',
      ...overrides,
    },
  });
  expectStatus(res, 201, 'create storage config');
  return res.body;
}

/** A concrete URL (below /api/v1) for a route path like /api/v1/organizations/:org_id/members/:user_id. */
export function fillRoute(path: string, f: TenantFixture): string {
  const url = path.replace(/^\/api\/v1/, '').replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const fill = PARAM_FIXTURES[name];
    if (!fill)
      throw new Error(
        `No PARAM_FIXTURES entry for :${name} (route ${path}); add one in test/support/identity.ts`,
      );
    return fill(f);
  });
  return path.includes(':org_id') ? url : `${url}${url.includes('?') ? '&' : '?'}organization_id=${f.org.id}`;
}
