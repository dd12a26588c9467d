import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
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

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,128}$/;

/** Fastify's genReqId: reuse a sane incoming X-Request-Id, else a UUID. Stored on the raw request so pino-http uses the same id. */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.log.level,
      redact: { paths: redactPaths(), censor: '[redacted]' },
      transport: config.log.pretty
        ? {
            target: 'pino-pretty',
            options: { singleLine: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l' },
          }
        : undefined,
      genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? genRequestId(req),
      customAttributeKeys: { reqId: 'request_id' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/v1/health') },
    },
  };
}
