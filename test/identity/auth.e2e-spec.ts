import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { AuthService } from '../../src/modules/identity/auth.service.js';
import { PlatformAdminsService } from '../../src/modules/identity/platform-admins.service.js';
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
      LOGIN_ADDRESS_MAX_FAILURES: '20',
      TRUSTED_PROXY_HEADER: 'x-forwarded-for',
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

    /** A login as seen from `address` (through the trusted proxy header). */
    const loginFrom = (address: string, email: string, password: string) =>
      t.request('POST', '/auth/login', {
        body: { email, password },
        headers: { 'x-forwarded-for': `203.0.113.250, ${address}` },
      });

    it('slows down failures per (address, account) with growing delays, 429 and Retry-After', async () => {
      const u = await registerAndLogin(t);
      const attacker = '198.51.100.7';
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom(attacker, u.email, 'wrong password!!')).status).toBe(401);
      }
      // Case and spaces make no other account: the delay holds, even for the right password.
      const limited = await loginFrom(attacker, `  ${u.email.toUpperCase()} `, u.password);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(limited.headers.get('retry-after'))).toBe(1);

      // The delay doubles per further failure: 3 more failures in the window mean 2^3 = 8 s.
      await sql(
        t,
        `INSERT INTO login_failures (client_address, email, created_at)
           SELECT $1, $2, now() FROM generate_series(1, 3)`,
        [attacker, u.email],
      );
      const longer = await loginFrom(attacker, u.email, u.password);
      expect(longer.status).toBe(429);
      const retryAfter = Number(longer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(5);
      expect(retryAfter).toBeLessThanOrEqual(8);

      // The failures live in the database (shared by every process): ageing them out lifts the delay.
      await sql(t, `UPDATE login_failures SET created_at = now() - interval '2 minutes' WHERE email = $1`, [
        u.email,
      ]);
      expect((await loginFrom(attacker, u.email, u.password)).status).toBe(200);
    });

    it('never locks the owner out: the right password from another address works while an attacker is slowed down', async () => {
      const u = await registerAndLogin(t);
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom('198.51.100.8', u.email, 'wrong password!!')).status).toBe(401);
      }
      expect((await loginFrom('198.51.100.8', u.email, u.password)).status).toBe(429);
      const owner = await loginFrom('192.0.2.44', u.email, u.password);
      expect(owner.status).toBe(200);
      expect(owner.body.access_token).toEqual(expect.any(String));
      // The socket address is another address too (no header: the proxy header is not required).
      expect(
        (await t.request('POST', '/auth/login', { body: { email: u.email, password: u.password } })).status,
      ).toBe(200);
    });

    it('answers a password spray over 30 accounts from one address with 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await loginFrom('198.51.100.9', `spray-${i}@example.test`, 'Winter2025!!');
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(Array(10).fill(429));
      const res = await loginFrom('198.51.100.9', 'spray-99@example.test', 'Winter2025!!');
      // Until the oldest of the 20 failures leaves the 60 s window (how much is left depends on how
      // long the 20 slow password checks took on this machine).
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Only the spraying address is refused.
      const u = await registerAndLogin(t);
      expect((await loginFrom('198.51.100.10', u.email, u.password)).status).toBe(200);
    });

    it('takes the client address from the rightmost entry of the trusted header only', async () => {
      const u = await registerAndLogin(t);
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom('198.51.100.11', u.email, 'wrong password!!')).status).toBe(401);
      }
      // A client-made entry to the left of the proxy's changes nothing.
      const spoofed = await t.request('POST', '/auth/login', {
        body: { email: u.email, password: u.password },
        headers: { 'x-forwarded-for': '192.0.2.99, 198.51.100.11' },
      });
      expect(spoofed.status).toBe(429);
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

    it('stops accepting the token of a disabled user for good: enabling again does not revive it', async () => {
      const u = await registerAndLogin(t);
      const admins = t.app.get(PlatformAdminsService);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(200);
      await admins.setDisabled(u.email, true);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
      await admins.setDisabled(u.email, false);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
      // A new login (just after, the same second included) gets a working token.
      const again = await t.request('POST', '/auth/login', {
        body: { email: u.email, password: u.password },
      });
      expect(again.status).toBe(200);
      expect((await t.request('GET', '/auth/me', { token: again.body.access_token })).status).toBe(200);
      await sql(t, 'DELETE FROM users WHERE id = $1', [u.id]);
      expect((await t.request('GET', '/auth/me', { token: again.body.access_token })).status).toBe(401);
    });
  });
  describe('password reset', () => {
    const issue = async (email: string) => {
      const issued = await t.app.get(AuthService).issueResetToken(email);
      if (!issued) throw new Error('no reset token issued');
      return issued.token;
    };

    it('answers 202 with the same body for a known and an unknown address, and stores only a hash', async () => {
      const u = await registerAndLogin(t);
      const known = await t.request('POST', '/auth/password-reset', {
        body: { email: ` ${u.email.toUpperCase()}` },
      });
      const unknown = await t.request('POST', '/auth/password-reset', {
        body: { email: `nobody-${u.id}@example.test` },
      });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(known.text).toBe(unknown.text);
      const { rows } = await sql(
        t,
        `SELECT token_hash, extract(epoch FROM expires_at - now())::float AS ttl FROM password_reset_tokens WHERE user_id = $1`,
        [u.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].ttl).toBeGreaterThan(29 * 60);
      expect(rows[0].ttl).toBeLessThanOrEqual(30 * 60);
    });

    it('sets the new password once, revokes the old tokens, and refuses a reused or expired token', async () => {
      const u = await registerAndLogin(t);
      const token = await issue(u.email);
      const ok = await t.request('POST', '/auth/password-reset/confirm', {
        body: { token, new_password: 'a brand new password' },
      });
      expect(ok.status).toBe(204);
      expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
      const oldPw = await t.request('POST', '/auth/login', {
        body: { email: u.email, password: u.password },
      });
      expect(oldPw.status).toBe(401);
      const newPw = await t.request('POST', '/auth/login', {
        body: { email: u.email, password: 'a brand new password' },
      });
      expect(newPw.status).toBe(200);
      expect((await t.request('GET', '/auth/me', { token: newPw.body.access_token })).status).toBe(200);

      const reused = await t.request('POST', '/auth/password-reset/confirm', {
        body: { token, new_password: 'yet another password' },
      });
      expect(reused.status).toBe(400);
      expect(reused.body).toMatchObject({ status: 400, code: 'bad_request' });

      const expired = await issue(u.email);
      await sql(
        t,
        `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`,
        [u.id],
      );
      const late = await t.request('POST', '/auth/password-reset/confirm', {
        body: { token: expired, new_password: 'yet another password' },
      });
      expect(late.status).toBe(400);
    });
  });
});
