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

  it('serves API docs outside production only, keeps CORS off and bounds HTTP timeouts by default', () => {
    const c = loadConfig(base);
    expect(c.http).toEqual({
      apiDocs: 'public',
      corsOrigins: [],
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
      connectionTimeoutMs: 60_000,
      maxConnections: 1000,
    });
    const prod = loadConfig({
      ...base,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/offsite',
      CREDENTIALS_KEYS: 'k1:' + Buffer.alloc(32, 1).toString('base64'),
    });
    expect(prod.http.apiDocs).toBe('off');
    expect(loadConfig({ ...base, API_DOCS: 'admin' }).http.apiDocs).toBe('admin');
    expect(
      loadConfig({ ...base, CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).http
        .corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('refuses bad API_DOCS, CORS origins and inconsistent timeouts', () => {
    expect(() => loadConfig({ ...base, API_DOCS: 'private' })).toThrow(/API_DOCS/);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(
      /CORS_ORIGINS/,
    );
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(() =>
      loadConfig({ ...base, HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
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

  it('accepts the migration pause test hook with NODE_ENV=test only, and only known points', () => {
    expect(loadConfig(base).testHooks.migrationPauseAt).toEqual([]);
    expect(
      loadConfig({ ...base, NODE_ENV: 'test', MIGRATION_TEST_PAUSE_AT: 'mid_copy,before_repoint' }).testHooks
        .migrationPauseAt,
    ).toEqual(['mid_copy', 'before_repoint']);
    expect(() => loadConfig({ ...base, MIGRATION_TEST_PAUSE_AT: 'mid_copy' })).toThrow(
      /MIGRATION_TEST_PAUSE_AT: a test hook, accepted only with NODE_ENV=test/,
    );
    expect(() => loadConfig({ ...base, NODE_ENV: 'test', MIGRATION_TEST_PAUSE_AT: 'somewhere' })).toThrow(
      /unknown point somewhere/,
    );
  });
});
