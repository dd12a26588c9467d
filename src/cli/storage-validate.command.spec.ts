import { formatReport, targetFromOptions } from './storage-validate.command.js';
import type { TestConnectionReport } from '../modules/storage/storage-driver.js';

describe('storage:validate', () => {
  it('takes STORAGE_S3_* defaults; flags win', async () => {
    const env = {
      backend: 's3',
      bucket: 'env-bucket',
      region: 'eu-west-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      endpoint: 'https://s3.example.com',
    };
    const { target } = await targetFromOptions({ bucket: 'flag-bucket' }, env);
    expect(target).toMatchObject({
      provider: 's3_compatible',
      bucket: 'flag-bucket',
      region: 'eu-west-1',
      accessKey: 'AK',
      endpointUrl: 'https://s3.example.com',
    });
    expect((await targetFromOptions({}, { ...env, endpoint: undefined })).target.provider).toBe('aws_s3');
    const sftp = await targetFromOptions({ provider: 'sftp', host: 'h', port: '2222', accessKey: 'u' }, env);
    expect(sftp.target).toMatchObject({
      provider: 'sftp',
      host: 'h',
      port: 2222,
      bucket: undefined,
      secretKey: undefined,
    });
    await expect(targetFromOptions({}, {})).rejects.toThrow(/--provider is required/);
  });

  it('prints a tick or cross per step and a summary line', () => {
    const report: TestConnectionReport = {
      success: false,
      message: 'authentication failed: denied',
      bucket_exists: null,
      can_write: null,
      can_read: null,
      latency_ms: 3,
      provider: 'ftp',
      steps: [
        { name: 'connectivity', status: 'passed', duration_ms: 3, detail: 'ok' },
        {
          name: 'authentication',
          status: 'failed',
          duration_ms: 5,
          detail: 'denied',
          code: 'auth_failed',
          hint: 'check it',
        },
        { name: 'write probe', status: 'skipped', duration_ms: 0, detail: 'skipped' },
      ],
    };
    const out = formatReport(report);
    expect(out).toMatch(/✔ connectivity/);
    expect(out).toMatch(/✘ authentication\s+FAILED\s+5 ms\s+denied/);
    expect(out).toContain('hint: check it');
    expect(out).toMatch(/– write probe/);
    expect(out).toContain('✘ FAILED: authentication failed: denied');
  });
});
