import { type Command, CommanderError } from 'commander';
import { readFile } from 'node:fs/promises';
import { readStorageCliEnv, type StorageCliEnv } from '../config/storage-cli-env.js';
import {
  STORAGE_PROVIDERS,
  type StorageDriverOptions,
  type StorageProvider,
  type StorageTarget,
  type TestConnectionReport,
} from '../modules/storage/storage-driver.js';
import { StorageConfigsRepository } from '../modules/storage-configs/storage-configs.repository.js';
import { StorageConnectionsService } from '../modules/storage-configs/storage-connections.service.js';
import { withAppContext } from './context.js';

export interface StorageValidateOptions {
  provider?: string;
  endpoint?: string;
  region?: string;
  bucket?: string;
  buckets?: string;
  prefix?: string;
  accessKey?: string;
  secretKey?: string;
  accountId?: string;
  host?: string;
  port?: string;
  privateKeyFile?: string;
  passphrase?: string;
  hostKeyFingerprint?: string;
  tls?: boolean;
  caFile?: string;
  allowInsecure?: boolean;
  allowPrivate?: boolean;
  enforcePlatformPolicy?: boolean;
  timeout?: string;
  configId?: string;
  org?: string;
  json?: boolean;
}

/** Flags win over the STORAGE_S3_* / STORAGE_BACKEND environment defaults. */
export async function targetFromOptions(
  o: StorageValidateOptions,
  env: StorageCliEnv,
): Promise<{ target: StorageTarget; options: StorageDriverOptions }> {
  const envProvider =
    env.backend === 'local'
      ? 'local'
      : env.backend === 's3'
        ? env.endpoint
          ? 's3_compatible'
          : 'aws_s3'
        : undefined;
  const provider = (o.provider ?? envProvider) as StorageProvider | undefined;
  if (!provider) {
    throw new Error(
      `--provider is required (one of ${STORAGE_PROVIDERS.join(', ')}), or set STORAGE_BACKEND=s3.`,
    );
  }
  if (!(STORAGE_PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(`Unknown provider "${provider}". Use one of ${STORAGE_PROVIDERS.join(', ')}.`);
  }
  const s3Env = provider !== 'ftp' && provider !== 'sftp' && provider !== 'local';
  const target: StorageTarget = {
    provider,
    endpointUrl: o.endpoint ?? (s3Env ? env.endpoint : undefined),
    region: o.region ?? (s3Env ? env.region : undefined),
    bucket: o.bucket ?? (s3Env ? env.bucket : undefined),
    buckets: o.buckets
      ? o.buckets
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean)
      : undefined,
    pathPrefix: o.prefix,
    accessKey: o.accessKey ?? (s3Env ? env.accessKeyId : undefined),
    secretKey: o.secretKey ?? (s3Env ? env.secretAccessKey : undefined),
    accountId: o.accountId,
    host: o.host,
    port: o.port ? Number(o.port) : undefined,
    useTls: o.tls,
    privateKey: o.privateKeyFile ? await readFile(o.privateKeyFile, 'utf8') : undefined,
    passphrase: o.passphrase,
    hostKeyFingerprint: o.hostKeyFingerprint,
  };
  // The operator running the CLI is trusted: plain http and private or loopback endpoints (a
  // local MinIO) are theirs to test. --enforce-platform-policy applies the tenant rules instead.
  const enforce = o.enforcePlatformPolicy ?? false;
  const options: StorageDriverOptions = {
    allowInsecureEndpoints: enforce ? (o.allowInsecure ?? false) : true,
    allowPrivateEndpoints: enforce ? (o.allowPrivate ?? false) : true,
    timeoutMs: o.timeout ? Number(o.timeout) * 1000 : undefined,
    caCert: o.caFile ? await readFile(o.caFile, 'utf8') : undefined,
  };
  return { target, options };
}

/** Why the command skips (CI=true and no storage configured at all), or undefined when it runs. */
export function skipReasonInCi(o: StorageValidateOptions, env: StorageCliEnv): string | undefined {
  if (!env.ci || o.configId || o.provider || env.backend) return undefined;
  return 'storage:validate skipped: no storage configured (set STORAGE_BACKEND and STORAGE_S3_* or pass --provider) and CI=true.';
}

const ICON = { passed: '✔', failed: '✘', skipped: '–' } as const;

/** The report as a table: a tick or cross per step with its time, then a summary line. */
export function formatReport(report: TestConnectionReport): string {
  const width = Math.max(...report.steps.map((s) => s.name.length));
  const lines = report.steps.map((s) => {
    const head = `  ${ICON[s.status]} ${s.name.padEnd(width)}  ${s.status.toUpperCase().padEnd(7)} ${`${s.duration_ms} ms`.padStart(8)}  ${s.detail}`;
    const extra = [s.code ? `code: ${s.code}` : '', s.hint ? `hint: ${s.hint}` : ''].filter(Boolean);
    return [head, ...extra.map((e) => `${' '.repeat(width + 24)}${e}`)].join('\n');
  });
  const total = report.steps.reduce((n, s) => n + s.duration_ms, 0);
  const passed = report.steps.filter((s) => s.status === 'passed').length;
  const info = [
    report.buckets ? `buckets: ${report.buckets.join(', ') || '(none)'}` : '',
    report.bucket_region ? `bucket region: ${report.bucket_region}` : '',
    report.versioning ? `versioning: ${report.versioning}, object lock: ${report.object_lock}` : '',
    report.host_key_fingerprint ? `host key: ${report.host_key_fingerprint}` : '',
  ].filter(Boolean);
  return [
    `Storage validation (${report.provider})`,
    '',
    ...lines,
    '',
    ...info.map((i) => `  ${i}`),
    `${'─'.repeat(60)}`,
    report.success
      ? `  ✔ ${report.message}: ${passed} steps passed in ${total} ms`
      : `  ✘ FAILED: ${report.message}`,
    '',
  ].join('\n');
}

async function reportForConfigId(id: string, org: string | undefined): Promise<TestConnectionReport> {
  return withAppContext({}, async (ctx) => {
    const repo = ctx.get(StorageConfigsRepository, { strict: false });
    const connections = ctx.get(StorageConnectionsService, { strict: false });
    // Platform configs have no organization; --org only disambiguates, access is the operator's.
    const scope = org ?? (await repo.findOrganizationId(id));
    const driver = await connections.openDriver(scope, id);
    try {
      return await driver.testConnection();
    } finally {
      await driver.close();
    }
  });
}

export function registerStorageValidateCommand(program: Command): void {
  program
    .command('storage:validate')
    .description(
      'Run the storage test-connection steps outside the server. Defaults come from STORAGE_BACKEND and STORAGE_S3_*; flags win. Exits non-zero on failure.',
    )
    .option('--provider <provider>', STORAGE_PROVIDERS.join(' | '))
    .option('--endpoint <url>', 'S3 endpoint, or ftp://host:port / sftp://host:port')
    .option('--region <region>')
    .option('--bucket <bucket>', 'bucket (S3) or base directory (FTP/SFTP/local)')
    .option('--buckets <list>', 'comma-separated manual bucket list (bucket-scoped keys)')
    .option('--prefix <prefix>', 'path prefix inside the bucket')
    .option('--access-key <key>', 'access key, or user name for FTP/SFTP')
    .option('--secret-key <secret>', 'secret key, or password for FTP/SFTP')
    .option('--account-id <id>', 'Cloudflare account ID (R2)')
    .option('--host <host>', 'FTP/SFTP host')
    .option('--port <port>', 'FTP/SFTP port')
    .option('--private-key-file <file>', 'SFTP private key')
    .option('--passphrase <passphrase>', 'SFTP private key passphrase')
    .option('--host-key-fingerprint <fp>', 'expected SFTP host key (SHA256:...)')
    .option('--tls', 'explicit FTPS (AUTH TLS)')
    .option('--ca-file <file>', 'extra trusted CA certificate (PEM)')
    .option(
      '--enforce-platform-policy',
      "apply the tenants' endpoint rules (no http://, plain FTP, private or loopback addresses); --config-id always does",
    )
    .option('--allow-insecure', 'with --enforce-platform-policy: allow http:// and plain FTP')
    .option('--allow-private', 'with --enforce-platform-policy: allow private / loopback addresses')
    .option('--timeout <seconds>', 'per-operation timeout', '30')
    .option('--config-id <id>', 'test a saved storage configuration (reads the database)')
    .option('--org <organizationId>', 'organization of --config-id (default: looked up)')
    .option('--json', 'print the JSON of the test-connection API')
    .addHelpText(
      'after',
      [
        '',
        'Environment (defaults for the flags above; flags win):',
        '  STORAGE_BACKEND               s3 | local',
        '  STORAGE_S3_ENDPOINT           e.g. http://localhost:9000 (MinIO); unset: AWS',
        '  STORAGE_S3_REGION             e.g. us-east-1',
        '  STORAGE_S3_BUCKET             bucket to test',
        '  STORAGE_S3_ACCESS_KEY_ID      access key',
        '  STORAGE_S3_SECRET_ACCESS_KEY  secret key',
      ].join('\n'),
    )
    .action(async (o: StorageValidateOptions) => {
      let report: TestConnectionReport;
      const env = readStorageCliEnv();
      const skip = skipReasonInCi(o, env);
      if (skip) {
        process.stdout.write(`${skip}\n`);
        return;
      }
      if (o.configId) {
        report = await reportForConfigId(o.configId, o.org);
      } else {
        const { target, options } = await targetFromOptions(o, env);
        // Loaded on use: the SDKs are heavy and the CLI has other commands.
        const { testStorageTarget } = await import('../modules/storage/storage-driver.factory.js');
        report = await testStorageTarget(target, options);
      }
      process.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      if (!report.success) throw new CommanderError(1, 'storage.validate.failed', report.message);
    });
}
