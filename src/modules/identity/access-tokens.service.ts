import { Inject, Injectable } from '@nestjs/common';
import { randomUUID, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type {
  BearerAuthenticator,
  Principal,
  TokenHolder,
  VerifiedToken,
} from '../../common/auth/auth-ports.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { hs256Key, verifyHs256 } from './hs256-token.js';
import { UsersRepository } from './users.repository.js';

const ALGORITHM = 'HS256';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/** The authenticated user behind a valid token (loaded fresh on every request). */
export type { Principal };

const invalidToken = () =>
  new DomainError('unauthorized', 'Missing, expired or invalid bearer token.', {
    headers: { 'www-authenticate': 'Bearer' },
  });

/**
 * Issues access tokens (HS256, issuer, audience, expiry) and verifies them on every request:
 * signature, algorithm, expiry, issuer and audience by hand with node:crypto (hs256-token.ts), then
 * the user and the token's revocation in one query. A token stops working as soon as its user
 * is deleted or disabled, because verification loads the user, once it was signed out (its jti),
 * or when it was issued before the user's tokens_valid_after (disabled once, password reset).
 */
@Injectable()
export class AccessTokensService implements BearerAuthenticator {
  private readonly jwt: JwtService;
  private readonly key: KeyObject;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {
    this.jwt = new JwtService({ secret: config.auth.jwtSecret });
    this.key = hs256Key(config.auth.jwtSecret);
  }

  issue(userId: string): { accessToken: string; expiresIn: number } {
    const { jwtIssuer, jwtAudience, jwtTtlSeconds } = this.config.auth;
    const now = Date.now();
    const accessToken = this.jwt.sign(
      { iat: Math.floor(now / 1000), iat_ms: now },
      {
        algorithm: ALGORITHM,
        subject: userId,
        issuer: jwtIssuer,
        audience: jwtAudience,
        expiresIn: jwtTtlSeconds,
        jwtid: randomUUID(),
      },
    );
    return { accessToken, expiresIn: jwtTtlSeconds };
  }

  /** The request's bearer token, checked without the database; throws 401 (same answer for every failure). */
  verify(req: FastifyRequest): VerifiedToken {
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    const { jwtIssuer, jwtAudience } = this.config.auth;
    const claims = token
      ? verifyHs256(token, this.key, {
          issuer: jwtIssuer,
          audience: jwtAudience,
          nowSeconds: Math.floor(Date.now() / 1000),
        })
      : null;
    if (!claims) throw invalidToken();
    const { sub, jti, exp, iat, iat_ms } = claims;
    // Tokens without a jti (before sign-out existed) cannot be revoked, so they are no longer accepted.
    if (!isUuid(sub) || !isUuid(jti) || typeof exp !== 'number') throw invalidToken();
    return {
      userId: sub,
      tokenId: jti,
      expiresAt: new Date(exp * 1000),
      // `iat` has whole seconds, too coarse to compare with tokens_valid_after: `iat_ms` has the
      // milliseconds; tokens from before it existed count from the start of their second.
      issuedAtMs: typeof iat_ms === 'number' ? iat_ms : typeof iat === 'number' ? iat * 1000 : -Infinity,
    };
  }

  /** Verifies the bearer token of the request and loads its user and revocation (one query); throws 401. */
  async authenticate(req: FastifyRequest): Promise<Principal> {
    const token = this.verify(req);
    return this.principal(token, await this.users.findActiveForToken(token.userId, token.tokenId));
  }

  /**
   * The caller behind a verified token, from its holder as the database has it now: refused when
   * the user is gone or disabled, the token revoked, or issued before the user's tokens_valid_after.
   */
  principal(token: VerifiedToken, { user, revoked }: TokenHolder): Principal {
    if (!user || revoked || user.id !== token.userId) throw invalidToken();
    if (user.tokensValidAfter && token.issuedAtMs < user.tokensValidAfter.getTime()) throw invalidToken();
    return {
      id: user.id,
      email: user.email,
      isPlatformAdmin: user.isPlatformAdmin || this.config.auth.platformAdminEmails.includes(user.email),
      tokenId: token.tokenId,
      tokenExpiresAt: token.expiresAt,
    };
  }
}
