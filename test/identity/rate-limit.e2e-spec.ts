import { startTestApp, type TestApp } from '../support/app.js';
import { registerAndLogin } from '../support/identity.js';

/** The general limiter, on, with limits small enough to reach. */
describe('API rate limit (HTTP, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_PER_ADDRESS: '40',
      RATE_LIMIT_PER_TOKEN: '25',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      TRUSTED_PROXY_HEADER: 'x-forwarded-for',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const from = (address: string, token?: string) =>
    t.request('GET', '/auth/me', { token, headers: { 'x-forwarded-for': address } });

  it('answers an address past its limit with a 429 problem and Retry-After; other addresses go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await from('198.51.100.20')).status);
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(401));
    expect(statuses.slice(40)).toEqual(Array(5).fill(429));
    const limited = await from('198.51.100.20');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited', request_id: expect.any(String) });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await from('198.51.100.21')).status).toBe(401);
    // Health probes are never limited.
    const health = await fetch(`${t.baseUrl}/api/v1/health`, {
      headers: { 'x-forwarded-for': '198.51.100.20' },
    });
    expect(health.status).toBe(200);
  });

  it('limits a token across addresses', async () => {
    const u = await registerAndLogin(t);
    const statuses: number[] = [];
    for (let i = 0; i < 27; i++) statuses.push((await from(`203.0.113.${i + 1}`, u.token)).status);
    expect(statuses.slice(0, 25)).toEqual(Array(25).fill(200));
    expect(statuses.slice(25)).toEqual([429, 429]);
    // Another user's token is counted on its own.
    const other = await registerAndLogin(t);
    expect((await from('203.0.113.200', other.token)).status).toBe(200);
  });
});
