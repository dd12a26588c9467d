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

/** A bearer token whose signature, algorithm, expiry, issuer and audience were checked (no database yet). */
export interface VerifiedToken {
  userId: string;
  tokenId: string;
  expiresAt: Date;
  /** When it was issued, in milliseconds (tokens from before millisecond issue times: the start of their second). */
  issuedAtMs: number;
}

/** The database's side of a token: its user if active, and whether the token was revoked. */
export interface TokenHolder {
  user: { id: string; email: string; isPlatformAdmin: boolean; tokensValidAfter: Date | null } | null;
  revoked: boolean;
}

export abstract class BearerAuthenticator {
  /** The request's bearer token, checked without the database; throws `unauthorized` otherwise. */
  abstract verify(req: FastifyRequest): Promise<VerifiedToken>;
  /** The caller of a request: a verified token whose user is active and which is not revoked; throws `unauthorized` otherwise. */
  abstract authenticate(req: FastifyRequest): Promise<Principal>;
  /** The caller from a verified token and its holder as read now (e.g. in the statement reading the membership); throws `unauthorized`. */
  abstract principal(token: VerifiedToken, holder: TokenHolder): Principal;
}

export interface OrganizationAccess {
  role: string;
  permissions: Permission[];
}

export abstract class OrganizationAccessLookup {
  /**
   * The token's holder and, when they are a member of the organization (a live one), their role
   * and permissions there, read in one statement: the request path's one round trip for both.
   */
  abstract findCallerAccess(
    organizationId: string,
    token: VerifiedToken,
  ): Promise<TokenHolder & { access: OrganizationAccess | null }>;
}
