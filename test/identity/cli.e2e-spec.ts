import { runCli } from '../../src/cli/program.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { registerAndLogin } from '../support/identity.js';

describe('CLI admin:grant / admin:revoke / user:disable (real PostgreSQL)', () => {
  let t: TestApp;
  const saved = { ...process.env };

  beforeAll(async () => {
    t = await startTestApp();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: t.db.url,
      OFFSITE_DATA_DIR: t.config.dataDir,
      JWT_SECRET: t.config.auth.jwtSecret,
      LOG_LEVEL: 'silent',
      MIGRATIONS_RUN: 'false',
    });
  });
  afterAll(async () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await t?.close();
  });

  it('grants and revokes platform admin; disabling a user kills their token', async () => {
    const u = await registerAndLogin(t, { email: 'cli-admin@example.test' });
    const me = () => t.request('GET', '/auth/me', { token: u.token });
    expect((await me()).body.is_platform_admin).toBe(false);

    expect(await runCli(['node', 'cli', 'admin:grant', 'CLI-Admin@example.test'])).toBe(0);
    expect((await me()).body.is_platform_admin).toBe(true);
    expect(await runCli(['node', 'cli', 'admin:revoke', 'cli-admin@example.test'])).toBe(0);
    expect((await me()).body.is_platform_admin).toBe(false);

    expect(await runCli(['node', 'cli', 'user:disable', 'cli-admin@example.test'])).toBe(0);
    expect((await me()).status).toBe(401);
    expect(await runCli(['node', 'cli', 'user:enable', 'cli-admin@example.test'])).toBe(0);
    // Disabling revoked the token for good; the user logs in again.
    expect((await me()).status).toBe(401);
    const again = await t.request('POST', '/auth/login', { body: { email: u.email, password: u.password } });
    expect(again.status).toBe(200);
    expect((await t.request('GET', '/auth/me', { token: again.body.access_token })).status).toBe(200);

    expect(await runCli(['node', 'cli', 'admin:grant', 'nobody@example.test'])).toBe(1);
  });
  it('user:reset-link prints a single-use token that sets a new password; unknown users fail', async () => {
    const u = await registerAndLogin(t, { email: 'cli-reset@example.test' });
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out += chunk.toString();
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await runCli(['node', 'cli', 'user:reset-link', 'CLI-Reset@example.test'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const token = /token: (\S+)/.exec(out)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(out).toContain('/api/v1/auth/password-reset/confirm');
    const res = await t.request('POST', '/auth/password-reset/confirm', {
      body: { token, new_password: 'reset from the cli' },
    });
    expect(res.status).toBe(204);
    expect((await t.request('GET', '/auth/me', { token: u.token })).status).toBe(401);
    expect(await runCli(['node', 'cli', 'user:reset-link', 'nobody@example.test'])).toBe(1);
  });
});
