import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import PinoPretty from 'pino-pretty';
import type { AppConfig } from '../../config/config.js';

/** Keys whose values are never logged, at any depth up to 4 (pino redact paths are explicit). */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'password',
  'secret_key',
  'secretKey',
  'access_key',
  'accessKey',
  'private_key',
  'privateKey',
  'passphrase',
  'token',
  'access_token',
  'password_hash',
  'credentials',
  // A failed query's bound values (TypeORM QueryFailedError.parameters): password hashes,
  // credential ciphertexts. The query text itself has placeholders only.
  'parameters',
] as const;

export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of REDACTED_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`);
  }
  paths.push('req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]');
  return paths;
}

/**
 * Database errors carry the values of the statement that failed: TypeORM's QueryFailedError keeps
 * its `parameters` (password hashes, credential ciphertexts) and copies PostgreSQL's `detail`
 * ("Failing row contains (…)", "Key (email)=(…) already exists") onto itself and its driverError.
 * Neither is ever logged; the message, code, table, column and constraint are enough to debug.
 */
const DATABASE_ERROR_VALUE_KEYS = ['parameters', 'detail'];

function isDatabaseError(value: Record<string, unknown>): boolean {
  return (
    'parameters' in value ||
    'driverError' in value ||
    (typeof value.severity === 'string' && typeof value.routine === 'string')
  );
}

/** A copy without statement values (objects are copied, never changed: they may still be in use). */
function withoutStatementValues(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 4) return value;
  const record = value as Record<string, unknown>;
  const dropped = isDatabaseError(record) ? DATABASE_ERROR_VALUE_KEYS : [];
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (!dropped.includes(key)) copy[key] = withoutStatementValues(item, depth + 1);
  }
  return copy;
}

/** pino's error serializer, minus the values of failed statements (at any depth of the error). */
export function serializeError(err: unknown): unknown {
  // pino-http hands custom error serializers an error it has already serialized.
  return withoutStatementValues(err instanceof Error ? stdSerializers.err(err) : err);
}

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,128}$/;

/** Fastify's genReqId: reuse a sane incoming X-Request-Id, else a UUID. Stored on the raw request so pino-http uses the same id. */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function loggerParams(config: AppConfig): Params {
  const options: PinoHttpOptions = {
    level: config.log.level,
    redact: { paths: redactPaths(), censor: '[redacted]' },
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? genRequestId(req),
    customAttributeKeys: { reqId: 'request_id' },
    serializers: {
      err: serializeError,
      error: serializeError,
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
    },
    // Health probes arrive every few seconds from orchestrators: debug, so they do not drown the rest.
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      return (req.url ?? '').startsWith('/api/v1/health') ? 'debug' : 'info';
    },
  };
  if (!config.log.pretty) return { pinoHttp: options };
  // Pretty output in this thread, synchronously (not a transport's worker thread), so log lines and
  // the start banner appear in the order they were written. Colours only on a terminal.
  const pretty = PinoPretty({
    singleLine: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    sync: true,
  });
  return { pinoHttp: [options, pretty] };
}
