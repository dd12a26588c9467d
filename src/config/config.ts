import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeySpec, parseKeyring } from '../common/crypto/credentials-cipher.js';

/**
 * The one place that reads process.env. Every variable is declared here with its default,
 * validated once at boot, and turned into the typed AppConfig the rest of the code receives.
 *
 * Long on purpose: an operator looking for a variable, its default or its validation reads one
 * file top to bottom; splitting it by feature would scatter the one table they need.
 */

export type NodeEnv = 'development' | 'production' | 'test';

/** Who may read the OpenAPI document and UI at /api/docs. */
export type ApiDocsAccess = 'public' | 'admin' | 'off';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  bodyLimitBytes: number;
  http: {
    apiDocs: ApiDocsAccess;
    /** Browser origins allowed by CORS; empty: CORS off (no CORS headers at all). `*` allows any. */
    corsOrigins: string[];
    /** Time to receive a whole request (headers and body). */
    requestTimeoutMs: number;
    /** Time to receive the request headers: what closes silent and slow-loris connections. */
    headersTimeoutMs: number;
    /** How long an idle keep-alive connection stays open between requests. */
    keepAliveTimeoutMs: number;
    /** A connection with no traffic either way for this long is closed (e.g. a stalled download). */
    connectionTimeoutMs: number;
    /** Open connections per process; more are refused at once. */
    maxConnections: number;
  };
  /** Unset means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  migrationsRun: boolean;
  dataDir: string;
  embeddedPgPort: number;
  workerEnabled: boolean;
  log: { level: string; pretty: boolean };
  storage: {
    localDir: string;
    /** Create a platform default `local` config in localDir when the platform has no default (the embedded default). */
    localDefault: boolean;
  };
  pgBinDirs: string[];
  /** The directory Offsite runs from (its code and, by default, its data): never a tenant's source. */
  appDir: string;
  sources: {
    /**
     * Filestore roots used until a platform administrator sets them (SOURCE_FILESTORE_ROOTS);
     * the embedded default confines organizations to <data dir>/filestores/{organization_slug}.
     */
    defaultFilestoreRoots: string[];
  };
  schedules: {
    /** How often a worker looks for due schedules (wall-clock seconds; due times come from the Clock). */
    tickSeconds: number;
    /** How often a worker runs the retention sweep over every schedule. */
    retentionSweepSeconds: number;
  };
  backups: {
    /** A job whose worker stops sending heartbeats for this long is retried by another worker. */
    heartbeatSeconds: number;
    /** Backups one worker process runs at a time. */
    concurrency: number;
    /** Retries of a backup job whose worker died or hit a transient error. */
    retryLimit: number;
    /**
     * How gzip and zstd run: 'auto' (default) uses the pigz / zstd binaries when installed and
     * Node's zlib otherwise; 'in-process' always uses zlib; 'process' prefers the binaries too.
     */
    codecEngine: 'auto' | 'process' | 'in-process';
    /** Compression of new environments that name none (DEFAULT_COMPRESSION); zstd is recommended. */
    defaultCompression: 'gzip' | 'zstd';
    /**
     * RESTORE_SPOOL: 'auto' (default) spools a custom-format dump to OFFSITE_DATA_DIR when the disk
     * has room, for a parallel pg_restore; 'never' always streams it to pg_restore's stdin.
     */
    restoreSpool: 'auto' | 'never';
  };
  /**
   * Test hooks (NODE_ENV=test only): points where a backup migration or restore job stops and
   * waits, so a test can SIGKILL its worker there (MIGRATION_TEST_PAUSE_AT=mid_copy,...;
   * RESTORE_TEST_PAUSE_AT=mid_database).
   */
  testHooks: { migrationPauseAt: string[]; restorePauseAt: string[] };
  /** Keyring spec `kid:base64key,…` (newest last) for credentials at rest. */
  credentialsKeys: string;
  /** True when the keyring was generated for development (a warning is printed at start). */
  credentialsKeysGenerated: boolean;
  auth: {
    jwtSecret: string;
    jwtIssuer: string;
    jwtAudience: string;
    jwtTtlSeconds: number;
    platformAdminEmails: string[];
    /** Failed logins per (client address, account) within the window before delays start. */
    loginMaxFailures: number;
    loginWindowSeconds: number;
    /** The delay doubles with each further failure (1 s, 2 s, 4 s…) up to this. */
    loginMaxDelaySeconds: number;
    /** Failed logins per client address, whatever the accounts, within the window before 429. */
    loginAddressMaxFailures: number;
  };
  /**
   * Header carrying the client address, set by the reverse proxy in front (its rightmost entry is
   * used: the address the proxy saw). Unset: the socket's address; the header is then ignored.
   */
  trustedProxyHeader: string | undefined;
  /** Outgoing e-mail (notification channels of kind email). Unset url: e-mail channels are refused. */
  smtp: { url: string | undefined; from: string };
  notifications: {
    /** First retry delay of a failed delivery; it doubles per attempt (capped at one hour). */
    retryBaseSeconds: number;
    /** A delivery is retried for this long after its event, then marked failed. */
    retryWindowSeconds: number;
    /** Per attempt: connect, send and answer. */
    timeoutMs: number;
  };
  metrics: {
    /** Bearer token for GET /metrics on the API port; unset: /metrics answers 404 there. */
    token: string | undefined;
    /** A separate port serving /metrics without authentication (for a private network); 0: none. */
    port: number;
    host: string;
  };
  storageHealth: {
    /** How often a worker looks for configs whose probe is due (the interval itself is a platform setting). */
    tickSeconds: number;
    /** How often a worker re-evaluates the backup freshness of scheduled environments. */
    freshnessTickSeconds: number;
  };
  /** Requests per window, per process, per client address and per bearer token (429 beyond). */
  rateLimit: {
    windowSeconds: number;
    perAddress: number;
    perToken: number;
    /** Addresses and tokens remembered per process (least recently seen forgotten first). */
    cacheSize: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSee .env.example for every variable and its default.',
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, def: string): string {
    const v = this.env[name];
    return v === undefined || v === '' ? def : v.trim();
  }

  optional(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  int(name: string, def: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name}=${JSON.stringify(raw)}: must be an integer between ${min} and ${max}`);
      return def;
    }
    return n;
  }

  bool(name: string, def: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return def;
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name}=${JSON.stringify(raw)}: must be true or false`);
    return def;
  }

  oneOf<T extends string>(name: string, def: T, allowed: readonly T[]): T {
    const v = this.str(name, def);
    if (!(allowed as readonly string[]).includes(v)) {
      this.problems.push(`${name}=${JSON.stringify(v)}: must be one of ${allowed.join(', ')}`);
      return def;
    }
    return v as T;
  }

  list(name: string): string[] {
    return (this.env[name] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const DEV_SECRET_FILE = 'jwt-secret';

const DEV_KEYRING_FILE = 'credentials-keys';

/** A development keyring persisted under the data dir (credentials stored by the embedded default stay readable). */
function developmentKeyring(dataDir: string): string {
  const file = path.join(dataDir, DEV_KEYRING_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const spec = generateKeySpec('dev1');
  writeFileSync(file, spec + '\n', { mode: 0o600 });
  return spec;
}

/** A development secret persisted under the data dir, so tokens survive restarts of the embedded default. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function trustedProxyHeader(r: Reader): string | undefined {
  const name = r.optional('TRUSTED_PROXY_HEADER')?.toLowerCase();
  if (name && !/^[a-z0-9-]+$/.test(name)) {
    r.problems.push('TRUSTED_PROXY_HEADER: must be a header name such as x-forwarded-for');
    return undefined;
  }
  return name;
}

/** Loads ./.env into process.env (variables already set win), then validates. */
export function loadConfig(env?: Env, cwd = process.cwd()): AppConfig {
  if (!env) {
    const dotenv = path.join(cwd, '.env');
    if (existsSync(dotenv)) process.loadEnvFile(dotenv);
    env = process.env;
  }
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', 'development', ['development', 'production', 'test']);
  const host = r.str('HOST', '127.0.0.1');
  const port = r.int('PORT', 3000, 0, 65535);
  const dataDir = path.resolve(cwd, r.str('OFFSITE_DATA_DIR', '.offsite'));
  const databaseUrl = r.optional('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    r.problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }
  if (!databaseUrl && nodeEnv === 'production') {
    r.problems.push(
      'DATABASE_URL: required when NODE_ENV=production (the embedded PostgreSQL is for development)',
    );
  }
  const logFormat = r.oneOf('LOG_FORMAT', nodeEnv === 'production' ? 'json' : 'pretty', ['json', 'pretty']);
  const logLevel = r.oneOf('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info', [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ]);

  let jwtSecret = r.optional('JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) {
    r.problems.push('JWT_SECRET: must be at least 32 characters');
  }
  if (!jwtSecret) {
    if (nodeEnv === 'production') r.problems.push('JWT_SECRET: required when NODE_ENV=production');
    else jwtSecret = developmentSecret(dataDir);
  }

  let credentialsKeys = r.optional('CREDENTIALS_KEYS');
  const credentialsKeysGenerated = !credentialsKeys && nodeEnv !== 'production';
  if (credentialsKeys) {
    try {
      parseKeyring(credentialsKeys);
    } catch (err) {
      r.problems.push(
        `CREDENTIALS_KEYS: ${(err as Error).message} (generate one with: npm run cli -- keys:generate)`,
      );
    }
  } else if (nodeEnv === 'production') {
    r.problems.push(
      'CREDENTIALS_KEYS: required when NODE_ENV=production (npm run cli -- keys:generate prints one)',
    );
  } else {
    credentialsKeys = developmentKeyring(dataDir);
  }

  const corsOrigins = r.list('CORS_ORIGINS');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !isOrigin(origin)) {
      r.problems.push(
        `CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path) or *`,
      );
    }
  }
  const requestTimeoutMs = r.int('HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 3_600_000);
  const headersTimeoutMs = r.int('HTTP_HEADERS_TIMEOUT_MS', 10_000, 1000, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    r.problems.push('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  }

  const smtpUrl = r.optional('SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    r.problems.push('SMTP_URL: must be an smtp:// or smtps:// URL (smtp://user:password@host:587)');
  }
  const metricsToken = r.optional('METRICS_TOKEN');
  if (metricsToken && metricsToken.length < 16) {
    r.problems.push('METRICS_TOKEN: must be at least 16 characters');
  }

  const pgBinDirs = r.list('PG_BIN_DIRS');
  const filestoreRoots = r.list('SOURCE_FILESTORE_ROOTS').map((root) => path.resolve(cwd, root));
  const config: AppConfig = {
    nodeEnv,
    host,
    port,
    publicUrl: r
      .str('PUBLIC_URL', `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`)
      .replace(/\/+$/, ''),
    bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    http: {
      apiDocs: r.oneOf<ApiDocsAccess>('API_DOCS', nodeEnv === 'production' ? 'off' : 'public', [
        'public',
        'admin',
        'off',
      ]),
      corsOrigins,
      requestTimeoutMs,
      headersTimeoutMs,
      keepAliveTimeoutMs: r.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1000, 3_600_000),
      connectionTimeoutMs: r.int('HTTP_CONNECTION_TIMEOUT_MS', 60_000, 1000, 3_600_000),
      maxConnections: r.int('HTTP_MAX_CONNECTIONS', 1000, 1, 1_000_000),
    },
    databaseUrl,
    migrationsRun: r.bool('MIGRATIONS_RUN', true),
    dataDir,
    embeddedPgPort: r.int('EMBEDDED_PG_PORT', 0, 0, 65535),
    workerEnabled: r.bool('WORKER_ENABLED', true),
    log: { level: logLevel, pretty: logFormat === 'pretty' },
    storage: {
      localDir: path.resolve(cwd, r.str('STORAGE_LOCAL_DIR', path.join(dataDir, 'storage'))),
      localDefault: r.bool('STORAGE_LOCAL_DEFAULT', !databaseUrl),
    },
    pgBinDirs: pgBinDirs.length
      ? pgBinDirs
      : [
          '/usr/lib/postgresql/18/bin',
          '/usr/lib/postgresql/17/bin',
          '/usr/lib/postgresql/16/bin',
          '/usr/lib/postgresql/15/bin',
          '/usr/bin',
        ],
    appDir: path.resolve(cwd),
    sources: {
      defaultFilestoreRoots: filestoreRoots.length
        ? filestoreRoots
        : databaseUrl
          ? []
          : [path.join(dataDir, 'filestores', '{organization_slug}')],
    },
    schedules: {
      tickSeconds: r.int('SCHEDULER_TICK_SECONDS', 15, 1, 3600),
      retentionSweepSeconds: r.int('RETENTION_SWEEP_SECONDS', 3600, 10, 7 * 86400),
    },
    backups: {
      heartbeatSeconds: r.int('BACKUP_HEARTBEAT_SECONDS', 30, 10, 3600),
      concurrency: r.int('BACKUP_CONCURRENCY', 2, 1, 64),
      retryLimit: r.int('BACKUP_RETRY_LIMIT', 2, 0, 20),
      codecEngine: r.oneOf('CODEC_ENGINE', 'auto', ['auto', 'process', 'in-process']),
      defaultCompression: r.oneOf('DEFAULT_COMPRESSION', 'gzip', ['gzip', 'zstd']),
      restoreSpool: r.oneOf('RESTORE_SPOOL', 'auto', ['auto', 'never']),
    },
    testHooks: {
      migrationPauseAt: pausePoints(r, nodeEnv, 'MIGRATION_TEST_PAUSE_AT', MIGRATION_PAUSE_POINTS),
      restorePauseAt: pausePoints(r, nodeEnv, 'RESTORE_TEST_PAUSE_AT', RESTORE_PAUSE_POINTS),
    },
    credentialsKeys: credentialsKeys ?? '',
    credentialsKeysGenerated,
    auth: {
      jwtSecret: jwtSecret ?? '',
      jwtIssuer: r.str('JWT_ISSUER', 'offsite'),
      jwtAudience: r.str('JWT_AUDIENCE', 'offsite-api'),
      jwtTtlSeconds: r.int('JWT_TTL_SECONDS', 3600, 60, 7 * 24 * 3600),
      platformAdminEmails: r.list('PLATFORM_ADMIN_EMAILS').map((e) => e.toLowerCase()),
      loginMaxFailures: r.int('LOGIN_MAX_FAILURES', 5, 1, 1000),
      loginWindowSeconds: r.int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
      loginMaxDelaySeconds: r.int('LOGIN_MAX_DELAY_SECONDS', 300, 1, 86400),
      loginAddressMaxFailures: r.int('LOGIN_ADDRESS_MAX_FAILURES', 20, 1, 100000),
    },
    trustedProxyHeader: trustedProxyHeader(r),
    smtp: { url: smtpUrl, from: r.str('SMTP_FROM', 'Offsite <offsite@localhost>') },
    notifications: {
      retryBaseSeconds: r.int('NOTIFICATION_RETRY_BASE_SECONDS', 30, 1, 3600),
      retryWindowSeconds: r.int('NOTIFICATION_RETRY_WINDOW_SECONDS', 24 * 3600, 60, 7 * 24 * 3600),
      timeoutMs: r.int('NOTIFICATION_TIMEOUT_MS', 10_000, 100, 60_000),
    },
    metrics: {
      token: metricsToken,
      port: r.int('METRICS_PORT', 0, 0, 65535),
      host: r.str('METRICS_HOST', host),
    },
    storageHealth: {
      tickSeconds: r.int('STORAGE_PROBE_TICK_SECONDS', 30, 1, 3600),
      freshnessTickSeconds: r.int('FRESHNESS_TICK_SECONDS', 60, 1, 3600),
    },
    rateLimit: {
      windowSeconds: r.int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
      perAddress: r.int('RATE_LIMIT_PER_ADDRESS', 600, 1, 10_000_000),
      perToken: r.int('RATE_LIMIT_PER_TOKEN', 300, 1, 10_000_000),
      cacheSize: r.int('RATE_LIMIT_CACHE_SIZE', 10_000, 100, 10_000_000),
    },
  };
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

const MIGRATION_PAUSE_POINTS = ['mid_copy', 'before_repoint', 'before_source_delete'];
const RESTORE_PAUSE_POINTS = ['mid_database'];

/** A test hook's pause points (`*_TEST_PAUSE_AT`), refused outside NODE_ENV=test. */
function pausePoints(r: Reader, nodeEnv: NodeEnv, name: string, allowed: string[]): string[] {
  const points = r.list(name);
  if (!points.length) return [];
  if (nodeEnv !== 'test') {
    r.problems.push(`${name}: a test hook, accepted only with NODE_ENV=test`);
    return [];
  }
  const unknown = points.filter((p) => !allowed.includes(p));
  if (unknown.length)
    r.problems.push(`${name}: unknown point ${unknown.join(', ')} (one of ${allowed.join(', ')})`);
  return points;
}
