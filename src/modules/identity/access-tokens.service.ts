import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import type {
  BearerAuthenticator,
  Principal,
  TokenHolder,
  VerifiedToken,
} from '../../common/auth/auth-ports.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { UsersRepository } from './users.repository.js';

const ALGORITHM = 'HS256';

interface TokenPayload {
  sub?: unknown;
  jti?: unknown;
  exp?: unknown;
  iat?: unknown;
  /** Issue time in milliseconds: `iat` has whole seconds, too coarse to compare with tokens_valid_after. */
  iat_ms?: unknown;
}

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/** The authenticated user behind a valid token (loaded fresh on every request). */
export type { Principal };

const invalidToken = () =>
  new DomainError('unauthorized', 'Missing, expired or invalid bearer token.', {
    headers: { 'www-authenticate': 'Bearer' },
  });

/**
 * Issues access tokens (HS256, issuer, audience, expiry) and verifies them on every request:
 * signature, algorithm, expiry, issuer and audience with passport-jwt, then the user and the
 * token's revocation in one query. The strategy lives on a private Passport instance, so several
 * apps in one process (tests) do not replace each other's strategy on the global one. Its key is a
 * KeyObject built once: given the secret as a string, the token library builds one on every request
 * (it first tries the string as a public key), which was 11 % of the request path's CPU. A token stops working as soon as its user
 * is deleted or disabled, because verification loads the user, once it was signed out (its jti),
 * or when it was issued before the user's tokens_valid_after (disabled once, password reset).
 */
@Injectable()
export class AccessTokensService implements BearerAuthenticator {
  private readonly jwt: JwtService;
  private readonly passport = new passport.Passport();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {
    const { jwtSecret, jwtIssuer, jwtAudience } = config.auth;
    this.jwt = new JwtService({ secret: jwtSecret });
    const key: KeyObject = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
    this.passport.use(
      'jwt',
      new JwtStrategy(
        {
          jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
          // passport-jwt hands the key to jsonwebtoken unchanged, which takes a KeyObject as is.
          secretOrKey: key as unknown as string,
          algorithms: [ALGORITHM],
          issuer: jwtIssuer,
          audience: jwtAudience,
          ignoreExpiration: false,
        },
        (payload: TokenPayload, done: (err: unknown, token?: VerifiedToken | false) => void) =>
          done(null, verifiedToken(payload) ?? false),
      ),
    );
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
  verify(req: FastifyRequest): Promise<VerifiedToken> {
    return new Promise((resolve, reject) => {
      const middleware = this.passport.authenticate(
        'jwt',
        { session: false },
        (err: unknown, token: VerifiedToken | false) =>
          err || !token ? reject(invalidToken()) : resolve(token),
      ) as (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
      middleware(req, {}, () => reject(invalidToken()));
    });
  }

  /** Verifies the bearer token of the request and loads its user and revocation (one query); throws 401. */
  async authenticate(req: FastifyRequest): Promise<Principal> {
    const token = await this.verify(req);
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

function verifiedToken({ sub, jti, exp, iat, iat_ms }: TokenPayload): VerifiedToken | null {
  // Tokens without a jti (before sign-out existed) cannot be revoked, so they are no longer accepted.
  if (!isUuid(sub) || !isUuid(jti) || typeof exp !== 'number') return null;
  return {
    userId: sub,
    tokenId: jti,
    expiresAt: new Date(exp * 1000),
    // Tokens from before iat_ms existed only have whole seconds: the start of their second counts.
    issuedAtMs: typeof iat_ms === 'number' ? iat_ms : typeof iat === 'number' ? iat * 1000 : -Infinity,
  };
}
