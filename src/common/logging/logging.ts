import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import PinoPretty from 'pino-pretty';
import type { AppConfig } from '../../config/config.js';

/** Keys whose values are never logged, at any depth. */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'x-api-key',
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

const REDACTED = new Set<string>(REDACTED_KEYS);
const CENSOR = '[redacted]';
/** Deeper than any log object the app writes; bounds the walk on cyclic objects too. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` with the value of every REDACTED_KEYS key replaced, at any depth, in objects
 * and arrays; `value` itself is returned when nothing needs replacing (nothing is ever changed in
 * place: the objects may still be in use). One walk over what JSON serialization walks anyway:
 * pino's path-based redaction needed a path per key and depth, and ran all of them on every value
 * of every line (about a tenth of the CPU time of a small authenticated request).
 */
export function censorSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  // Dates, Buffers, …: serialized through their toJSON, which names no keys of ours.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = censorSecrets(item, depth + 1);
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next = REDACTED.has(key) ? CENSOR : censorSecrets(item, depth + 1);
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return copy ?? value;
}

/** A log line's object, censored; the values of keys with a serializer are censored by it. */
function censorFields(
  fields: Record<string, unknown>,
  serialized: ReadonlySet<string>,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    if (serialized.has(key)) continue;
    const item = fields[key];
    const next = REDACTED.has(key) ? CENSOR : censorSecrets(item, 1);
    if (next !== item) (copy ??= { ...fields })[key] = next;
  }
  return copy ?? fields;
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

/** pino's options: JSON lines with secrets censored (censorSecrets), and small request lines. */
export function loggerOptions(level: string): PinoHttpOptions {
  const serializers = {
    err: (err: unknown) => censorSecrets(serializeError(err), 1),
    error: (err: unknown) => censorSecrets(serializeError(err), 1),
    // Serialized by hand: nothing else of a request reaches the log (its headers carry the token).
    req: (req: { id: string; method: string; url: string }) => ({
      id: req.id,
      method: req.method,
      url: req.url,
    }),
    // The status only: the response's headers are the same security headers on every line.
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  };
  const serialized = new Set(Object.keys(serializers));
  return {
    level,
    // Child loggers' bindings bypass formatters.log: pino's redaction covers their top-level keys
    // (paths without wildcards cost nothing on lines without those keys). Bind ids, not objects.
    redact: {
      paths: REDACTED_KEYS.map((k) => (/^[A-Za-z_]\w*$/.test(k) ? k : `["${k}"]`)),
      censor: CENSOR,
    },
    formatters: { log: (object) => censorFields(object, serialized) },
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? genRequestId(req),
    customAttributeKeys: { reqId: 'request_id' },
    serializers,
    // Health probes arrive every few seconds from orchestrators: debug, so they do not drown the rest.
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      return (req.url ?? '').startsWith('/api/v1/health') ? 'debug' : 'info';
    },
  };
}

export function loggerParams(config: AppConfig): Params {
  const options = loggerOptions(config.log.level);
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
