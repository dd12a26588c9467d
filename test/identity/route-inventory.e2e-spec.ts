import { listRoutes, fastifyRoutes, type RouteEntry } from '../../src/common/auth/route-inventory.js';
import { ROLE_PERMISSIONS, BUILT_IN_ROLES, isPermission } from '../../src/common/auth/permissions.js';
import { buildOpenApiDocument } from '../../src/common/openapi/openapi.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  addMember,
  createTenantFixture,
  fillRoute,
  registerAndLogin,
  type TenantFixture,
} from '../support/identity.js';

/**
 * Who may call what. Any change to routes or their access declaration changes this list: update it
 * in the same commit so the change is reviewed.
 */
const EXPECTED_ROUTES = `
GET /api/v1/admin/environments platform_admin
POST /api/v1/admin/environments platform_admin
DELETE /api/v1/admin/environments/:environment_id platform_admin
GET /api/v1/admin/environments/:environment_id platform_admin
PATCH /api/v1/admin/environments/:environment_id platform_admin
GET /api/v1/admin/migrations platform_admin
GET /api/v1/admin/migrations/:migration_id platform_admin
POST /api/v1/admin/migrations/:migration_id/cancel platform_admin
GET /api/v1/admin/source-settings platform_admin
PUT /api/v1/admin/source-settings platform_admin
GET /api/v1/admin/storage-configs platform_admin
POST /api/v1/admin/storage-configs platform_admin
DELETE /api/v1/admin/storage-configs/:storage_config_id platform_admin
GET /api/v1/admin/storage-configs/:storage_config_id platform_admin
PATCH /api/v1/admin/storage-configs/:storage_config_id platform_admin
GET /api/v1/admin/storage-configs/:storage_config_id/health platform_admin
POST /api/v1/admin/storage-configs/:storage_config_id/migrations platform_admin
POST /api/v1/admin/storage-configs/:storage_config_id/test platform_admin
POST /api/v1/admin/storage-configs/test-connection platform_admin
POST /api/v1/auth/login public
POST /api/v1/auth/logout authenticated
GET /api/v1/auth/me authenticated
POST /api/v1/auth/password-reset public
POST /api/v1/auth/password-reset/confirm public
POST /api/v1/auth/register public
POST /api/v1/backups org.backup.create
DELETE /api/v1/backups/:backup_id org.backup.delete
GET /api/v1/backups/:backup_id org.backup.list
PATCH /api/v1/backups/:backup_id org.backup.delete
POST /api/v1/backups/:backup_id/cancel org.backup.create
GET /api/v1/backups/:backup_id/download org.backup.download
GET /api/v1/backups/:backup_id/events org.backup.list
POST /api/v1/backups/:backup_id/restore org.backup.restore
POST /api/v1/backups/:backup_id/verify org.backup.restore
GET /api/v1/backups/files/:token public
GET /api/v1/backups/organization/:org_id/backups org.backup.list
GET /api/v1/backups/storage-configs org.storage.list
POST /api/v1/backups/storage-configs org.storage.create
DELETE /api/v1/backups/storage-configs/:config_id org.storage.delete
GET /api/v1/backups/storage-configs/:config_id org.storage.list
PATCH /api/v1/backups/storage-configs/:config_id org.storage.update
GET /api/v1/backups/storage-configs/:config_id/buckets org.storage.list
GET /api/v1/backups/storage-configs/:config_id/health org.storage.list
POST /api/v1/backups/storage-configs/:config_id/migrations org.storage.update
POST /api/v1/backups/storage-configs/:config_id/recount org.storage.update
POST /api/v1/backups/storage-configs/:config_id/test org.storage.list
POST /api/v1/backups/storage-configs/test-connection org.storage.create
GET /api/v1/backups/storage-settings authenticated
PUT /api/v1/backups/storage-settings platform_admin
GET /api/v1/environments org.environment.list
POST /api/v1/environments org.environment.create
DELETE /api/v1/environments/:environment_id org.environment.delete
GET /api/v1/environments/:environment_id org.environment.list
PATCH /api/v1/environments/:environment_id org.environment.update
GET /api/v1/environments/:environment_id/retention org.schedule.list
PUT /api/v1/environments/:environment_id/retention org.schedule.manage
POST /api/v1/environments/:environment_id/retention/preview org.schedule.list
GET /api/v1/environments/:environment_id/schedules org.schedule.list
POST /api/v1/environments/:environment_id/schedules org.schedule.manage
POST /api/v1/environments/:environment_id/test org.environment.update
GET /api/v1/health public
GET /api/v1/health/ready public
GET /api/v1/migrations org.storage.list
POST /api/v1/migrations org.storage.update
GET /api/v1/migrations/:migration_id org.storage.list
POST /api/v1/migrations/:migration_id/cancel org.storage.update
GET /api/v1/organizations authenticated
POST /api/v1/organizations authenticated
DELETE /api/v1/organizations/:org_id org.delete
GET /api/v1/organizations/:org_id org.read
PATCH /api/v1/organizations/:org_id org.manage
GET /api/v1/organizations/:org_id/audit-log org.audit.list
GET /api/v1/organizations/:org_id/backup-health org.backup.list
GET /api/v1/organizations/:org_id/members org.member.list
POST /api/v1/organizations/:org_id/members org.member.manage
DELETE /api/v1/organizations/:org_id/members/:user_id org.member.manage
PATCH /api/v1/organizations/:org_id/members/:user_id org.member.manage
GET /api/v1/organizations/:org_id/notification-channels org.notification.list
POST /api/v1/organizations/:org_id/notification-channels org.notification.manage
DELETE /api/v1/organizations/:org_id/notification-channels/:channel_id org.notification.manage
GET /api/v1/organizations/:org_id/notification-channels/:channel_id org.notification.list
PATCH /api/v1/organizations/:org_id/notification-channels/:channel_id org.notification.manage
GET /api/v1/organizations/:org_id/notification-channels/:channel_id/deliveries org.notification.list
POST /api/v1/organizations/:org_id/notification-channels/:channel_id/rotate-secret org.notification.manage
POST /api/v1/organizations/:org_id/notification-channels/:channel_id/test org.notification.manage
GET /api/v1/organizations/:org_id/roles org.role.list
POST /api/v1/organizations/:org_id/roles org.role.manage
DELETE /api/v1/organizations/:org_id/roles/:role_id org.role.manage
PATCH /api/v1/organizations/:org_id/roles/:role_id org.role.manage
GET /api/v1/restores org.backup.list
GET /api/v1/restores/:restore_id org.backup.list
POST /api/v1/restores/:restore_id/cancel org.backup.restore
GET /api/v1/restores/:restore_id/events org.backup.list
DELETE /api/v1/schedules/:schedule_id org.schedule.manage
GET /api/v1/schedules/:schedule_id org.schedule.list
PATCH /api/v1/schedules/:schedule_id org.schedule.manage
GET /api/v1/schedules/:schedule_id/next-runs org.schedule.list
POST /api/v1/schedules/:schedule_id/retention/preview org.schedule.list
GET /api/v1/schedules/:schedule_id/runs org.schedule.list
`
  .trim()
  .split('\n');

/**
 * Routes Fastify serves that are not Nest controllers: Swagger UI and its assets, and /metrics
 * (its own bearer METRICS_TOKEN, 404 when unset; test/metrics/metrics.e2e-spec.ts).
 */
const NON_NEST_ROUTE = /^\/api\/docs(\/|-json|-yaml|$)|^\/metrics$/;

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Reads and writes first, deletes last and deepest first, so a deleted fixture does not break later calls. */
function matrixOrder(a: RouteEntry, b: RouteEntry): number {
  const m = METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);
  if (m !== 0) return m;
  if (a.method !== 'DELETE') return a.path.localeCompare(b.path);
  // Deleting the organization itself comes after every other delete (shorter paths included).
  const orgLast = (r: RouteEntry) => (/\/organizations\/:org_id$/.test(r.path) ? 1 : 0);
  return orgLast(a) - orgLast(b) || b.path.length - a.path.length;
}

describe('route inventory and tenant isolation (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  let tenantRoutes: RouteEntry[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = listRoutes(t.app);
    tenantRoutes = routes.filter((r) => isPermission(r.access)).sort(matrixOrder);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every route declares its access, and the METHOD path access list is the reviewed one', () => {
    const lines = routes.map((r) => `${r.method} ${r.path} ${r.access}`);
    expect(lines.filter((l) => l.endsWith(' UNDECLARED'))).toEqual([]);
    expect(lines).toEqual(EXPECTED_ROUTES);
  });

  it('the inventory covers every route Fastify serves (nothing registered behind the guard’s back)', () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    const served = fastifyRoutes(fastify)
      .filter((r) => r.method !== 'HEAD' && !NON_NEST_ROUTE.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/\/$/, '') || '/'}`)
      .sort();
    expect(served.length).toBeGreaterThan(0);
    expect(served).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('the OpenAPI operation of every guarded route names its permission', () => {
    const doc = buildOpenApiDocument(t.app);
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const op = (doc.paths[r.path.replace(/:([a-z_]+)/g, '{$1}')] as Record<string, any>)[
        r.method.toLowerCase()
      ];
      expect({ route: `${r.method} ${r.path}`, x: op['x-permission'] }).toEqual({
        route: `${r.method} ${r.path}`,
        x: r.access,
      });
      expect(op.security).toEqual([{ bearer: [] }]);
      if (isPermission(r.access)) expect(op.description).toContain(`\`${r.access}\``);
    }
  });

  it('every non-public route answers 401 without a token', async () => {
    const f = await createTenantFixture(t);
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await t.request(r.method, fillRoute(r.path, f), {
        body: r.method === 'GET' ? undefined : {},
      });
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('a member of another organization gets 404 and no data from every tenant route', async () => {
    const victim = await createTenantFixture(t);
    const attacker = await createTenantFixture(t);
    const secrets = [
      victim.org.name,
      victim.org.slug,
      victim.owner.email,
      victim.spareMember.email,
      victim.customRole.name,
    ];
    expect(tenantRoutes.length).toBeGreaterThan(0);
    for (const r of tenantRoutes) {
      const url = fillRoute(r.path, victim);
      const variants = [url, `${url}${url.includes('?') ? '&' : '?'}organization_id=${attacker.org.id}`];
      for (const u of variants) {
        const res = await t.request(r.method, u, {
          token: attacker.owner.token,
          body: r.method === 'GET' ? undefined : { name: 'x', role: 'owner', email: attacker.owner.email },
        });
        expect({ route: `${r.method} ${u}`, status: res.status }).toEqual({
          route: `${r.method} ${u}`,
          status: 404,
        });
        for (const s of secrets) expect(res.text).not.toContain(s);
      }
    }
    // Nothing changed in the victim organization.
    const members = await t.request('GET', `/organizations/${victim.org.id}/members`, {
      token: victim.owner.token,
    });
    expect(members.body.items.map((m: { email: string }) => m.email).sort()).toEqual(
      [victim.owner.email, victim.spareMember.email].sort(),
    );
    const org = await t.request('GET', `/organizations/${victim.org.id}`, { token: victim.owner.token });
    expect(org.body.name).toBe(victim.org.name);
  });

  describe.each(BUILT_IN_ROLES)(
    'role %s: every tenant route allowed or denied as the role table says',
    (role) => {
      let f: TenantFixture;
      let caller: { token: string };

      beforeAll(async () => {
        f = await createTenantFixture(t);
        if (role === 'owner') {
          caller = f.owner;
        } else {
          const user = await registerAndLogin(t);
          await addMember(t, f.org, f.owner, user, role);
          caller = user;
        }
      });

      it('matches ROLE_PERMISSIONS', async () => {
        for (const r of tenantRoutes) {
          const res = await t.request(r.method, fillRoute(r.path, f), {
            token: caller.token,
            body: r.method === 'GET' ? undefined : {},
          });
          const route = `${r.method} ${r.path}`;
          if ((ROLE_PERMISSIONS[role] as readonly string[]).includes(r.access)) {
            expect({ route, allowed: ![401, 403, 404].includes(res.status) }).toEqual({
              route,
              allowed: true,
            });
          } else {
            expect({ route, status: res.status }).toEqual({ route, status: 403 });
            expect(res.body.permission).toBe(r.access);
            expect(res.body.detail).toContain(r.access);
            expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          }
        }
      });
    },
  );
});
