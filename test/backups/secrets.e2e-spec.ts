import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createSourceDatabase } from '../support/backup-sources.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/main.js');

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * Storage and database secrets through every path that could leak them: create, read, test
 * (failing), a backup that fails on the storage, with trace-level JSON logs of the real server
 * process (API + worker). None may appear in a response, a log line, a job payload or in plain text
 * in the application database.
 */
describe('storage and database secrets never leak (real server process, trace logs, failing paths)', () => {
  let db: TestDatabase;
  let source: TestDatabase;
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    source = await createSourceDatabase(50);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-secrets-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    await source?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('create, read, test and a failed backup leave no secret anywhere', async () => {
    const adminEmail = `admin-${randomBytes(3).toString('hex')}@example.test`;
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: db.url,
        OFFSITE_DATA_DIR: dataDir,
        JWT_SECRET: 'secrets-test-secret-secrets-test-secret-0123',
        LOG_LEVEL: 'trace',
        LOG_FORMAT: 'json',
        PLATFORM_ADMIN_EMAILS: adminEmail,
        STORAGE_LOCAL_DEFAULT: 'false',
        BACKUP_RETRY_LIMIT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
      child!.stdout!.on('data', () => {
        const m = /API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child!.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
    });
    let responses = '';
    const call = async (method: string, p: string, body?: unknown, token?: string) => {
      const res = await fetch(`${base}${p}`, {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      responses += `${text}\n`;
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const login = async (email: string) => {
      const password = 'correct horse battery staple';
      expect((await call('POST', '/auth/register', { email, password, name: 'X' })).status).toBe(201);
      return (await call('POST', '/auth/login', { email, password })).body.access_token as string;
    };

    const s3Secret = `S3-secret-${randomBytes(12).toString('hex')}`;
    const sftpPassword = `Sftp-pass-${randomBytes(12).toString('hex')}`;
    const passphrase = `Key-phrase-${randomBytes(12).toString('hex')}`;
    const dbPassword = `Db-pass-${randomBytes(12).toString('hex')}`;
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase },
    });
    const keyLine = privateKey.split('\n').find((l) => l.length >= 60)!;

    const admin = await login(adminEmail);
    const owner = await login(`owner-${randomBytes(3).toString('hex')}@example.test`);
    const org = (await call('POST', '/organizations', { name: 'Secret Org' }, owner)).body;
    expect(
      (
        await call(
          'PUT',
          '/backups/storage-settings',
          { allow_private_endpoints: true, allow_insecure_endpoints: true },
          admin,
        )
      ).status,
    ).toBe(200);

    const deadPort = await closedPort();
    const s3 = await call(
      'POST',
      `/backups/storage-configs?organization_id=${org.id}`,
      {
        name: 's3',
        provider: 's3_compatible',
        endpoint_url: `http://127.0.0.1:${deadPort}`,
        bucket: 'offsite-secrets',
        region: 'us-east-1',
        access_key: 'secrets-test-access',
        secret_key: s3Secret,
      },
      owner,
    );
    expect(s3.status).toBe(201);
    expect(s3.body).toMatchObject({ has_secret: true });
    expect((await call('GET', `/backups/storage-configs/${s3.body.id}`, undefined, owner)).status).toBe(200);
    expect(
      (await call('GET', `/backups/storage-configs?organization_id=${org.id}`, undefined, owner)).status,
    ).toBe(200);
    const tested = await call('POST', `/backups/storage-configs/${s3.body.id}/test`, undefined, owner);
    expect(tested).toMatchObject({ status: 200, body: { success: false } });
    const sftpTest = await call(
      'POST',
      `/backups/storage-configs/test-connection?organization_id=${org.id}`,
      {
        name: 'sftp',
        provider: 'sftp',
        host: '127.0.0.1',
        port: deadPort,
        bucket: 'backups',
        access_key: 'offsite',
        secret_key: sftpPassword,
        private_key: privateKey,
        passphrase,
      },
      owner,
    );
    expect(sftpTest).toMatchObject({ status: 200, body: { success: false } });

    const src = new URL(source.url);
    // A platform-managed environment: the source database lives on the platform's own server.
    const env = await call(
      'POST',
      '/admin/environments',
      {
        organization_id: org.id,
        name: 'prod',
        database: {
          host: src.hostname,
          port: Number(src.port || 5432),
          name: source.name,
          username: decodeURIComponent(src.username) || 'postgres',
          password: dbPassword,
          sslmode: 'disable',
        },
        storage_config_id: s3.body.id,
      },
      admin,
    );
    expect(env.status).toBe(201);
    expect(env.body.database).toMatchObject({ has_password: true });
    const created = await call(
      'POST',
      `/backups?organization_id=${org.id}`,
      { environment_id: env.body.id },
      owner,
    );
    expect(created.status).toBe(202);
    let backup: any;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      backup = (await call('GET', `/backups/${created.body.id}`, undefined, owner)).body;
      if (['completed', 'failed'].includes(backup.status)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(backup).toMatchObject({ status: 'failed', error_code: 'endpoint_unreachable' });
    await new Promise((r) => setTimeout(r, 300)); // let the logger flush

    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    let stored: string;
    try {
      // one query at a time: a pg client does not run queries concurrently
      const rows: string[] = [];
      for (const table of ['storage_configs', 'environments', 'backups', 'audit_log', 'pgboss.job']) {
        const exists = await c.query('SELECT to_regclass($1) AS t', [table]);
        rows.push(
          exists.rows[0].t ? JSON.stringify((await c.query(`SELECT * FROM ${table}`)).rows) : `(no ${table})`,
        );
      }
      stored = rows.join('\n');
    } finally {
      await c.end();
    }

    expect(output).toContain('/api/v1/backups'); // requests were logged at all
    expect(stored).toContain(created.body.id); // the job and catalog rows were read
    for (const secret of [s3Secret, sftpPassword, passphrase, dbPassword, keyLine]) {
      expect({ secret, inLogs: output.includes(secret) }).toEqual({ secret, inLogs: false });
      expect({ secret, inResponses: responses.includes(secret) }).toEqual({ secret, inResponses: false });
      expect({ secret, inDatabase: stored.includes(secret) }).toEqual({ secret, inDatabase: false });
    }
  }, 120_000);
});
