import { startTestApp, type TestApp } from '../support/app.js';
import { createOrg, registerAndLogin, type TestUser } from '../support/identity.js';

/** Bodies and queries a hostile client sends: each a small, quick 400 problem, never a 500. */
describe('hostile bodies (HTTP)', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await registerAndLogin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a 1 MB array to /auth/login: a small 400 in well under a second', async () => {
    const raw = '[' + Array.from({ length: 250_000 }, () => '{}').join(',') + ']';
    expect(raw.length).toBeGreaterThan(500_000);
    const started = Date.now();
    const res = await t.request('POST', '/auth/login', {
      rawBody: raw,
      headers: { 'content-type': 'application/json' },
    });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/must be a JSON object/);
    expect(res.text.length).toBeLessThan(2000);
    expect(elapsed).toBeLessThan(1000);
  });

  it('JSON nested 5000 levels deep is a 400, not a 500', async () => {
    for (const depth of [5000, 40]) {
      const raw = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      const res = await t.request('POST', '/organizations', {
        token: user.token,
        rawBody: raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/nested deeper than 32 levels/);
    }
  });

  it('many invalid fields: at most 20 reported, with a count of the rest', async () => {
    const body = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, i]));
    const res = await t.request('POST', '/organizations', { token: user.token, body });
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeLessThanOrEqual(20);
    expect(res.body.errors_omitted).toBeGreaterThan(150);
  });

  it('NUL and other control characters in a text field or a key: 400 naming the field', async () => {
    for (const [body, field] of [
      [{ name: 'a\u0000b' }, 'name'],
      [{ name: 'ok', slug: 'x\u001by' }, 'slug'],
      [{ name: 'ok', 'k\u0000': 1 }, 'k\u0000'],
    ] as const) {
      const res = await t.request('POST', '/organizations', { token: user.token, body });
      expect({ status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ status: 400, field });
    }
    const register = await t.request('POST', '/auth/register', {
      body: { email: 'n@example.test', name: 'x\u0000', password: 'long-enough-password' },
    });
    expect(register.status).toBe(400);
    // Line breaks stay allowed in text.
    const org = await createOrg(t, user, { name: 'Multi\nline' });
    expect(org.name).toBe('Multi\nline');
  });

  it('a control character in the query string is a 400', async () => {
    const res = await t.request('GET', '/environments?organization_id=a%00b', { token: user.token });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('organization_id');
  });
});
