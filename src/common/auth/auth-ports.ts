import type { FastifyRequest } from 'fastify';
import type { Permission } from './permissions.js';

/**
 * What the access guard needs from the rest of the app, as ports: the identity module answers who
 * is calling, the organizations module what they may do in an organization. common/ never imports
 * those modules; the app module wires the implementations in.
 */
export interface Principal {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
  /** The token's jti and expiry: what POST /auth/logout revokes. */
  tokenId: string;
  tokenExpiresAt: Date;
}

export abstract class BearerAuthenticator {
  /** The caller of a request, from its verified bearer token; throws `unauthorized` otherwise. */
  abstract authenticate(req: FastifyRequest): Promise<Principal>;
}

export interface OrganizationAccess {
  role: string;
  permissions: Permission[];
}

export abstract class OrganizationAccessLookup {
  /** The caller's role and permissions in an organization; null when not a member (or no such org). */
  abstract findAccess(organizationId: string, userId: string): Promise<OrganizationAccess | null>;
}
