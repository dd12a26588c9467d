import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createStorageDriver, testStorageTarget } from './storage-driver.factory.js';
import { STORAGE_PROVIDERS, type StorageProvider } from './storage-driver.js';
import { collect } from './stream-utils.js';

describe('storage driver factory', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-factory-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the path prefix and hides it from listings', async () => {
    const d = createStorageDriver({ provider: 'local', bucket: dir, pathPrefix: '/org-1//backups' });
    await d.upload('db/dump.sql', Readable.from([Buffer.from('x')]));
    expect(readdirSync(path.join(dir, 'org-1', 'backups', 'db'))).toEqual(['dump.sql']);
    expect((await collect(d.list(''))).map((e) => e.key)).toEqual(['db/dump.sql']);
    await expect(d.upload('../escape', Readable.from([Buffer.from('x')]))).rejects.toMatchObject({
      code: 'invalid_config',
    });
  });

  it('refuses to delete a whole unprefixed bucket', async () => {
    const d = createStorageDriver({ provider: 'local', bucket: dir });
    await expect(d.deletePrefix('')).rejects.toMatchObject({ code: 'invalid_config' });
  });

  it('builds a driver for every provider, or says which setting is missing', () => {
    for (const provider of STORAGE_PROVIDERS) {
      try {
        expect(createStorageDriver({ provider, bucket: dir }).provider).toBe(provider);
      } catch (err) {
        expect(err).toMatchObject({ code: 'invalid_config' });
      }
    }
    expect(() => createStorageDriver({ provider: 'nope' as StorageProvider })).toThrow(
      /Unknown storage provider/,
    );
  });

  it('turns configuration errors into a report instead of throwing', async () => {
    const report = await testStorageTarget({
      provider: 'cloudflare_r2',
      bucket: 'bkt',
      accessKey: 'k',
      secretKey: 's',
    });
    expect(report).toMatchObject({
      success: false,
      bucket_exists: null,
      can_write: null,
      can_read: null,
      latency_ms: null,
      steps: [{ name: 'configuration', status: 'failed', code: 'invalid_config' }],
    });
    expect(report.message).toContain('Account ID is required for Cloudflare R2');
  });
});
