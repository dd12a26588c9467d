import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/config.js';
import { DomainError } from '../errors/domain-error.js';
import { sendProblem, toProblem } from '../errors/problem.filter.js';
import { getClientAddress, resolveClientAddress, setClientAddress } from './client-address.js';

/** Liveness and readiness probes come often and from the platform itself: never limited. */
const EXEMPT = /^\/api\/v\d+\/health(\/|$|\?)/;

const bearerKeys = new WeakMap<FastifyRequest, string | null>();

/** Once per request: the limiter asks twice (key and allow list). */
function bearerKey(req: FastifyRequest): string | null {
  let key = bearerKeys.get(req);
  if (key === undefined) {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    // Hashed: the limiter's memory never holds a usable token.
    key = match ? createHash('sha256').update(match[1]!).digest('base64url') : null;
    bearerKeys.set(req, key);
  }
  return key;
}

/**
 * Resolves the client address of every request and applies the general rate limit: fixed windows
 * of RATE_LIMIT_WINDOW_SECONDS, counted per client address and, when a bearer token is sent, per
 * token too (a forged token still counts against its address). Per process: counters live in a
 * bounded LRU of RATE_LIMIT_CACHE_SIZE keys (@fastify/rate-limit), so N API processes behind a
 * balancer allow up to N times the limit, and a key pushed out of the LRU starts again from zero.
 */
export async function installRequestLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const { windowSeconds, perAddress, perToken, cacheSize } = config.rateLimit;
  await fastify.register(rateLimit, { global: false, cache: cacheSize });
  const timeWindow = windowSeconds * 1000;
  const byAddress = fastify.createRateLimit({
    max: perAddress,
    timeWindow,
    keyGenerator: (req) => `a:${getClientAddress(req)}`,
  });
  const byToken = fastify.createRateLimit({
    max: perToken,
    timeWindow,
    keyGenerator: (req) => `t:${bearerKey(req) ?? ''}`,
    allowList: (req) => bearerKey(req) === null,
  });

  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    setClientAddress(req, resolveClientAddress(req, config.trustedProxyHeader));
    if (EXEMPT.test(req.url)) return;
    for (const [limiter, what] of [
      [byAddress, 'this client address'],
      [byToken, 'this access token'],
    ] as const) {
      const r = await limiter(req);
      if (r.isAllowed || !r.isExceeded) continue;
      const retryAfter = String(Math.max(1, r.ttlInSeconds));
      const err = new DomainError(
        'rate_limited',
        `Too many requests from ${what}; retry in ${retryAfter} s.`,
        { headers: { 'retry-after': retryAfter } },
      );
      const { problem, headers } = toProblem(err, req.id);
      sendProblem(reply, problem, headers);
      return reply;
    }
  });
}
