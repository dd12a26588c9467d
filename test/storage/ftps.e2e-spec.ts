import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { StorageTarget } from '../../src/modules/storage/storage-driver.js';
import { REAL_FTP, skipReason, startFtpServer } from '../support/storage-servers.js';
import { storageContract } from './storage-contract.js';

const run = randomBytes(4).toString('hex');

if (REAL_FTP && process.env.TEST_FTPS_CA_FILE) {
  storageContract({
    name: 'FTPS explicit TLS (vsftpd)',
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
      fileMode: Boolean(process.env.TEST_FTP_ROOT) || 'TEST_FTP_ROOT not set',
      folders: Boolean(process.env.TEST_FTP_ROOT) || 'TEST_FTP_ROOT not set',
    },
    setup: async () => {
      const server = await startFtpServer();
      const target: StorageTarget = {
        provider: 'ftp',
        host: server.host,
        port: server.port,
        useTls: true,
        accessKey: server.user,
        secretKey: server.password,
        bucket: `contract-tls-${run}`,
        pathPrefix: 'backups/',
      };
      return {
        target,
        // TLS: insecure endpoints are NOT allowed here; the self-signed CA is trusted explicitly.
        options: { allowPrivateEndpoints: true, timeoutMs: 20_000, caCert: server.caCert },
        via: (host, port) => ({ ...target, host, port }),
        server: { host: server.host, port: server.port },
        wrongSecret: () => ({ ...target, secretKey: 'definitely-the-wrong-password' }),
        localPath: server.root
          ? (key) => path.join(server.root as string, `contract-tls-${run}`, key)
          : undefined,
        teardown: server.stop,
      };
    },
  });

  describe('FTPS certificate checks (vsftpd)', () => {
    it('an untrusted self-signed certificate → tls_failed', async () => {
      const { testStorageTarget } = await import('../../src/modules/storage/storage-driver.factory.js');
      const server = await startFtpServer();
      const report = await testStorageTarget(
        {
          provider: 'ftp',
          host: server.host,
          port: server.port,
          useTls: true,
          accessKey: server.user,
          secretKey: server.password,
        },
        { allowPrivateEndpoints: true, timeoutMs: 10_000 },
      );
      expect(report.steps.find((s) => s.status === 'failed')).toMatchObject({
        name: 'authentication',
        code: 'tls_failed',
      });
    });
  });
} else {
  describe('storage contract: FTPS', () => {
    const reason =
      'FTPS needs the real vsftpd (TEST_FTP_URL + TEST_FTPS_CA_FILE); ftp-srv FTPS has an AUTH TLS race';
    skipReason(reason);
    it.skip(reason, () => undefined);
  });
}
