import os from 'node:os';
import { ConfigError, loadConfig } from './config.js';

const base = { OFFSITE_DATA_DIR: os.tmpdir() + '/offsite-config-spec', JWT_SECRET: 'x'.repeat(40) };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.migrationsRun).toBe(true);
    expect(c.workerEnabled).toBe(true);
  });

  it('trusts no forwarded header unless TRUSTED_PROXY_HEADER names one, and limits by default', () => {
    const c = loadConfig(base);
    expect(c.trustedProxyHeader).toBeUndefined();
    expect(c.rateLimit).toEqual({ windowSeconds: 60, perAddress: 600, perToken: 300, cacheSize: 10_000 });
    expect(loadConfig({ ...base, TRUSTED_PROXY_HEADER: 'X-Forwarded-For' }).trustedProxyHeader).toBe(
      'x-forwarded-for',
    );
    expect(() => loadConfig({ ...base, TRUSTED_PROXY_HEADER: 'x forwarded' })).toThrow(
      /TRUSTED_PROXY_HEADER/,
    );
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        ...base,
        PORT: 'eighty',
        WORKER_ENABLED: 'maybe',
        DATABASE_URL: 'mysql://x',
        NODE_ENV: 'staging',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/WORKER_ENABLED/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/NODE_ENV/);
  });

  it('refuses production without DATABASE_URL, JWT_SECRET and CREDENTIALS_KEYS', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL[\s\S]*JWT_SECRET[\s\S]*CREDENTIALS_KEYS/,
    );
  });
});
