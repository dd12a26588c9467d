import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/app.js';
import { createOrg, registerAndLogin } from '../support/identity.js';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

function b64(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

async function sql(t: TestApp, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: t.db.url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

describe('auth (HTTP, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      BODY_LIMIT_BYTES: '4096',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_WINDOW_SECONDS: '60',
      PLATFORM_ADMIN_EMAILS: 'Root@Example.test',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('register', () => {
    it('creates a user and never returns the password or its hash', async () => {
      const res = await t.request('POST', '/auth/register', {
        body: { email: 'Ada@Example.test', password: 'a long enough password', name: 'Ada' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), email: 'ada@example.test', name: 'Ada' });
      expect(res.text).not.toMatch(/password|scrypt/);
      const stored = await sql(t, 'SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
      expect(stored.rows[0].password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    });

    it('treats email as case-insensitive: a duplicate is a 409', async () => {
      await registerAndLogin(t, { email: 'dup@example.test' });
      const res = await t.request('POST', '/auth/register', {
        body: { email: 'DUP@example.TEST', password: 'another long password', name: 'Dup' },
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ status: 409, code: 'conflict' });
    });

    it('lists every bad field in a 400 problem', async () => {
      const res = await t.request('POST', '/auth/register', {
        body: { email: 'not-an-email', password: 'short', name: '', admin: true },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['admin', 'email', 'name', 'password']);
      expect(res.text).not.toContain('short');
    });

    it('answers malformed JSON with 400 and an oversized body with 413', async () => {
      const bad = await t.request('POST', '/auth/register', {
        rawBody: '{"email": "a@b.c", ',
        headers: { 'content-type': 'application/json' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ status: 400 });
      const big = await t.request('POST', '/auth/login', {
        body: { email: 'a@example.test', password: 'x'.repeat(8000) },
      });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ status: 413, code: 'payload_too_large' });
    });
  });

  describe('login', () => {
    it('returns a bearer token with its lifetime', async () => {
      const u = await registerAndLogin(t);
      const res = await t.request('POST', '/auth/login', {
        body: { email: u.email.toUpperCase(), password: u.password },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
      const [header, payload] = res.body.access_token
        .split('.')
        .slice(0, 2)
        .map((p: string) => JSON.parse(Buffer.from(p, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: u.id, iss: 'offsite', aud: 'offsite-api' });
      expect(payload.exp - payload.iat).toBe(3600);
    });

    it('answers a wrong password and an unknown email the same way, in about the same time', async () => {
      const u = await registerAndLogin(t);
      const timed = async (email: string) => {
        const start = performance.now();
        const res = await t.request('POST', '/auth/login', {
          body: { email, password: 'wrong password 123' },
        });
        return { res, ms: performance.now() - start };
      };
      const wrongPassword = await timed(u.email);
      const unknownEmail = await timed(`nobody-${u.id}@example.test`);
      for (const { res } of [wrongPassword, unknownEmail]) {
        expect(res.status).toBe(401);
      }
      const strip = (b: Record<string, unknown>) => ({ ...b, request_id: undefined });
      expect(strip(unknownEmail.res.body)).toEqual(strip(wrongPassword.res.body));
      // Both run one scrypt: neither is more than 4x (plus scheduling slack) the other.
      const [fast, slow] = [wrongPassword.ms, unknownEmail.ms].sort((a, b) => a - b);
      expect(slow).toBeLessThan(fast * 4 + 50);
    });

    it('rate limits repeated failures with 429 and Retry-After, across the whole app', async () => {
      const u = await registerAndLogin(t);
      for (let i = 0; i < 3; i++) {
        const res = await t.request('POST', '/auth/login', {
          body: { email: u.email, password: 'wrong password!!' },
        });
        expect(res.status).toBe(401);
      }
      const limited = await t.request('POST', '/auth/login', {
        body: { email: u.email, password: u.password },
      });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // The failures live in the database (shared by every process): ageing them out lifts the limit.
      await sql(t, `UPDATE login_failures SET created_at = now() - interval '2 minutes' WHERE email = $1`, [
        u.email,
      ]);
      const ok = await t.request('POST', '/auth/login', { body: { email: u.email, password: u.password } });
      expect(ok.status).toBe(200);
    });

    it('refuses a disabled user', async () => {
      const u = await registerAndLogin(t);
      await sql(t, 'UPDATE users SET disabled_at = now() WHERE id = $1', [u.id]);
      const res = await t.request('POST', '/auth/login', { body: { email: u.email, password: u.password } });
      expect(res.status).toBe(401);
    });
  });

  describe('me and tokens', () => {
    it('returns the user, their organizations with role, and is_platform_admin', async () => {
      const u = await registerAndLogin(t);
      const org = await createOrg(t, u, { name: 'Me Org' });
      const res = await t.request('GET', '/auth/me', { token: u.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: u.id,
        email: u.email,
        name: u.name,
        is_platform_admin: false,
        organizations: [{ id: org.id, name: 'Me Org', slug: org.slug, role: 'owner' }],
      });
    });

    it('makes PLATFORM_ADMIN_EMAILS users platform admins (case-insensitively)', async () => {
      const root = await registerAndLogin(t, { email: 'root@example.test' });
      const res = await t.request('GET', '/auth/me', { token: root.token });
      expect(res.body.is_platform_admin).toBe(true);
    });

    describe('rejects bad tokens with 401', () => {
      let user: Awaited<ReturnType<typeof registerAndLogin>>;
      const sign = (payload: object, opts: Record<string, unknown> = {}, secret = SECRET) =>
        new JwtService({ secret }).sign(payload, {
          algorithm: 'HS256',
          issuer: 'offsite',
          audience: 'offsite-api',
          expiresIn: 3600,
          jwtid: randomUUID(),
          ...opts,
        });

      beforeAll(async () => {
        user = await registerAndLogin(t);
      });

      it('accepts a well-formed token (control)', async () => {
        expect((await t.request('GET', '/auth/me', { token: sign({ sub: user.id }) })).status).toBe(200);
      });

      it.each([
        ['expired', () => sign({ sub: user.id }, { expiresIn: -60 })],
        [
          'tampered',
          () => {
            const [h, , s] = user.token.split('.');
            return `${h}.${b64({ sub: '00000000-0000-4000-8000-000000000000', iss: 'offsite', aud: 'offsite-api', exp: 9999999999 })}.${s}`;
          },
        ],
        [
          'signed with another secret',
          () => sign({ sub: user.id }, {}, 'another-secret-another-secret-another-secret'),
        ],
        [
          'alg none',
          () =>
            `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, iss: 'offsite', aud: 'offsite-api', exp: 9999999999 })}.`,
        ],
        ['HS512', () => sign({ sub: user.id }, { algorithm: 'HS512' })],
        ['wrong issuer', () => sign({ sub: user.id }, { issuer: 'someone-else' })],
        ['wrong audience', () => sign({ sub: user.id }, { audience: 'another-api' })],
        ['no subject', () => sign({})],
        [
          'no jti (cannot be revoked)',
          () =>
            new JwtService({ secret: SECRET }).sign(
              { sub: user.id },
              { algorithm: 'HS256', issuer: 'offsite', audience: 'offsite-api', expiresIn: 3600 },
            ),
        ],
        ['garbage', () => 'not.a.jwt'],
      ])('%s', async (_name, token) => {
        const res = await t.request('GET', '/auth/me', { token: token() });
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
      });
    });

    it('logout revokes the token it was called with, in every process; the other tokens keep working', async () => {
      const u = await registerAndLogin(t);
      const second = await t.request('POST', '/auth/login', {
        body: { email: u.email, password: u.password },
      });
      expect(second.status).toBe(200);
      const other = second.body.access_token as string;
      const out = await t.request('POST', '/auth/logout', { token: u.token });
      expect(out.status).toBe(204);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
      expect((await t.request('POST', '/auth/logout', { token: u.token })).status).toBe(401);
      expect((await t.request('GET', '/auth/me', { token: other })).status).toBe(200);
      // the revocation is a row, not process memory: any API process refuses the token
      const { rows } = await sql(t, 'SELECT user_id FROM revoked_tokens WHERE user_id = $1', [u.id]);
      expect(rows).toHaveLength(1);
    });

    it('stops accepting the token of a disabled, then deleted, user', async () => {
      const u = await registerAndLogin(t);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(200);
      await sql(t, 'UPDATE users SET disabled_at = now() WHERE id = $1', [u.id]);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
      await sql(t, 'UPDATE users SET disabled_at = NULL WHERE id = $1', [u.id]);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(200);
      await sql(t, 'DELETE FROM users WHERE id = $1', [u.id]);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
    });
  });
});
