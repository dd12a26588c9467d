import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { isIP } from 'node:net';

const addresses = new WeakMap<object, string>();

/**
 * The address a request is counted under by the rate limits and the login throttle: the socket's,
 * or with a trusted proxy the rightmost entry of its header (the address the proxy saw; entries to
 * its left come from the client and prove nothing). IPv4-mapped IPv6 becomes IPv4, and IPv6 is
 * taken by /64, the block one subscriber gets, so rotating addresses inside it buys nothing.
 */
export function resolveClientAddress(req: FastifyRequest, trustedProxyHeader: string | undefined): string {
  let raw: string | undefined;
  if (trustedProxyHeader) {
    const value = req.headers[trustedProxyHeader];
    const last = (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',').pop()?.trim();
    if (last && isIP(last)) raw = last;
  }
  raw ??= req.socket.remoteAddress ?? '';
  return isIP(raw) ? normalizeIP(raw, 64) : 'unknown';
}

export function setClientAddress(req: FastifyRequest, address: string): void {
  addresses.set(req, address);
}

/** The address stored by the request hook (see installRequestLimits); the socket's without one. */
export function getClientAddress(req: FastifyRequest): string {
  return addresses.get(req) ?? resolveClientAddress(req, undefined);
}

/** The client address of the request, as the rate limits count it. */
export const ClientAddress = createParamDecorator((_data: unknown, ctx: ExecutionContext): string =>
  getClientAddress(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
