import { startTestApp, type TestApp } from '../support/app.js';
import {
  createEnvironment,
  createOrg,
  createStorageConfig,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';

/** Hostile request bodies: each answered by a small 400 problem, quickly, never a 500. */
describe('hostile bodies and text (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false' });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    await createStorageConfig(t, org, owner);
  });
  afterAll(async () => {
    await t?.close();
  });

  const raw = (method: string, p: string, rawBody: string, token?: string) =>
    t.request(method, p, { rawBody, token, headers: { 'content-type': 'application/json' } });

  it('refuses a 1 MB array of objects to login at once, with a small answer', async () => {
    const body = `[${'{},'.repeat((1024 * 1024 - 16) / 3)}{}]`;
    expect(body.length).toBeLessThanOrEqual(t.config.bodyLimitBytes);
    const started = performance.now();
    const res = await raw('POST', '/auth/login', body);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body' }] });
    expect(res.text.length).toBeLessThan(4096);
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses other top-level values than an object where a DTO is expected', async () => {
    for (const body of ['"text"', '42', 'true', '[]', '[{"email":"a@b.c","password":"x"}]']) {
      const res = await raw('POST', '/auth/login', body);
      expect([body, res.status, res.body?.errors?.[0]?.field]).toEqual([body, 400, 'body']);
    }
  });

  it('reports at most 20 field errors and counts the rest', async () => {
    // 100 unknown fields (the most an object may have), each also of the wrong type.
    const body = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`unknown_${i}`, i]));
    const res = await t.request('POST', '/auth/login', { body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(20);
    expect(res.body.errors_omitted).toBeGreaterThanOrEqual(80);
    expect(res.text.length).toBeLessThan(8192);
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknown_${i}`, i]));
    const refused = await t.request('POST', '/auth/login', { body: many });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'body', messages: [expect.stringMatching(/100 fields/)] }]);
  });

  it('clips a field name of 100 000 characters in the answer', async () => {
    const res = await t.request('POST', '/auth/login', { body: { ['k'.repeat(100_000)]: 1 } });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(4096);
  });

  it('refuses arrays of more than 1000 items, naming the field', async () => {
    const res = await t.request('POST', `/organizations/${org.id}/roles`, {
      token: owner.token,
      body: { name: 'big', permissions: Array.from({ length: 5000 }, () => 'org.read') },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'permissions', messages: [expect.stringMatching(/1000 items/)] },
    ]);
  });

  it('answers JSON nested 5000 levels deep with 400, not 500 (also inside a field)', async () => {
    for (const body of [
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `{"email":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},"password":"x"}`,
      `{"email":${'['.repeat(33)}${']'.repeat(33)},"password":"x"}`,
    ]) {
      const res = await raw('POST', '/auth/login', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Brackets inside strings are text, not nesting.
    const res = await raw('POST', '/auth/login', JSON.stringify({ email: '['.repeat(200), password: 'x' }));
    expect(res.status).toBe(401);
  });

  it('refuses NUL and other control characters in any text field, naming it', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/organizations', { name: 'a\u0000b' }, 'name'],
      ['POST', '/organizations', { name: 'bell\u0007' }, 'name'],
      ['POST', '/organizations', { name: 'csi\u009b' }, 'name'],
      [
        'POST',
        '/auth/register',
        { email: 'x@example.test', password: 'long enough password', name: 'n\u0000' },
        'name',
      ],
      ['POST', '/auth/login', { email: 'x@example.test', password: 'p\u0000' }, 'password'],
    ];
    for (const [method, p, body, field] of cases) {
      const res = await t.request(method, p, { body, token: owner.token });
      expect([p, field, res.status, res.body?.errors?.[0]?.field]).toEqual([p, field, 400, field]);
    }
    const env = await createEnvironment(t, org, owner);
    const backup = await t.request('POST', `/backups?organization_id=${org.id}`, {
      token: owner.token,
      body: { environment_id: env.id, note: 'nightly\u0000' },
    });
    expect(backup.status).toBe(400);
    expect(backup.body.errors).toEqual([
      { field: 'note', messages: ['must not contain control characters'] },
    ]);
    const nested = await t.request('POST', `/environments?organization_id=${org.id}`, {
      token: owner.token,
      body: {
        name: 'env-nul',
        database: { host: 'db.example.test', name: 'd\u0000', username: 'u', password: 'p' },
      },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].field).toBe('database.name');
    const key = await t.request('POST', '/organizations', {
      token: owner.token,
      body: { 'na\u0000me': 'x' },
    });
    expect(key.status).toBe(400);
  });

  it('refuses control characters in query strings', async () => {
    const res = await t.request('GET', `/organizations/${org.id}/audit-log?cursor=1%00`, {
      token: owner.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('cursor');
  });

  it('keeps tabs and line breaks in text', async () => {
    const env = await createEnvironment(t, org, owner);
    const res = await t.request('POST', `/backups?organization_id=${org.id}`, {
      token: owner.token,
      body: { environment_id: env.id, note: 'line one\nline two\r\n\tindented' },
    });
    expect(res.status).toBe(202);
    expect(res.body.note).toBe('line one\nline two\r\n\tindented');
  });
});
