import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { generateKeySpec } from '../../src/common/crypto/credentials-cipher.js';
import { StorageConfigsService } from '../../src/modules/storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../../src/modules/storage-configs/storage-connections.service.js';
import { StorageCredentialRotation } from '../../src/modules/storage-configs/storage-credential-rotation.service.js';
import { apiClient, ok, problem, type OffsiteClient, type Schemas } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startDenyListBucketsProxy } from '../support/deny-list-buckets.proxy.js';
import { createOrg, registerAndLogin, type TestOrg, type TestUser } from '../support/identity.js';
import {
  createBucket,
  REAL_S3,
  skipReason,
  startS3Server,
  type S3TestServer,
} from '../support/storage-servers.js';

const ADMIN_EMAIL = `admin-${randomBytes(3).toString('hex')}@example.test`;
// Distinctive secrets: the suite asserts none of them ever appears in any response body.
const SECRET = `sk-${randomBytes(12).toString('hex')}-SECRET`;
const ACCESS = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
const R2_ACCOUNT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

const SEED_CREATE_FIELDS = [
  'id',
  'organization_id',
  'name',
  'provider',
  'bucket',
  'region',
  'endpoint_url',
  'path_prefix',
  'storage_class',
  'is_default',
  'is_active',
  'total_size_bytes',
  'object_count',
  'last_used_at',
  'created_at',
  'updated_at',
];

/** A case that needs the real S3 server: on s3rver it is skipped visibly, with the reason printed. */
function onRealS3(reason: string) {
  if (REAL_S3) return it;
  return (name: string, fn: () => Promise<void>) => {
    skipReason(`${name} — ${reason}`);
    it.skip(`${name} [${reason}]`, fn);
  };
}

describe('storage configurations (seed 001 API, real PostgreSQL, real S3 server, generated client)', () => {
  type CreateBody = Schemas['CreateStorageConfigDto'];
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let s3: S3TestServer;
  /** Clients per caller; every response body they receive is kept for the secrets check. */
  let asOwner: OffsiteClient;
  let asAdmin: OffsiteClient;
  const bodies: string[] = [];
  const as = (user: TestUser) => apiClient(t, user.token, (text) => bodies.push(text));
  const CONFIGS = '/api/v1/backups/storage-configs';
  const CONFIG = '/api/v1/backups/storage-configs/{config_id}';
  const orgQuery = (orgId: string) => ({ params: { query: { organization_id: orgId } } });
  const byId = (config_id: string) => ({ params: { path: { config_id } } });
  const create = (client: OffsiteClient, orgId: string, body: CreateBody) =>
    client.POST(CONFIGS, { ...orgQuery(orgId), body });
  const settings = (body: Schemas['UpdateStorageSettingsDto']) =>
    asAdmin.PUT('/api/v1/backups/storage-settings', { body });
  const r2Body = (over: Partial<CreateBody> = {}): CreateBody => ({
    name: 'Production Backups',
    provider: 'cloudflare_r2',
    bucket: 'oecsh-backups',
    account_id: R2_ACCOUNT,
    access_key: `  ${ACCESS}  `,
    secret_key: SECRET,
    path_prefix: 'backups/',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL });
    admin = await registerAndLogin(t, { email: ADMIN_EMAIL });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    asOwner = as(owner);
    asAdmin = as(admin);
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
    await t?.close();
  });

  it('GET /backups/storage-settings has exactly the seed fields plus the endpoint switches and local roots', async () => {
    const body = ok(await asOwner.GET('/api/v1/backups/storage-settings'), 200);
    expect(Object.keys(body).sort()).toEqual(
      [
        'allow_insecure_endpoints',
        'allow_org_byos',
        'allow_private_endpoints',
        'default_storage',
        'enabled_providers',
        'failed_backups_keep_days',
        'has_default_storage',
        'local_storage_roots',
        'min_schedule_interval_minutes',
        'storage_probe_interval_minutes',
        'freshness_late_factor',
        'freshness_stale_factor',
      ].sort(),
    );
    expect(body).toMatchObject({
      storage_probe_interval_minutes: 60,
      freshness_late_factor: 1.5,
      freshness_stale_factor: 3,
    });
    expect(body.enabled_providers).toEqual(
      expect.arrayContaining(['aws_s3', 'cloudflare_r2', 'backblaze_b2', 'minio', 'sftp', 'ftp']),
    );
    expect(body.enabled_providers).not.toContain('local');
    expect(body).toMatchObject({
      allow_org_byos: true,
      has_default_storage: false,
      default_storage: null,
      min_schedule_interval_minutes: 60,
      failed_backups_keep_days: 30,
    });
  });

  it('PUT /backups/storage-settings changes single providers with enable_providers / disable_providers', async () => {
    const before = ok(await asOwner.GET('/api/v1/backups/storage-settings'), 200).enabled_providers;
    const changed = ok(await settings({ enable_providers: ['local'], disable_providers: ['ftp'] }), 200);
    expect([...changed.enabled_providers].sort()).toEqual(
      [...before.filter((p) => p !== 'ftp'), 'local'].sort(),
    );
    const both = problem(await settings({ enabled_providers: ['sftp'], enable_providers: ['local'] }), 400);
    expect(JSON.stringify(both)).toMatch(/either the whole list/);
    problem(await settings({ enable_providers: ['ftp'], disable_providers: ['ftp'] }), 400);
    const back = ok(await settings({ enabled_providers: before }), 200);
    expect(back.enabled_providers).toEqual(before);
  });

  it('PUT /backups/storage-settings is for platform admins only', async () => {
    problem(await asOwner.PUT('/api/v1/backups/storage-settings', { body: { allow_org_byos: false } }), 403);
    const changed = ok(await settings({ allow_private_endpoints: false }), 200);
    expect(changed.allow_private_endpoints).toBe(false);
  });

  it('creates a config with the seed response shape; credentials trimmed, never returned', async () => {
    const body = ok(await create(asOwner, org.id, r2Body()), 201);
    for (const f of SEED_CREATE_FIELDS) expect(body).toHaveProperty(f);
    expect(body).toMatchObject({
      organization_id: org.id,
      name: 'Production Backups',
      provider: 'cloudflare_r2',
      bucket: 'oecsh-backups',
      region: 'auto',
      endpoint_url: null,
      path_prefix: 'backups/',
      storage_class: null,
      is_default: true,
      is_active: true,
      total_size_bytes: 0,
      object_count: 0,
      last_used_at: null,
      has_secret: true,
      access_key_hint: `…${ACCESS.slice(-4)}`,
    });
    expect(typeof body.total_size_bytes).toBe('number');
    expect(body).not.toHaveProperty('secret_key');
    expect(body).not.toHaveProperty('access_key');
  });

  it('lists configs with the seed list fields', async () => {
    const list = ok(await asOwner.GET(CONFIGS, orgQuery(org.id)), 200);
    expect(Array.isArray(list)).toBe(true);
    for (const f of [
      'id',
      'name',
      'provider',
      'bucket',
      'is_default',
      'is_active',
      'total_size_bytes',
      'object_count',
      'last_used_at',
      'created_at',
      'updated_at',
    ]) {
      expect(list[0]).toHaveProperty(f);
    }
  });

  it('applies provider rules with 400s naming the field', async () => {
    const cases: [Partial<CreateBody>, string, RegExp][] = [
      [{ account_id: undefined }, 'account_id', /Account ID is required for Cloudflare R2/],
      [{ account_id: 'xyz' }, 'account_id', /32-character hexadecimal/],
      [{ provider: 'backblaze_b2', account_id: undefined }, 'region', /region is required/],
      [{ provider: 'minio', account_id: undefined }, 'endpoint_url', /endpoint_url is required/],
      [{ provider: 'sftp', bucket: undefined }, 'host', /host is required/],
      [{ secret_key: undefined }, 'secret_key', /secret_key is required/],
    ];
    for (const [over, field, message] of cases) {
      const res = await create(asOwner, org.id, r2Body(over));
      expect({ over, status: res.response.status }).toEqual({ over, status: 400 });
      const p = problem(res, 400);
      expect((p.errors ?? []).map((e) => e.field)).toContain(field);
      expect(p.detail).toMatch(message);
    }
  });

  it('refuses private, loopback and metadata endpoints unless the platform allows them (SSRF)', async () => {
    const base: CreateBody = {
      name: 'x',
      provider: 's3_compatible',
      bucket: 'bkt',
      access_key: ACCESS,
      secret_key: SECRET,
    };
    const forbidden = [
      'https://127.0.0.1:9000',
      'https://169.254.169.254',
      'https://10.1.2.3',
      'https://localhost:9000',
    ];
    for (const endpoint of forbidden) {
      const res = await create(asOwner, org.id, { ...base, endpoint_url: endpoint });
      expect({ endpoint, status: res.response.status }).toEqual({ endpoint, status: 400 });
      expect(problem(res, 400).errors?.[0]?.field).toBe('endpoint_url');
    }
    const sftp = await asOwner.POST('/api/v1/backups/storage-configs/test-connection', {
      ...orgQuery(org.id),
      body: { name: 'x', provider: 'sftp', host: '127.0.0.1', access_key: 'u', secret_key: SECRET },
    });
    expect(problem(sftp, 400).errors?.[0]?.field).toBe('host');
    const insecure = await create(asOwner, org.id, { ...base, endpoint_url: 'http://s3.example.com' });
    expect(problem(insecure, 400).errors?.[0]?.field).toBe('endpoint_url');
  });

  it('keeps exactly one default, also under 50 concurrent "set default" requests', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = ok(await create(asOwner, org.id, r2Body({ name: `c${i}` })), 201);
      expect(created.is_default).toBe(false);
      ids.push(created.id);
    }
    const moved = ok(await asOwner.PATCH(CONFIG, { ...byId(ids[0]!), body: { is_default: true } }), 200);
    expect(moved.is_default).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        asOwner.PATCH(CONFIG, { ...byId(ids[i % ids.length]!), body: { is_default: true } }),
      ),
    );
    expect(results.map((r) => r.response.status).filter((s) => s !== 200)).toEqual([]);
    const list = ok(await asOwner.GET(CONFIGS, orgQuery(org.id)));
    expect(list.filter((c) => c.is_default)).toHaveLength(1);
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM storage_configs WHERE organization_id = $1 AND is_default',
      [org.id],
    );
    await db.end();
    expect(rows[0].n).toBe(1);
  });

  it('PATCH without secret_key keeps the stored secret; with one replaces it', async () => {
    const created = ok(await create(asOwner, org.id, r2Body({ name: 'patch-me' })), 201);
    const svc = t.app.get(StorageConnectionsService);
    const renamed = ok(await asOwner.PATCH(CONFIG, { ...byId(created.id), body: { name: 'renamed' } }), 200);
    expect(renamed.name).toBe('renamed');
    expect((await svc.loadTarget(org.id, created.id)).secretKey).toBe(SECRET);
    ok(await asOwner.PATCH(CONFIG, { ...byId(created.id), body: { secret_key: `${SECRET}-2` } }), 200);
    expect((await svc.loadTarget(org.id, created.id)).secretKey).toBe(`${SECRET}-2`);
  });

  it('stores credentials encrypted (AES-256-GCM, key id prefix), not in plain text', async () => {
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const { rows } = await db.query(
      'SELECT access_key_enc, secret_key_enc FROM storage_configs WHERE organization_id = $1',
      [org.id],
    );
    await db.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.secret_key_enc).toMatch(/^v1\./);
      expect(r.secret_key_enc).not.toContain(SECRET);
      expect(r.access_key_enc).not.toContain(ACCESS);
    }
  });

  it('refuses deleting a config that stores backups, with the real count', async () => {
    const created = ok(await create(asOwner, org.id, r2Body({ name: 'has-backups' })), 201);
    // The guard counts the backups catalog (not the usage counter): 42 catalog rows stored with it.
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const envId = randomUUID();
    await db.query(
      `INSERT INTO environments (id, organization_id, name, db_host, db_port, db_name, db_username)
       VALUES ($1, $2, 'guard-env', '127.0.0.1', 5432, 'x', 'x')`,
      [envId, org.id],
    );
    await db.query(
      `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status, dump_format, compression)
       SELECT gen_random_uuid(), $1, $2, $3, 'p/' || g || '/', 'completed', 'plain', 'gzip' FROM generate_series(1, 42) g`,
      [org.id, envId, created.id],
    );
    await db.end();
    const refused = problem(await asOwner.DELETE(CONFIG, byId(created.id)), 400);
    expect(refused.detail).toBe(
      `Cannot delete storage config with 42 backups. Delete them, or move them to another storage config with POST /api/v1/backups/storage-configs/${created.id}/migrations, first.`,
    );
    const empty = ok(await create(asOwner, org.id, r2Body({ name: 'empty' })), 201);
    expect((await asOwner.DELETE(CONFIG, byId(empty.id))).response.status).toBe(204);
    problem(await asOwner.GET(CONFIG, byId(empty.id)), 404);
  });

  it('deleting the default promotes the most recently used active config (then the newest)', async () => {
    const o = await createOrg(t, owner);
    const make = async (name: string, over: Partial<CreateBody> = {}) =>
      ok(await create(asOwner, o.id, r2Body({ name, ...over })), 201).id;
    const first = await make('first');
    const used = await make('used long ago');
    const newest = await make('newest, never used');
    const inactive = await make('inactive, used yesterday', { is_active: false });
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE storage_configs SET last_used_at = now() - interval '30 days' WHERE id = $1`, [
      used,
    ]);
    await db.query(`UPDATE storage_configs SET last_used_at = now() - interval '1 day' WHERE id = $1`, [
      inactive,
    ]);
    await db.end();
    const defaults = async () =>
      ok(await asOwner.GET(CONFIGS, orgQuery(o.id)))
        .filter((c) => c.is_default)
        .map((c) => c.id);

    expect(await defaults()).toEqual([first]);
    expect((await asOwner.DELETE(CONFIG, byId(first))).response.status).toBe(204);
    expect(await defaults()).toEqual([used]);
    expect((await asOwner.DELETE(CONFIG, byId(used))).response.status).toBe(204);
    expect(await defaults()).toEqual([newest]);
    expect((await asOwner.DELETE(CONFIG, byId(newest))).response.status).toBe(204);
    // Only an inactive config is left: it does not become the default.
    expect(await defaults()).toEqual([]);
    expect((await asOwner.DELETE(CONFIG, byId(inactive))).response.status).toBe(204);
  });

  it('checks bucket-name syntax per provider at save, naming the rule', async () => {
    const r2 = problem(await create(asOwner, org.id, r2Body({ bucket: 'x' })), 400);
    expect(r2.errors).toEqual([
      { field: 'bucket', messages: ['bucket must be 3 to 63 characters for cloudflare_r2'] },
    ]);
    const dots = problem(await create(asOwner, org.id, r2Body({ bucket: 'my.bucket' })), 400);
    expect(dots.errors?.[0]?.field).toBe('bucket');
    const listed = problem(await create(asOwner, org.id, r2Body({ buckets: ['good-name', 'B'] })), 400);
    expect(listed.errors?.[0]?.field).toBe('buckets.1');
    const created = ok(await create(asOwner, org.id, r2Body({ name: 'renamed bucket' })), 201);
    const patched = problem(await asOwner.PATCH(CONFIG, { ...byId(created.id), body: { bucket: 'b' } }), 400);
    expect(patched.errors?.[0]?.field).toBe('bucket');
    await asOwner.DELETE(CONFIG, byId(created.id));
  });

  it('masks short access keys and user names entirely in access_key_hint', async () => {
    const short = ok(await create(asOwner, org.id, r2Body({ name: 'short key', access_key: 'abcd' })), 201);
    expect(short.access_key_hint).toBe('****');
    const medium = ok(
      await asOwner.PATCH(CONFIG, { ...byId(short.id), body: { access_key: 'backup-user' } }),
      200,
    );
    expect(medium.access_key_hint).toBe('****');
    const long = ok(
      await asOwner.PATCH(CONFIG, { ...byId(short.id), body: { access_key: 'AKIAEXAMPLEKEY12' } }),
      200,
    );
    expect(long.access_key_hint).toBe('…EY12');
    // A hint shorter than 4 characters (a short key saved before masking) is masked on the way out.
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE storage_configs SET access_key_hint = 'ab' WHERE id = $1`, [short.id]);
    await db.end();
    expect(ok(await asOwner.GET(CONFIG, byId(short.id)), 200).access_key_hint).toBe('****');
    await asOwner.DELETE(CONFIG, byId(short.id));
  });

  it("hides another organization's configs (404) and checks permissions (viewer cannot create)", async () => {
    const outsider = await registerAndLogin(t);
    await createOrg(t, outsider);
    const asOutsider = as(outsider);
    const id = ok(await asOwner.GET(CONFIGS, orgQuery(org.id)))[0]!.id;
    problem(await asOutsider.GET(CONFIG, byId(id)), 404);
    problem(await asOutsider.PATCH(CONFIG, { ...byId(id), body: { name: 'x' } }), 404);
    problem(await asOutsider.POST('/api/v1/backups/storage-configs/{config_id}/test', byId(id)), 404);
    problem(await asOutsider.DELETE(CONFIG, byId(id)), 404);
    const viewer = await registerAndLogin(t);
    ok(
      await asOwner.POST('/api/v1/organizations/{org_id}/members', {
        params: { path: { org_id: org.id } },
        body: { email: viewer.email, role: 'viewer' },
      }),
      201,
    );
    const denied = problem(await create(as(viewer), org.id, r2Body()), 403);
    expect(denied.detail).toMatch(/org\.storage\.create/);
    expect(denied.permission).toBe('org.storage.create');
  });

  describe('test connection against an S3 server on loopback', () => {
    let bucket: string;
    const s3Body = (over: Partial<CreateBody> = {}): CreateBody => ({
      name: 'loopback s3',
      provider: 's3_compatible',
      endpoint_url: s3.endpoint,
      region: s3.region,
      bucket,
      access_key: s3.accessKey,
      secret_key: s3.secretKey,
      path_prefix: 'offsite-test/',
      ...over,
    });
    const testUnsaved = (body: CreateBody) =>
      asOwner.POST('/api/v1/backups/storage-configs/test-connection', { ...orgQuery(org.id), body });

    beforeAll(async () => {
      bucket = `cfg-${randomBytes(4).toString('hex')}`;
      await createBucket(s3, bucket);
      ok(await settings({ allow_private_endpoints: true, allow_insecure_endpoints: true }), 200);
    });

    it('unsaved config: 200 with the seed summary and the step list', async () => {
      const report = ok(await testUnsaved(s3Body()), 200);
      expect(report).toMatchObject({ success: true, bucket_exists: true, can_write: true, can_read: true });
      expect(typeof report.latency_ms).toBe('number');
      expect(report.message).toMatch(/success/i);
      expect(report.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['authentication']));
    });

    it('saved config: POST /{config_id}/test', async () => {
      const created = ok(await create(asOwner, org.id, s3Body()), 201);
      const report = ok(
        await asOwner.POST('/api/v1/backups/storage-configs/{config_id}/test', byId(created.id)),
        200,
      );
      expect(report.success).toBe(true);
    });

    it('GET /{config_id}/buckets: discovery with ListBuckets, and HeadBucket on a configured list', async () => {
      const BUCKETS = '/api/v1/backups/storage-configs/{config_id}/buckets';
      const full = ok(await create(asOwner, org.id, s3Body()), 201);
      const discovered = ok(await asOwner.GET(BUCKETS, byId(full.id)), 200);
      expect(discovered.scoped_key).toBe(false);
      expect(discovered.buckets).toEqual(expect.arrayContaining([{ name: bucket, accessible: true }]));
      const scoped = ok(
        await create(asOwner, org.id, s3Body({ buckets: [bucket, `${bucket}-missing`] })),
        201,
      );
      const checked = ok(await asOwner.GET(BUCKETS, byId(scoped.id)), 200);
      expect(checked).toMatchObject({ scoped_key: true, message: 'Connected. Access to 1/2 buckets.' });
      expect(checked.buckets.map((b) => b.accessible)).toEqual([true, false]);
    });

    it('a failed test says "Connection failed: <reason>"; the failing step keeps the detail', async () => {
      const report = ok(await testUnsaved(s3Body({ bucket: `${bucket}-absent` })), 200);
      expect(report.success).toBe(false);
      const failed = report.steps.find((st) => st.status === 'failed');
      expect(failed).toBeDefined();
      expect(report.message).toBe(`Connection failed: ${failed?.detail}`);
    });

    it('a saved bucket name the driver refuses is a 400 with storage_error_code, not a 500', async () => {
      const created = ok(await create(asOwner, org.id, s3Body({ name: 'later broken' })), 201);
      const db = new pg.Client({ connectionString: t.db.url });
      await db.connect();
      await db.query(`UPDATE storage_configs SET bucket = 'b' WHERE id = $1`, [created.id]);
      await db.end();
      const refused = problem(
        await asOwner.GET('/api/v1/backups/storage-configs/{config_id}/buckets', byId(created.id)),
        400,
      );
      expect(refused).toMatchObject({ code: 'bad_request', storage_error_code: 'invalid_config' });
      expect(refused.detail).toContain('"b" is not a valid bucket name');
    });

    onRealS3('s3rver does not verify signatures: the wrong-secret test needs the real S3 server')(
      'wrong secret: 200 with success false and nulls where not reached',
      async () => {
        const report = ok(await testUnsaved(s3Body({ secret_key: `${SECRET}-wrong` })), 200);
        expect(report.success).toBe(false);
        expect(report.can_write).toBeNull();
        expect(report.message).toMatch(/fail|denied|signature|credential/i);
      },
    );

    it('scoped key (ListBuckets denied) without a bucket list reports the seed 000 message', async () => {
      // Neither Swift nor s3rver can deny ListBuckets to one user: a proxy answers that one call with 403.
      const proxy = await startDenyListBucketsProxy(s3.endpoint);
      try {
        const report = ok(await testUnsaved(s3Body({ endpoint_url: proxy.endpoint })), 200);
        expect(report.scoped_key).toBe(true);
        expect(JSON.stringify(report)).toMatch(
          /This appears to be a bucket-scoped key\. Please add the bucket names manually\./,
        );
      } finally {
        await proxy.close();
      }
    });
  });

  it('BYOS off: creating or testing org configs is 403 with the exact seed detail; a disabled provider is 400', async () => {
    const off = ok(await settings({ allow_org_byos: false }), 200);
    expect(off.allow_org_byos).toBe(false);
    const byosOff =
      'Organization storage configuration is not enabled on this platform. Contact your platform administrator.';
    expect(problem(await create(asOwner, org.id, r2Body()), 403).detail).toBe(byosOff);
    const tested = await asOwner.POST('/api/v1/backups/storage-configs/test-connection', {
      ...orgQuery(org.id),
      body: r2Body(),
    });
    expect(problem(tested, 403).detail).toBe(byosOff);
    ok(await settings({ allow_org_byos: true, enabled_providers: ['aws_s3', 'sftp'] }), 200);
    expect(problem(await create(asOwner, org.id, r2Body()), 400).detail).toMatch(/cloudflare_r2/);
    ok(
      await settings({
        enabled_providers: [
          'aws_s3',
          'cloudflare_r2',
          'backblaze_b2',
          'minio',
          'digitalocean_spaces',
          'wasabi',
          's3_compatible',
          'ftp',
          'sftp',
        ],
      }),
      200,
    );
  });

  it('platform configs: admins only; the first becomes the platform default reported by has_default_storage', async () => {
    problem(await asOwner.GET('/api/v1/admin/storage-configs'), 403);
    const created = ok(
      await asAdmin.POST('/api/v1/admin/storage-configs', {
        body: {
          name: 'Platform local',
          provider: 'local',
          bucket: '/tmp/offsite-platform-' + randomBytes(3).toString('hex'),
        },
      }),
      201,
    );
    expect(created).toMatchObject({ organization_id: null, is_default: true });
    const settingsNow = ok(await asOwner.GET('/api/v1/backups/storage-settings'), 200);
    expect(settingsNow.has_default_storage).toBe(true);
    // Tenants see what the default is, never where (no directory, endpoint or credentials).
    expect(settingsNow.default_storage).toEqual({ name: 'Platform local', provider: 'local', region: null });
    // A platform config is not reachable through the tenant routes.
    problem(await asOwner.GET(CONFIG, byId(created.id)), 404);
  });

  it('key rotation: keys:rotate re-encrypts under the newest key and everything still decrypts', async () => {
    const oldKeys = t.config.credentialsKeys;
    const newKeys = `${oldKeys},${generateKeySpec('rot2')}`;
    const t2 = await startTestApp(
      { CREDENTIALS_KEYS: newKeys, OFFSITE_DATA_DIR: t.config.dataDir },
      () => undefined,
      t.db,
    );
    try {
      const svc = t2.app.get(StorageConfigsService);
      const connections = t2.app.get(StorageConnectionsService);
      const rotation = t2.app.get(StorageCredentialRotation);
      const { rotated, total } = await rotation.rotateKeys();
      expect(total).toBeGreaterThan(1);
      expect(rotated).toBe(total - 1); // all but the platform `local` config, which has no credentials
      const db = new pg.Client({ connectionString: t.db.url });
      await db.connect();
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM storage_configs WHERE secret_key_enc IS NOT NULL AND secret_key_enc NOT LIKE 'v1.rot2.%'`,
      );
      await db.end();
      expect(rows[0].n).toBe(0);
      const list = await svc.list(org.id);
      const sample = list.find((c) => c.has_secret)!;
      expect((await connections.loadTarget(org.id, sample.id)).secretKey).toMatch(/^sk-|testing|S3RVER/);
      expect((await rotation.rotateKeys()).rotated).toBe(0);
    } finally {
      await t2.close();
    }
  });

  it('never returned a secret in any response of this suite', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(ACCESS);
    }
  });
});

describe('embedded default platform storage', () => {
  it('creates one local platform default in STORAGE_LOCAL_DIR, once, across restarts', async () => {
    const admin = `admin-${randomBytes(3).toString('hex')}@example.test`;
    const t = await startTestApp({ STORAGE_LOCAL_DEFAULT: 'true', PLATFORM_ADMIN_EMAILS: admin });
    try {
      const t2 = await startTestApp({ STORAGE_LOCAL_DEFAULT: 'true' }, () => undefined, t.db);
      await t2.close();
      const user = await registerAndLogin(t, { email: admin });
      const api = apiClient(t, user.token);
      expect(ok(await api.GET('/api/v1/backups/storage-settings'), 200).has_default_storage).toBe(true);
      const list = ok(await api.GET('/api/v1/admin/storage-configs'), 200);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        provider: 'local',
        is_default: true,
        bucket: t.config.storage.localDir,
      });
    } finally {
      await t.close();
    }
  });
});
