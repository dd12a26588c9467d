import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { StorageTarget } from '../../src/modules/storage/storage-driver.js';
import { REAL_FTP, startFtpServer } from '../support/storage-servers.js';
import { storageContract } from './storage-contract.js';

const run = randomBytes(4).toString('hex');

storageContract({
  name: REAL_FTP ? 'FTP (vsftpd)' : 'FTP (ftp-srv fallback)',
  caps: {
    network: true,
    presign: false,
    multipart: false,
    checksCredentials: true,
    verifiesPresigned: 'FTP has no presigned URLs',
    buckets: false,
    otherOwner: 'FTP has no bucket owners',
    scopedKey: false,
    faults:
      'FTP passive data connections bypass a TCP relay; see ftp-faults.e2e-spec (vsftpd session processes)',
    hostKey: false,
    fileMode: REAL_FTP ? Boolean(process.env.TEST_FTP_ROOT) || 'TEST_FTP_ROOT not set' : true,
    folders: REAL_FTP ? Boolean(process.env.TEST_FTP_ROOT) || 'TEST_FTP_ROOT not set' : true,
  },
  setup: async () => {
    const server = await startFtpServer();
    const target: StorageTarget = {
      provider: 'ftp',
      host: server.host,
      port: server.port,
      useTls: false,
      accessKey: server.user,
      secretKey: server.password,
      bucket: `contract-${run}`,
      pathPrefix: 'backups/',
    };
    return {
      target,
      options: { allowInsecureEndpoints: true, allowPrivateEndpoints: true, timeoutMs: 20_000 },
      via: (host, port) => ({ ...target, host, port }),
      server: { host: server.host, port: server.port },
      wrongSecret: () => ({ ...target, secretKey: 'definitely-the-wrong-password' }),
      localPath: server.root ? (key) => path.join(server.root as string, `contract-${run}`, key) : undefined,
      teardown: server.stop,
    };
  },
});
