import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import type { Permission } from './permissions.js';

/** The caller, as services see it: first argument of every public service method. */
export interface AuthContext {
  userId: string;
  email: string;
  isPlatformAdmin: boolean;
  /** Set on routes guarded by @RequirePermission: the organization the request addresses. */
  organizationId?: string;
  /** Role name in that organization (built-in or custom). */
  role?: string;
  /** The caller's permissions in that organization (empty without one). */
  permissions: readonly Permission[];
  requestId?: string;
  /** The bearer token's jti and expiry (POST /auth/logout revokes it). */
  tokenId?: string;
  tokenExpiresAt?: Date;
}

/** An AuthContext on an organization-scoped route: organizationId is always set. */
export interface OrgAuthContext extends AuthContext {
  organizationId: string;
  role: string;
}

type RequestWithAuth = FastifyRequest & { auth?: AuthContext };

export function setAuth(req: FastifyRequest, auth: AuthContext): void {
  (req as RequestWithAuth).auth = auth;
}

export function getAuth(req: FastifyRequest): AuthContext | undefined {
  return (req as RequestWithAuth).auth;
}

/** The AuthContext AccessGuard attached to the request (routes with @Authenticated or @PlatformAdmin). */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = getAuth(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!auth) throw new DomainError('unauthorized', 'Authentication required.');
  return auth;
});

/** Like @Auth() for @RequirePermission routes: the organization is resolved and checked. */
export const OrgAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): OrgAuthContext => {
  const auth = getAuth(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!auth?.organizationId || !auth.role) {
    throw new DomainError('internal', 'OrgAuth used on a route without @RequirePermission.');
  }
  return auth as OrgAuthContext;
});

export function hasPermission(auth: AuthContext, permission: Permission): boolean {
  return auth.permissions.includes(permission);
}
