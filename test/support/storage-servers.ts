import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSftpTestServer } from './sftp-test-server.js';

/**
 * Coordinates of the storage test servers. Real servers come from environment variables (set by
 * `source .ci/test-servers.sh`); without them, in-process fallbacks are started and the cases that
 * only a real server can decide are skipped with a printed reason.
 *
 *   TEST_S3_ENDPOINT, TEST_S3_REGION, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY
 *   TEST_S3_ACCESS_KEY2, TEST_S3_SECRET_KEY2   another owner in the same account (Swift test:tester2)
 *   TEST_S3_ACCESS_KEY3, TEST_S3_SECRET_KEY3   a non-admin user (Swift test:tester3)
 *   TEST_FTP_URL         ftp://user:password@127.0.0.1:2121 (vsftpd; explicit FTPS on the same port)
 *   TEST_FTPS_CA_FILE    the FTPS server certificate (self-signed)
 *   TEST_FTP_ROOT        the FTP user's directory on this machine (optional: file-mode checks)
 *   TEST_SFTP_URL        sftp://user:password@127.0.0.1:2222 (OpenSSH)
 *   TEST_SFTP_KEY_USER, TEST_SFTP_KEY_FILE      the key-only user and its private key
 *   TEST_SFTP_HOST_KEY_FILE  the server's public host key (.pub), to check the reported fingerprint
 *   TEST_SFTP_ROOT       the password user's home on this machine (optional: 0600 check)
 *   TEST_S3_PID, TEST_FTP_PID, TEST_SFTP_PID   server PIDs (informational; fault tests use a relay)
 */
const env = process.env;

export const REAL_S3 = Boolean(env.TEST_S3_ENDPOINT);
export const REAL_FTP = Boolean(env.TEST_FTP_URL);
export const REAL_SFTP = Boolean(env.TEST_SFTP_URL);

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

export interface S3TestServer extends Credentials {
  real: boolean;
  name: string;
  endpoint: string;
  region: string;
  otherOwner?: Credentials;
  nonAdmin?: Credentials;
  stop(): Promise<void>;
}

export interface FtpTestServer {
  real: boolean;
  name: string;
  host: string;
  port: number;
  user: string;
  password: string;
  caCert?: string;
  /** Local directory the FTP user writes to, when on this machine. */
  root?: string;
  stop(): Promise<void>;
}

export interface SftpTestServer {
  real: boolean;
  name: string;
  host: string;
  port: number;
  user: string;
  password: string;
  keyUser?: string;
  privateKey?: string;
  hostKeyFingerprint?: string;
  root?: string;
  stop(): Promise<void>;
}

/** Prints why a case does not run here, once per reason. */
const printed = new Set<string>();
export function skipReason(reason: string): void {
  if (printed.has(reason)) return;
  printed.add(reason);
  process.stdout.write(`[storage tests] SKIPPED: ${reason}\n`);
}

function tempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `offsite-${name}-`));
}

export async function startS3Server(): Promise<S3TestServer> {
  if (REAL_S3) {
    const pair = (k?: string, s?: string) => (k && s ? { accessKey: k, secretKey: s } : undefined);
    return {
      real: true,
      name: 'Swift s3api',
      endpoint: env.TEST_S3_ENDPOINT as string,
      region: env.TEST_S3_REGION ?? 'us-east-1',
      accessKey: env.TEST_S3_ACCESS_KEY ?? 'test:tester',
      secretKey: env.TEST_S3_SECRET_KEY ?? 'testing',
      otherOwner: pair(env.TEST_S3_ACCESS_KEY2, env.TEST_S3_SECRET_KEY2),
      nonAdmin: pair(env.TEST_S3_ACCESS_KEY3, env.TEST_S3_SECRET_KEY3),
      stop: async () => undefined,
    };
  }
  const { default: S3rver } = await import('s3rver');
  const dir = tempDir('s3rver');
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
  const address = (await server.run()) as { port: number };
  skipReason('TEST_S3_ENDPOINT not set: S3 cases run against the in-process s3rver fallback');
  return {
    real: false,
    name: 's3rver (fallback)',
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'us-east-1',
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Test set-up only: buckets are created with the raw SDK, outside the driver under test. */
export async function createBucket(
  server: S3TestServer,
  bucket: string,
  creds: Credentials = server,
): Promise<void> {
  const client = new S3Client({
    region: server.region,
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: creds.accessKey, secretAccessKey: creds.secretKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if ((err as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw err;
  } finally {
    client.destroy();
  }
}

export interface FtpServerOptions {
  /**
   * In-process server only: while this returns true, the server refuses to delete files (550),
   * like a provider under a retention policy.
   */
  refuseDeletes?: () => boolean;
}

export async function startFtpServer(options: FtpServerOptions = {}): Promise<FtpTestServer> {
  // Refusing deletes is fault injection only the in-process server can do: it runs even beside vsftpd.
  if (REAL_FTP && !options.refuseDeletes) {
    const url = new URL(env.TEST_FTP_URL as string);
    return {
      real: true,
      name: 'vsftpd',
      host: url.hostname,
      port: Number(url.port || 21),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      caCert: env.TEST_FTPS_CA_FILE ? readFileSync(env.TEST_FTPS_CA_FILE, 'utf8') : undefined,
      root: env.TEST_FTP_ROOT,
      stop: async () => undefined,
    };
  }
  const { FtpSrv, FileSystem } = await import('ftp-srv');
  const refuse = options.refuseDeletes;
  /** ftp-srv's own file system, with deletes refused while `refuse` says so. */
  const refusingFs = (connection: unknown) => {
    const fs = new FileSystem(connection, { root, cwd: '/' });
    const remove = (fs.delete as (p: string) => Promise<unknown>).bind(fs);
    fs.delete = (p: string) =>
      refuse?.() ? Promise.reject(new Error('Deletes are refused by the retention policy')) : remove(p);
    return fs as unknown;
  };
  const root = tempDir('ftpsrv');
  const before = new Map(
    ['SIGTERM', 'SIGINT', 'SIGQUIT'].map((s) => [s, process.listeners(s as NodeJS.Signals)]),
  );
  const pasvMin = 31000 + Math.floor(Math.random() * 900);
  const server = new FtpSrv({
    url: 'ftp://127.0.0.1:0',
    pasv_url: '127.0.0.1',
    pasv_min: pasvMin,
    pasv_max: pasvMin + 50,
    anonymous: false,
    greeting: 'offsite test',
    log: {
      trace() {},
      debug() {},
      info() {},
      warn() {},
      error() {},
      child() {
        return this;
      },
    },
  });
  // ftp-srv installs SIGTERM/SIGINT/SIGQUIT handlers that call process.exit: remove them.
  for (const [sig, listeners] of before) {
    for (const l of process.listeners(sig as NodeJS.Signals)) {
      if (!listeners.includes(l)) process.removeListener(sig, l);
    }
  }
  server.on(
    'login',
    (
      { connection, username, password }: { connection: unknown; username: string; password: string },
      resolve: (o: object) => void,
      reject: (e: Error) => void,
    ) => {
      if (username === 'offsite' && password === 'backup-pass')
        resolve(refuse ? { fs: refusingFs(connection) } : { root });
      else reject(new Error('Invalid username or password'));
    },
  );
  await server.listen();
  const port = (server.server.address() as { port: number }).port;
  if (!REAL_FTP)
    skipReason('TEST_FTP_URL not set: FTP cases run against the in-process ftp-srv fallback (no FTPS)');
  return {
    real: false,
    name: 'ftp-srv (fallback)',
    host: '127.0.0.1',
    port,
    user: 'offsite',
    password: 'backup-pass',
    root,
    stop: async () => {
      await server.close().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function fingerprintOfPubFile(file: string): string | undefined {
  const b64 = readFileSync(file, 'utf8').trim().split(/\s+/)[1];
  if (!b64) return undefined;
  return (
    'SHA256:' + createHash('sha256').update(Buffer.from(b64, 'base64')).digest('base64').replace(/=+$/, '')
  );
}

export async function startSftpServer(): Promise<SftpTestServer> {
  if (REAL_SFTP) {
    const url = new URL(env.TEST_SFTP_URL as string);
    return {
      real: true,
      name: 'OpenSSH sshd',
      host: url.hostname,
      port: Number(url.port || 22),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      keyUser: env.TEST_SFTP_KEY_USER,
      privateKey: env.TEST_SFTP_KEY_FILE ? readFileSync(env.TEST_SFTP_KEY_FILE, 'utf8') : undefined,
      hostKeyFingerprint: env.TEST_SFTP_HOST_KEY_FILE
        ? fingerprintOfPubFile(env.TEST_SFTP_HOST_KEY_FILE)
        : undefined,
      root: env.TEST_SFTP_ROOT,
      stop: async () => undefined,
    };
  }
  const root = tempDir('sftp');
  const s = await startSftpTestServer(root);
  skipReason('TEST_SFTP_URL not set: SFTP cases run against the in-process ssh2 fallback server');
  return {
    real: false,
    name: 'ssh2 SFTP (fallback)',
    host: s.host,
    port: s.port,
    user: s.user,
    password: s.password,
    keyUser: s.keyUser,
    privateKey: s.privateKey,
    hostKeyFingerprint: s.hostKeyFingerprint,
    root,
    stop: async () => {
      await s.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
