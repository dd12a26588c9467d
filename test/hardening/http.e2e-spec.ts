import net from 'node:net';
import { startTestApp, type TestApp } from '../support/app.js';
import { registerAndLogin } from '../support/identity.js';

const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
];

/** Resolves with the milliseconds until the server closed a connection that never sent a byte. */
function silentConnection(port: number, timeoutMs: number): Promise<number | 'still open'> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('still open');
    }, timeoutMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

describe('HTTP hardening: headers, docs access, CORS, timeouts', () => {
  describe('defaults (test environment)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ WORKER_ENABLED: 'false' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('sends the security headers on answers and on errors', async () => {
      for (const res of [await t.request('GET', '/health'), await t.request('GET', '/no-such-route')]) {
        const missing = SECURITY_HEADERS.filter((h) => !res.headers.has(h));
        expect(missing).toEqual([]);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      }
    });

    it('marks token answers no-store', async () => {
      const user = await registerAndLogin(t);
      const login = await t.request('POST', '/auth/login', {
        body: { email: user.email, password: user.password },
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('no-store');
    });

    it('serves the docs publicly outside production and sends no CORS headers', async () => {
      expect((await fetch(`${t.baseUrl}/api/docs-json`)).status).toBe(200);
      const res = await fetch(`${t.baseUrl}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('configured: API_DOCS=admin, CORS_ORIGINS, short timeouts, connection cap', () => {
    let t: TestApp;
    let port: number;
    beforeAll(async () => {
      t = await startTestApp({
        WORKER_ENABLED: 'false',
        API_DOCS: 'admin',
        PLATFORM_ADMIN_EMAILS: 'docs-admin@example.test',
        CORS_ORIGINS: 'https://app.example.com',
        HTTP_CONNECTION_TIMEOUT_MS: '1000',
        HTTP_MAX_CONNECTIONS: '3',
      });
      port = Number(new URL(t.baseUrl).port);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('serves the docs to platform administrators only', async () => {
      const admin = await registerAndLogin(t, { email: 'docs-admin@example.test' });
      const user = await registerAndLogin(t);
      for (const p of ['/api/docs', '/api/docs-json', '/api/docs/']) {
        expect([p, (await fetch(`${t.baseUrl}${p}`)).status]).toEqual([p, 401]);
        const asUser = await fetch(`${t.baseUrl}${p}`, {
          headers: { authorization: `Bearer ${user.token}` },
        });
        expect([p, asUser.status]).toEqual([p, 403]);
      }
      const doc = await fetch(`${t.baseUrl}/api/docs-json`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(doc.status).toBe(200);
      expect(((await doc.json()) as any).openapi).toMatch(/^3\./);
    });

    it('answers CORS preflights for configured origins only', async () => {
      const preflight = (origin: string) =>
        fetch(`${t.baseUrl}/api/v1/auth/login`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,authorization',
          },
        });
      const allowed = await preflight('https://app.example.com');
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('closes a connection that sends nothing', async () => {
      const closedAfter = await silentConnection(port, 5000);
      expect(closedAfter).not.toBe('still open');
      expect(closedAfter).toBeLessThan(3000);
    });

    it('refuses connections over the cap at once', async () => {
      const sockets = await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<net.Socket>((resolve) => {
              const s = net.connect(port, '127.0.0.1', () => resolve(s));
              s.on('error', () => undefined);
            }),
        ),
      );
      await new Promise((r) => setTimeout(r, 100));
      const closedAfter = await silentConnection(port, 900);
      sockets.forEach((s) => s.destroy());
      expect(closedAfter).not.toBe('still open');
      expect(closedAfter).toBeLessThan(500);
    });
  });

  describe('API_DOCS=off', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ WORKER_ENABLED: 'false', API_DOCS: 'off' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('does not serve the docs at all', async () => {
      for (const p of ['/api/docs', '/api/docs-json']) {
        expect([p, (await fetch(`${t.baseUrl}${p}`)).status]).toEqual([p, 404]);
      }
    });
  });
});
