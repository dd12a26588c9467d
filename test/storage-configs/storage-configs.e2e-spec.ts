import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { generateKeySpec } from '../../src/common/crypto/credentials-cipher.js';
import { StorageConfigsService } from '../../src/modules/storage-configs/storage-configs.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startDenyListBucketsProxy } from '../support/deny-list-buckets.proxy.js';
import { createOrg, registerAndLogin, type TestOrg, type TestUser } from '../support/identity.js';
import { createBucket, skipReason, startS3Server, type S3TestServer } from '../support/storage-servers.js';

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

describe('storage configurations (seed 001 API, real PostgreSQL, real S3 server)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let org: TestOrg;
  let s3: S3TestServer;
  const bodies: string[] = [];

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await t.request(method, path, { token, body });
    bodies.push(res.text);
    return res;
  };
  const settings = (patch: Record<string, unknown>) =>
    call('PUT', '/backups/storage-settings', admin.token, patch);
  const r2Body = (over: Record<string, unknown> = {}) => ({
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
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
    await t?.close();
  });

  it('GET /backups/storage-settings has exactly the seed fields plus the endpoint switches and local roots', async () => {
    const res = await call('GET', '/backups/storage-settings', owner.token);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
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
    expect(res.body).toMatchObject({
      storage_probe_interval_minutes: 60,
      freshness_late_factor: 1.5,
      freshness_stale_factor: 3,
    });
    expect(res.body.enabled_providers).toEqual(
      expect.arrayContaining(['aws_s3', 'cloudflare_r2', 'backblaze_b2', 'minio', 'sftp', 'ftp']),
    );
    expect(res.body.enabled_providers).not.toContain('local');
    expect(res.body).toMatchObject({
      allow_org_byos: true,
      has_default_storage: false,
      default_storage: null,
      min_schedule_interval_minutes: 60,
      failed_backups_keep_days: 30,
    });
  });

  it('PUT /backups/storage-settings changes single providers with enable_providers / disable_providers', async () => {
    const before = (await call('GET', '/backups/storage-settings', owner.token)).body.enabled_providers;
    const changed = await settings({ enable_providers: ['local'], disable_providers: ['ftp'] });
    expect(changed.status).toBe(200);
    expect([...changed.body.enabled_providers].sort()).toEqual(
      [...before.filter((p: string) => p !== 'ftp'), 'local'].sort(),
    );
    const both = await settings({ enabled_providers: ['sftp'], enable_providers: ['local'] });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toMatch(/either the whole list/);
    const clash = await settings({ enable_providers: ['ftp'], disable_providers: ['ftp'] });
    expect(clash.status).toBe(400);
    const back = await settings({ enabled_providers: before });
    expect(back.body.enabled_providers).toEqual(before);
  });

  it('PUT /backups/storage-settings is for platform admins only', async () => {
    const denied = await call('PUT', '/backups/storage-settings', owner.token, { allow_org_byos: false });
    expect(denied.status).toBe(403);
    const ok = await settings({ allow_private_endpoints: false });
    expect(ok.status).toBe(200);
    expect(ok.body.allow_private_endpoints).toBe(false);
  });

  it('creates a config with the seed response shape; credentials trimmed, never returned', async () => {
    const res = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body(),
    );
    expect(res.status).toBe(201);
    for (const f of SEED_CREATE_FIELDS) expect(res.body).toHaveProperty(f);
    expect(res.body).toMatchObject({
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
    expect(typeof res.body.total_size_bytes).toBe('number');
    expect(res.body).not.toHaveProperty('secret_key');
    expect(res.body).not.toHaveProperty('access_key');
  });

  it('lists configs with the seed list fields', async () => {
    const res = await call('GET', `/backups/storage-configs?organization_id=${org.id}`, owner.token);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
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
      expect(res.body[0]).toHaveProperty(f);
    }
  });

  it('applies provider rules with 400s naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ account_id: undefined }, 'account_id', /Account ID is required for Cloudflare R2/],
      [{ account_id: 'xyz' }, 'account_id', /32-character hexadecimal/],
      [{ provider: 'backblaze_b2', account_id: undefined }, 'region', /region is required/],
      [{ provider: 'minio', account_id: undefined }, 'endpoint_url', /endpoint_url is required/],
      [{ provider: 'sftp', bucket: undefined }, 'host', /host is required/],
      [{ secret_key: undefined }, 'secret_key', /secret_key is required/],
    ];
    for (const [over, field, message] of cases) {
      const res = await call(
        'POST',
        `/backups/storage-configs?organization_id=${org.id}`,
        owner.token,
        r2Body(over),
      );
      expect({ over, status: res.status }).toEqual({ over, status: 400 });
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.body.detail).toMatch(message);
    }
  });

  it('refuses private, loopback and metadata endpoints unless the platform allows them (SSRF)', async () => {
    const base = {
      name: 'x',
      provider: 's3_compatible',
      bucket: 'bkt',
      access_key: ACCESS,
      secret_key: SECRET,
    };
    const forbidden = [
      ['endpoint_url', 'https://127.0.0.1:9000'],
      ['endpoint_url', 'https://169.254.169.254'],
      ['endpoint_url', 'https://10.1.2.3'],
      ['endpoint_url', 'https://localhost:9000'],
    ];
    for (const [, endpoint] of forbidden) {
      const res = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, owner.token, {
        ...base,
        endpoint_url: endpoint,
      });
      expect({ endpoint, status: res.status }).toEqual({ endpoint, status: 400 });
      expect(res.body.errors[0].field).toBe('endpoint_url');
    }
    const sftp = await call(
      'POST',
      `/backups/storage-configs/test-connection?organization_id=${org.id}`,
      owner.token,
      {
        name: 'x',
        provider: 'sftp',
        host: '127.0.0.1',
        access_key: 'u',
        secret_key: SECRET,
      },
    );
    expect(sftp.status).toBe(400);
    expect(sftp.body.errors[0].field).toBe('host');
    const insecure = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, owner.token, {
      ...base,
      endpoint_url: 'http://s3.example.com',
    });
    expect(insecure.status).toBe(400);
    expect(insecure.body.errors[0].field).toBe('endpoint_url');
  });

  it('keeps exactly one default, also under 50 concurrent "set default" requests', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(
        'POST',
        `/backups/storage-configs?organization_id=${org.id}`,
        owner.token,
        r2Body({ name: `c${i}` }),
      );
      expect(res.status).toBe(201);
      expect(res.body.is_default).toBe(false);
      ids.push(res.body.id);
    }
    const moved = await call('PATCH', `/backups/storage-configs/${ids[0]}`, owner.token, {
      is_default: true,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.is_default).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('PATCH', `/backups/storage-configs/${ids[i % ids.length]}`, owner.token, { is_default: true }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const list = await call('GET', `/backups/storage-configs?organization_id=${org.id}`, owner.token);
    expect(list.body.filter((c: { is_default: boolean }) => c.is_default)).toHaveLength(1);
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
    const created = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ name: 'patch-me' }),
    );
    const svc = t.app.get(StorageConfigsService);
    const res = await call('PATCH', `/backups/storage-configs/${created.body.id}`, owner.token, {
      name: 'renamed',
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('renamed');
    expect((await svc.loadTarget(org.id, created.body.id)).secretKey).toBe(SECRET);
    await call('PATCH', `/backups/storage-configs/${created.body.id}`, owner.token, {
      secret_key: `${SECRET}-2`,
    });
    expect((await svc.loadTarget(org.id, created.body.id)).secretKey).toBe(`${SECRET}-2`);
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
    const created = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ name: 'has-backups' }),
    );
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
      [org.id, envId, created.body.id],
    );
    await db.end();
    const res = await call('DELETE', `/backups/storage-configs/${created.body.id}`, owner.token);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(
      `Cannot delete storage config with 42 backups. Delete them, or move them to another storage config with POST /api/v1/backups/storage-configs/${created.body.id}/migrations, first.`,
    );
    const empty = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ name: 'empty' }),
    );
    expect((await call('DELETE', `/backups/storage-configs/${empty.body.id}`, owner.token)).status).toBe(204);
    expect((await call('GET', `/backups/storage-configs/${empty.body.id}`, owner.token)).status).toBe(404);
  });

  it('deleting the default promotes the most recently used active config (then the newest)', async () => {
    const o = await createOrg(t, owner);
    const make = async (name: string, over: Record<string, unknown> = {}) => {
      const res = await call(
        'POST',
        `/backups/storage-configs?organization_id=${o.id}`,
        owner.token,
        r2Body({ name, ...over }),
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
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
      (await call('GET', `/backups/storage-configs?organization_id=${o.id}`, owner.token)).body
        .filter((c: { is_default: boolean }) => c.is_default)
        .map((c: { id: string }) => c.id);

    expect(await defaults()).toEqual([first]);
    expect((await call('DELETE', `/backups/storage-configs/${first}`, owner.token)).status).toBe(204);
    expect(await defaults()).toEqual([used]);
    expect((await call('DELETE', `/backups/storage-configs/${used}`, owner.token)).status).toBe(204);
    expect(await defaults()).toEqual([newest]);
    expect((await call('DELETE', `/backups/storage-configs/${newest}`, owner.token)).status).toBe(204);
    // Only an inactive config is left: it does not become the default.
    expect(await defaults()).toEqual([]);
    expect((await call('DELETE', `/backups/storage-configs/${inactive}`, owner.token)).status).toBe(204);
  });

  it('checks bucket-name syntax per provider at save, naming the rule', async () => {
    const r2 = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ bucket: 'x' }),
    );
    expect(r2.status).toBe(400);
    expect(r2.body.errors).toEqual([
      { field: 'bucket', messages: ['bucket must be 3 to 63 characters for cloudflare_r2'] },
    ]);
    const dots = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ bucket: 'my.bucket' }),
    );
    expect(dots.status).toBe(400);
    expect(dots.body.errors[0].field).toBe('bucket');
    const listed = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ buckets: ['good-name', 'B'] }),
    );
    expect(listed.status).toBe(400);
    expect(listed.body.errors[0].field).toBe('buckets.1');
    const created = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ name: 'renamed bucket' }),
    );
    const patched = await call('PATCH', `/backups/storage-configs/${created.body.id}`, owner.token, {
      bucket: 'b',
    });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].field).toBe('bucket');
    await call('DELETE', `/backups/storage-configs/${created.body.id}`, owner.token);
  });

  it('masks short access keys and user names entirely in access_key_hint', async () => {
    const short = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body({ name: 'short key', access_key: 'abcd' }),
    );
    expect(short.status).toBe(201);
    expect(short.body.access_key_hint).toBe('****');
    const medium = await call('PATCH', `/backups/storage-configs/${short.body.id}`, owner.token, {
      access_key: 'backup-user',
    });
    expect(medium.body.access_key_hint).toBe('****');
    const long = await call('PATCH', `/backups/storage-configs/${short.body.id}`, owner.token, {
      access_key: 'AKIAEXAMPLEKEY12',
    });
    expect(long.body.access_key_hint).toBe('…EY12');
    // A hint shorter than 4 characters (a short key saved before masking) is masked on the way out.
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`UPDATE storage_configs SET access_key_hint = 'ab' WHERE id = $1`, [short.body.id]);
    await db.end();
    const got = await call('GET', `/backups/storage-configs/${short.body.id}`, owner.token);
    expect(got.body.access_key_hint).toBe('****');
    await call('DELETE', `/backups/storage-configs/${short.body.id}`, owner.token);
  });

  it("hides another organization's configs (404) and checks permissions (viewer cannot create)", async () => {
    const outsider = await registerAndLogin(t);
    await createOrg(t, outsider);
    const list = await call('GET', `/backups/storage-configs?organization_id=${org.id}`, owner.token);
    const id = list.body[0].id;
    expect((await call('GET', `/backups/storage-configs/${id}`, outsider.token)).status).toBe(404);
    expect(
      (await call('PATCH', `/backups/storage-configs/${id}`, outsider.token, { name: 'x' })).status,
    ).toBe(404);
    expect((await call('POST', `/backups/storage-configs/${id}/test`, outsider.token)).status).toBe(404);
    expect((await call('DELETE', `/backups/storage-configs/${id}`, outsider.token)).status).toBe(404);
    const viewer = await registerAndLogin(t);
    await t.request('POST', `/organizations/${org.id}/members`, {
      token: owner.token,
      body: { email: viewer.email, role: 'viewer' },
    });
    const denied = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      viewer.token,
      r2Body(),
    );
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/org\.storage\.create/);
  });

  describe('test connection against an S3 server on loopback', () => {
    let bucket: string;
    const s3Body = (over: Record<string, unknown> = {}) => ({
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

    beforeAll(async () => {
      bucket = `cfg-${randomBytes(4).toString('hex')}`;
      await createBucket(s3, bucket);
      const res = await settings({ allow_private_endpoints: true, allow_insecure_endpoints: true });
      expect(res.status).toBe(200);
    });

    it('unsaved config: 200 with the seed summary and the step list', async () => {
      const res = await call(
        'POST',
        `/backups/storage-configs/test-connection?organization_id=${org.id}`,
        owner.token,
        s3Body(),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true, bucket_exists: true, can_write: true, can_read: true });
      expect(typeof res.body.latency_ms).toBe('number');
      expect(res.body.message).toMatch(/success/i);
      expect(res.body.steps.map((s: { name: string }) => s.name)).toEqual(
        expect.arrayContaining(['authentication']),
      );
    });

    it('saved config: POST /{config_id}/test', async () => {
      const created = await call(
        'POST',
        `/backups/storage-configs?organization_id=${org.id}`,
        owner.token,
        s3Body(),
      );
      expect(created.status).toBe(201);
      const res = await call('POST', `/backups/storage-configs/${created.body.id}/test`, owner.token);
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(true);
    });

    it('GET /{config_id}/buckets: discovery with ListBuckets, and HeadBucket on a configured list', async () => {
      const full = await call(
        'POST',
        `/backups/storage-configs?organization_id=${org.id}`,
        owner.token,
        s3Body(),
      );
      const discovered = await call('GET', `/backups/storage-configs/${full.body.id}/buckets`, owner.token);
      expect(discovered.status).toBe(200);
      expect(discovered.body.scoped_key).toBe(false);
      expect(discovered.body.buckets).toEqual(expect.arrayContaining([{ name: bucket, accessible: true }]));
      const scoped = await call(
        'POST',
        `/backups/storage-configs?organization_id=${org.id}`,
        owner.token,
        s3Body({ buckets: [bucket, `${bucket}-missing`] }),
      );
      const checked = await call('GET', `/backups/storage-configs/${scoped.body.id}/buckets`, owner.token);
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ scoped_key: true, message: 'Connected. Access to 1/2 buckets.' });
      expect(checked.body.buckets.map((b: { accessible: boolean }) => b.accessible)).toEqual([true, false]);
    });

    it('a failed test says "Connection failed: <reason>"; the failing step keeps the detail', async () => {
      const res = await call(
        'POST',
        `/backups/storage-configs/test-connection?organization_id=${org.id}`,
        owner.token,
        s3Body({ bucket: `${bucket}-absent` }),
      );
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(false);
      const failed = res.body.steps.find((st: { status: string }) => st.status === 'failed');
      expect(failed).toBeDefined();
      expect(res.body.message).toBe(`Connection failed: ${failed.detail}`);
    });

    it('a saved bucket name the driver refuses is a 400 with storage_error_code, not a 500', async () => {
      const created = await call(
        'POST',
        `/backups/storage-configs?organization_id=${org.id}`,
        owner.token,
        s3Body({ name: 'later broken' }),
      );
      expect(created.status).toBe(201);
      const db = new pg.Client({ connectionString: t.db.url });
      await db.connect();
      await db.query(`UPDATE storage_configs SET bucket = 'b' WHERE id = $1`, [created.body.id]);
      await db.end();
      const res = await call('GET', `/backups/storage-configs/${created.body.id}/buckets`, owner.token);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'bad_request', storage_error_code: 'invalid_config' });
      expect(res.body.detail).toContain('"b" is not a valid bucket name');
    });

    it('wrong secret: 200 with success false and nulls where not reached', async () => {
      if (!s3.real)
        return skipReason('s3rver does not verify signatures: wrong-secret test needs the real S3 server');
      const res = await call(
        'POST',
        `/backups/storage-configs/test-connection?organization_id=${org.id}`,
        owner.token,
        s3Body({ secret_key: `${SECRET}-wrong` }),
      );
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(false);
      expect(res.body.can_write).toBeNull();
      expect(res.body.message).toMatch(/fail|denied|signature|credential/i);
    });

    it('scoped key (ListBuckets denied) without a bucket list reports the seed 000 message', async () => {
      // Neither Swift nor s3rver can deny ListBuckets to one user: a proxy answers that one call with 403.
      const proxy = await startDenyListBucketsProxy(s3.endpoint);
      try {
        const res = await call(
          'POST',
          `/backups/storage-configs/test-connection?organization_id=${org.id}`,
          owner.token,
          s3Body({ endpoint_url: proxy.endpoint }),
        );
        expect(res.status).toBe(200);
        expect(res.body.scoped_key).toBe(true);
        expect(JSON.stringify(res.body)).toMatch(
          /This appears to be a bucket-scoped key\. Please add the bucket names manually\./,
        );
      } finally {
        await proxy.close();
      }
    });
  });

  it('BYOS off: creating or testing org configs is 403 with the exact seed detail; a disabled provider is 400', async () => {
    const off = await settings({ allow_org_byos: false });
    expect(off.body.allow_org_byos).toBe(false);
    for (const path of ['/backups/storage-configs', '/backups/storage-configs/test-connection']) {
      const res = await call('POST', `${path}?organization_id=${org.id}`, owner.token, r2Body());
      expect(res.status).toBe(403);
      expect(res.body.detail).toBe(
        'Organization storage configuration is not enabled on this platform. Contact your platform administrator.',
      );
    }
    await settings({ allow_org_byos: true, enabled_providers: ['aws_s3', 'sftp'] });
    const res = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      owner.token,
      r2Body(),
    );
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/cloudflare_r2/);
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
    });
  });

  it('platform configs: admins only; the first becomes the platform default reported by has_default_storage', async () => {
    expect((await call('GET', '/admin/storage-configs', owner.token)).status).toBe(403);
    const res = await call('POST', '/admin/storage-configs', admin.token, {
      name: 'Platform local',
      provider: 'local',
      bucket: '/tmp/offsite-platform-' + randomBytes(3).toString('hex'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ organization_id: null, is_default: true });
    const s = await call('GET', '/backups/storage-settings', owner.token);
    expect(s.body.has_default_storage).toBe(true);
    // Tenants see what the default is, never where (no directory, endpoint or credentials).
    expect(s.body.default_storage).toEqual({ name: 'Platform local', provider: 'local', region: null });
    // A platform config is not reachable through the tenant routes.
    expect((await call('GET', `/backups/storage-configs/${res.body.id}`, owner.token)).status).toBe(404);
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
      const { rotated, total } = await svc.rotateKeys();
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
      expect((await svc.loadTarget(org.id, sample.id)).secretKey).toMatch(/^sk-|testing|S3RVER/);
      expect((await svc.rotateKeys()).rotated).toBe(0);
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
      const settings = await t.request('GET', '/backups/storage-settings', { token: user.token });
      expect(settings.body.has_default_storage).toBe(true);
      const list = await t.request('GET', '/admin/storage-configs', { token: user.token });
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).toMatchObject({
        provider: 'local',
        is_default: true,
        bucket: t.config.storage.localDir,
      });
    } finally {
      await t.close();
    }
  });
});
