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
    expect((await me()).status).toBe(200);

    expect(await runCli(['node', 'cli', 'admin:grant', 'nobody@example.test'])).toBe(1);
  });
});
