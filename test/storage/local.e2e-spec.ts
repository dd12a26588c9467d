import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StorageTarget } from '../../src/modules/storage/storage-driver.js';
import { storageContract } from './storage-contract.js';

storageContract({
  name: 'local directory',
  caps: {
    network: 'local storage has no network endpoint',
    presign: false,
    multipart: false,
    checksCredentials: 'local storage has no credentials',
    verifiesPresigned: 'local storage has no presigned URLs',
    buckets: false,
    otherOwner: 'local storage has no owners',
    scopedKey: false,
    faults: 'local storage has no server to kill',
    hostKey: false,
    fileMode: true,
    folders: true,
  },
  setup: async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-local-'));
    const target: StorageTarget = { provider: 'local', bucket: dir, pathPrefix: 'tenant-a/' };
    return {
      target,
      options: {},
      via: () => target,
      server: { host: '', port: 0 },
      wrongSecret: () => target,
      localPath: (key) => path.join(dir, key),
      teardown: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
