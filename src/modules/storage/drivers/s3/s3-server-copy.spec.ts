import { createStorageDriver } from '../../storage-driver.factory.js';
import type { StorageTarget } from '../../storage-driver.js';
import { serverSideCopier } from './s3-server-copy.js';

const s3 = (over: Partial<StorageTarget> = {}): StorageTarget => ({
  provider: 's3_compatible',
  endpointUrl: 'http://127.0.0.1:9000',
  region: 'us-east-1',
  bucket: 'one',
  accessKey: 'AKIAEXAMPLE',
  secretKey: 'secret-one',
  ...over,
});
const open = (t: StorageTarget) =>
  createStorageDriver(t, { allowPrivateEndpoints: true, allowInsecureEndpoints: true });

describe('serverSideCopier', () => {
  it('is offered for two S3 configs on the same endpoint, region and credentials (other bucket or prefix)', () => {
    expect(serverSideCopier(open(s3()), open(s3({ bucket: 'two', pathPrefix: 'moved/' })))).not.toBeNull();
  });

  it.each([
    ['another secret', { secretKey: 'secret-two' }],
    ['another access key', { accessKey: 'AKIAOTHER' }],
    ['another endpoint', { endpointUrl: 'http://127.0.0.1:9001' }],
    ['another region', { region: 'eu-west-1' }],
  ])('is not offered with %s', (_name, over) => {
    expect(serverSideCopier(open(s3()), open(s3(over)))).toBeNull();
  });

  it('is not offered when either side is not S3', () => {
    const local = open({ provider: 'local', bucket: '/tmp/offsite-s3-copy-spec' });
    expect(serverSideCopier(open(s3()), local)).toBeNull();
    expect(serverSideCopier(local, open(s3()))).toBeNull();
  });
});
