import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
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
import type { Principal } from '../../common/auth/auth-ports.js';

export type { Principal };

const invalidToken = () =>
  new DomainError('unauthorized', 'Missing, expired or invalid bearer token.', {
    headers: { 'www-authenticate': 'Bearer' },
  });

/**
 * Issues access tokens (HS256, issuer, audience, expiry) and verifies them with passport-jwt.
 * The strategy lives on a private Passport instance, so several apps in one process (tests) do
 * not replace each other's strategy on the global one. A token stops working as soon as its user
 * is deleted or disabled, because verification loads the user, once it was signed out (its jti),
 * or when it was issued before the user's tokens_valid_after (disabled once, password reset).
 */
@Injectable()
export class AccessTokensService {
  private readonly jwt: JwtService;
  private readonly passport = new passport.Passport();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly revoked: RevokedTokensRepository,
  ) {
    const { jwtSecret, jwtIssuer, jwtAudience } = config.auth;
    this.jwt = new JwtService({ secret: jwtSecret });
    this.passport.use(
      'jwt',
      new JwtStrategy(
        {
          jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
          secretOrKey: jwtSecret,
          algorithms: [ALGORITHM],
          issuer: jwtIssuer,
          audience: jwtAudience,
          ignoreExpiration: false,
        },
        (payload: TokenPayload, done: (err: unknown, user?: Principal | false) => void) => {
          this.principal(payload).then((user) => done(null, user ?? false), done);
        },
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

  /** Verifies the bearer token of the request; throws 401 (same answer for every failure). */
  authenticate(req: FastifyRequest): Promise<Principal> {
    return new Promise((resolve, reject) => {
      const middleware = this.passport.authenticate(
        'jwt',
        { session: false },
        (err: unknown, user: Principal | false) => (err || !user ? reject(invalidToken()) : resolve(user)),
      ) as (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
      middleware(req, {}, () => reject(invalidToken()));
    });
  }

  private async principal({ sub, jti, exp, iat, iat_ms }: TokenPayload): Promise<Principal | null> {
    // Tokens without a jti (before sign-out existed) cannot be revoked, so they are no longer accepted.
    if (!isUuid(sub) || !isUuid(jti) || typeof exp !== 'number') return null;
    const [user, revoked] = await Promise.all([this.users.findActiveById(sub), this.revoked.isRevoked(jti)]);
    if (!user || revoked) return null;
    if (user.tokensValidAfter) {
      // Tokens from before iat_ms existed only have whole seconds: the start of their second counts.
      const issuedMs = typeof iat_ms === 'number' ? iat_ms : typeof iat === 'number' ? iat * 1000 : -Infinity;
      if (issuedMs < user.tokensValidAfter.getTime()) return null;
    }
    return {
      id: user.id,
      email: user.email,
      isPlatformAdmin: user.isPlatformAdmin || this.config.auth.platformAdminEmails.includes(user.email),
      tokenId: jti,
      tokenExpiresAt: new Date(exp * 1000),
    };
  }
}
