import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, of, type Observable, catchError, throwError } from 'rxjs';
import { getAuth } from '../../common/auth/auth-context.js';
import { Clock } from '../../common/clock/clock.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long an answer is kept for retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Object keys sorted at every level, so the same JSON body hashes the same whatever its key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Idempotency-Key on POSTs that start work: the first answer is stored for 24 h per (organization,
 * key) and replayed for retries of the same request (header `Idempotent-Replayed: true`); the key
 * with a different request, or while the first is still being served, is a 409. A request that
 * fails is forgotten, so its retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    const raw = req.headers['idempotency-key'];
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
      throw new DomainError(
        'validation_failed',
        `Invalid request: ${IDEMPOTENCY_HEADER}: 1 to 255 visible ASCII characters`,
        {
          errors: [
            {
              field: IDEMPOTENCY_HEADER,
              messages: ['must be 1 to 255 visible ASCII characters (a UUID is best)'],
            },
          ],
        },
      );
    }
    const orgId = getAuth(req)?.organizationId;
    if (!orgId) return next.handle();
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          req.method,
          req.routeOptions.url,
          canonical(req.params),
          canonical(req.body ?? null),
        ]),
      )
      .digest('hex');
    const now = this.clock.now();
    const claim = await this.keys.claim(
      orgId,
      raw,
      requestHash,
      now,
      new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    );
    if (!claim.claimed) {
      const { stored } = claim;
      if (stored.requestHash !== requestHash) {
        throw new DomainError(
          'conflict',
          `This ${IDEMPOTENCY_HEADER} was used with a different request in the last 24 hours; use a new key for a new request.`,
        );
      }
      if (stored.status === null) {
        throw new DomainError(
          'conflict',
          `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly.`,
          {
            headers: { 'retry-after': '1' },
          },
        );
      }
      reply.header('idempotent-replayed', 'true');
      reply.status(stored.status);
      return of(stored.response);
    }
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      mergeMap((body) => from(this.keys.complete(orgId, raw, status, body).then(() => body))),
      catchError((err: unknown) =>
        from(this.keys.release(orgId, raw)).pipe(mergeMap(() => throwError(() => err))),
      ),
    );
  }
}

/** Accept an Idempotency-Key on this route (documented in OpenAPI as an optional header). */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Makes retries safe: the first answer is kept for 24 hours per organization and key and returned again ' +
        '(with `Idempotent-Replayed: true`) for the same request; the same key with a different request is a 409. ' +
        'Use a new UUID per intended operation.',
      schema: { type: 'string', maxLength: 255, example: '5f0c6a1e-2b7d-4c1a-9f3e-8d2b1a0c7e64' },
    }),
  );
}
