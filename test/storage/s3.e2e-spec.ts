import { randomBytes } from 'node:crypto';
import type { StorageTarget } from '../../src/modules/storage/storage-driver.js';
import { startDenyListBucketsProxy } from '../support/deny-list-buckets.proxy.js';
import { REAL_S3, createBucket, startS3Server } from '../support/storage-servers.js';
import { storageContract } from './storage-contract.js';

const run = randomBytes(4).toString('hex');
const bucket = `offsite-contract-${run}`;

storageContract({
  name: REAL_S3 ? 'S3 (Swift s3api)' : 'S3 (s3rver fallback)',
  caps: {
    network: true,
    presign: true,
    multipart: true,
    checksCredentials: REAL_S3 || 's3rver does not verify secrets (set TEST_S3_ENDPOINT)',
    verifiesPresigned: REAL_S3 || 's3rver accepts expired and tampered URLs (set TEST_S3_ENDPOINT)',
    buckets: true,
    otherOwner:
      (REAL_S3 && Boolean(process.env.TEST_S3_ACCESS_KEY2)) ||
      'needs a second owner in the same account (TEST_S3_ACCESS_KEY2 on Swift)',
    scopedKey: true,
    faults: true,
    hostKey: false,
    fileMode: 'object storage has no file modes',
    folders: 'object storage has no folders to leave behind',
  },
  setup: async () => {
    const server = await startS3Server();
    await createBucket(server, bucket);
    const u = new URL(server.endpoint);
    const target: StorageTarget = {
      provider: 's3_compatible',
      bucket,
      endpointUrl: server.endpoint,
      region: server.region,
      // pasted with whitespace: the driver trims
      accessKey: ` ${server.accessKey}\n`,
      secretKey: `${server.secretKey} `,
      pathPrefix: `run-${run}/`,
    };
    return {
      target,
      options: { allowInsecureEndpoints: true, allowPrivateEndpoints: true, timeoutMs: 20_000 },
      via: (host, port) => ({ ...target, endpointUrl: `http://${host}:${port}` }),
      server: { host: u.hostname, port: Number(u.port) },
      wrongSecret: () => ({ ...target, secretKey: 'definitely-the-wrong-secret' }),
      unknownBucket: () => ({ ...target, bucket: `offsite-missing-${run}` }),
      otherOwnerBucket: async () => {
        const theirs = `offsite-theirs-${run}`;
        await createBucket(server, theirs, server.otherOwner);
        return { ...target, bucket: theirs };
      },
      scopedKey: async () => {
        const proxy = await startDenyListBucketsProxy(server.endpoint);
        return { target: { ...target, endpointUrl: proxy.endpoint }, close: proxy.close };
      },
      teardown: server.stop,
    };
  },
});
