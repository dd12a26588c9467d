import type { StorageTarget } from '../storage-driver.js';
import { checkTarget } from './check-target.js';

const minio = (endpointUrl: string): StorageTarget =>
  ({
    provider: 'minio',
    bucket: 'bkt',
    accessKey: 'AKIA',
    secretKey: 'secret',
    endpointUrl,
  }) as StorageTarget;

const sftp = (host: string): StorageTarget =>
  ({ provider: 'sftp', host, accessKey: 'user', secretKey: 'password' }) as StorageTarget;

const closed = { allowInsecure: false, allowPrivate: false };

describe('storage target rules (save-time endpoint checks)', () => {
  it('refuses localhost however it is spelled, trailing dot included', async () => {
    for (const host of ['localhost', 'LOCALHOST.', 'db.localhost.']) {
      const errors = await checkTarget(sftp(host), closed);
      expect([host, errors]).toEqual([
        host,
        [{ field: 'host', messages: [expect.stringMatching(/private or local/)] }],
      ]);
    }
    const errors = await checkTarget(minio('https://LOCALHOST.:9000'), closed);
    expect(errors).toEqual([
      { field: 'endpoint_url', messages: [expect.stringMatching(/private or local/)] },
    ]);
  });

  it('refuses IPv6 literals that embed a private IPv4 address', async () => {
    for (const endpoint of [
      'https://[::7f00:1]',
      'https://[64:ff9b::a9fe:a9fe]',
      'https://[2002:a9fe:a9fe::]',
    ]) {
      const errors = await checkTarget(minio(endpoint), closed);
      expect([endpoint, errors[0]?.field]).toEqual([endpoint, 'endpoint_url']);
    }
  });

  it('refuses a name that resolves to nothing while private endpoints are off, accepts it when on', async () => {
    const errors = await checkTarget(sftp('no-such-host.invalid.'), closed);
    expect(errors).toEqual([{ field: 'host', messages: [expect.stringMatching(/does not resolve/)] }]);
    expect(await checkTarget(sftp('no-such-host.invalid.'), { ...closed, allowPrivate: true })).toEqual([]);
  });

  it('accepts a public address literal', async () => {
    expect(await checkTarget(sftp('8.8.8.8'), closed)).toEqual([]);
    expect(await checkTarget(minio('https://[2a00:1450:4001:80b::200e]'), closed)).toEqual([]);
  });
});
