import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/main.js');

describe('logs never contain passwords, hashes or tokens (real server process, trace-level JSON logs)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-logs-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('register, login (good and bad), me, org and member calls leave no secret in stdout or stderr', async () => {
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: db.url,
        OFFSITE_DATA_DIR: dataDir,
        JWT_SECRET: 'logging-test-secret-logging-test-secret-0123',
        LOG_LEVEL: 'trace',
        LOG_FORMAT: 'json',
        WORKER_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
      const check = () => {
        const m = /API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child!.stdout!.on('data', check);
      child!.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
    });
    const call = async (method: string, p: string, body?: unknown, token?: string) => {
      const res = await fetch(`${base}${p}`, {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
    };

    const password = 'Sup3r-Secret-Passw0rd-for-logs';
    const wrongPassword = 'Wr0ng-Secret-Passw0rd-for-logs';
    const reg = await call('POST', '/auth/register', { email: 'logs@example.test', password, name: 'Logs' });
    expect(reg.status).toBe(201);
    expect(
      (await call('POST', '/auth/login', { email: 'logs@example.test', password: wrongPassword })).status,
    ).toBe(401);
    const login = await call('POST', '/auth/login', { email: 'logs@example.test', password });
    expect(login.status).toBe(200);
    const token: string = login.body.access_token;
    expect((await call('GET', '/auth/me', undefined, token)).status).toBe(200);
    const org = await call('POST', '/organizations', { name: 'Logged Org' }, token);
    expect(org.status).toBe(201);
    expect((await call('GET', `/organizations/${org.body.id}/members`, undefined, `${token}x`)).status).toBe(
      401,
    );
    await new Promise((r) => setTimeout(r, 300)); // let the logger flush

    expect(output).toContain('/api/v1/auth/login'); // requests were logged at all
    // Log lines written while serving a guarded request carry the caller (AccessGuard assigns it).
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const orgCreated = lines.find((l) => l.msg === 'Organization created');
    expect(orgCreated).toMatchObject({ user_id: reg.body.id, created_organization_id: org.body.id });
    for (const secret of [password, wrongPassword, token, token.split('.')[2]!, 'scrypt$']) {
      expect(output).not.toContain(secret);
    }
  });
});
