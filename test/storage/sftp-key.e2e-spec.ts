import { randomBytes } from 'node:crypto';
import ssh2 from 'ssh2';
import type { StorageTarget } from '../../src/modules/storage/storage-driver.js';
import { REAL_SFTP, skipReason, startSftpServer } from '../support/storage-servers.js';
import { storageContract } from './storage-contract.js';

const run = randomBytes(4).toString('hex');
const OTHER_KEY = ssh2.utils.generateKeyPairSync('ed25519').private;
const hasKeyUser = !REAL_SFTP || Boolean(process.env.TEST_SFTP_KEY_USER && process.env.TEST_SFTP_KEY_FILE);

if (hasKeyUser) {
  storageContract({
    name: REAL_SFTP ? 'SFTP private key (OpenSSH)' : 'SFTP private key (ssh2 fallback)',
    caps: {
      network: true,
      presign: false,
      multipart: false,
      checksCredentials: true,
      verifiesPresigned: 'SFTP has no presigned URLs',
      buckets: false,
      otherOwner: 'SFTP has no bucket owners',
      scopedKey: false,
      faults: 'covered by the password-auth SFTP suite (same transport)',
      hostKey: true,
      fileMode: 'the key user home is not readable by the tests',
      folders: 'the key user home is not readable by the tests',
    },
    setup: async () => {
      const server = await startSftpServer();
      const target: StorageTarget = {
        provider: 'sftp',
        host: server.host,
        port: server.port,
        accessKey: server.keyUser,
        privateKey: server.privateKey,
        bucket: `contract-${run}`,
        pathPrefix: 'backups/',
      };
      return {
        target,
        options: { allowPrivateEndpoints: true, timeoutMs: 20_000 },
        via: (host, port) => ({ ...target, host, port }),
        server: { host: server.host, port: server.port },
        // a different, valid key that the server does not know
        wrongSecret: () => ({ ...target, privateKey: OTHER_KEY }),
        expectedHostKey: server.hostKeyFingerprint,
        teardown: server.stop,
      };
    },
  });
} else {
  describe('storage contract: SFTP private key', () => {
    it.skip('needs TEST_SFTP_KEY_USER and TEST_SFTP_KEY_FILE', () => undefined);
    skipReason('SFTP private-key suite: TEST_SFTP_KEY_USER / TEST_SFTP_KEY_FILE not set');
  });
}
