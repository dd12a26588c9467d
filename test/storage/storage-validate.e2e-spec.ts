import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { runCli } from '../../src/cli/program.js';
import { createBucket, startS3Server, type S3TestServer } from '../support/storage-servers.js';

/**
 * `storage:validate` trusts the operator (a local MinIO on http://localhost is theirs to test),
 * applies the tenant rules only when asked, and skips in CI when no storage is configured.
 */
describe('storage:validate CLI (real S3 server on loopback)', () => {
  let s3: S3TestServer;
  let bucket: string;
  const saved = { ...process.env };
  let out: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    bucket = `val-${randomBytes(4).toString('hex')}`;
    await createBucket(s3, bucket);
  });
  afterAll(async () => {
    await s3?.stop();
  });
  beforeEach(() => {
    out = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    for (const k of Object.keys(process.env)) if (/^(STORAGE_|CI$)/.test(k)) delete process.env[k];
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...saved };
  });

  const s3Args = () => [
    '--endpoint',
    s3.endpoint,
    '--region',
    s3.region,
    '--bucket',
    bucket,
    '--access-key',
    s3.accessKey,
    '--secret-key',
    s3.secretKey,
    '--json',
  ];

  it('tests a plain-http loopback endpoint without --allow flags (the operator is trusted)', async () => {
    expect(s3.endpoint).toMatch(/^https?:\/\//);
    const code = await runCli([
      'node',
      'cli',
      'storage:validate',
      '--provider',
      's3_compatible',
      ...s3Args(),
    ]);
    expect(JSON.parse(out)).toMatchObject({ success: true });
    expect(code).toBe(0);
  });

  it('takes the endpoint from STORAGE_S3_* (the local MinIO example) with no flags', async () => {
    Object.assign(process.env, {
      STORAGE_BACKEND: 's3',
      STORAGE_S3_ENDPOINT: s3.endpoint,
      STORAGE_S3_REGION: s3.region,
      STORAGE_S3_BUCKET: bucket,
      STORAGE_S3_ACCESS_KEY_ID: s3.accessKey,
      STORAGE_S3_SECRET_ACCESS_KEY: s3.secretKey,
    });
    expect(await runCli(['node', 'cli', 'storage:validate'])).toBe(0);
    expect(out).toContain('✔');
  });

  it('--enforce-platform-policy applies the tenant rules (loopback refused)', async () => {
    const code = await runCli([
      'node',
      'cli',
      'storage:validate',
      '--provider',
      's3_compatible',
      '--enforce-platform-policy',
      ...s3Args(),
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { success: boolean; message: string };
    expect(report.success).toBe(false);
    expect(report.message).toMatch(/^Connection failed: .*(private|local|loopback|http)/i);
  });

  it('CI=true with no storage configured: skips with a message, exit 0; without CI it fails', async () => {
    process.env.CI = 'true';
    expect(await runCli(['node', 'cli', 'storage:validate'])).toBe(0);
    expect(out).toMatch(/skipped: no storage configured/);
    delete process.env.CI;
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCli(['node', 'cli', 'storage:validate'])).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/--provider is required/);
  });
});
