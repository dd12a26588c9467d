import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { UsersRepository } from './users.repository.js';

const ALGORITHM = 'HS256';

/** The authenticated user behind a valid token (loaded fresh on every request). */
export interface Principal {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
}

const invalidToken = () =>
  new DomainError('unauthorized', 'Missing, expired or invalid bearer token.', {
    headers: { 'www-authenticate': 'Bearer' },
  });

/**
 * Issues access tokens (HS256, issuer, audience, expiry) and verifies them with passport-jwt.
 * The strategy lives on a private Passport instance, so several apps in one process (tests) do
 * not replace each other's strategy on the global one. A token stops working as soon as its user
 * is deleted or disabled, because verification loads the user.
 */
@Injectable()
export class AccessTokensService {
  private readonly jwt: JwtService;
  private readonly passport = new passport.Passport();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
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
        (payload: { sub?: unknown }, done: (err: unknown, user?: Principal | false) => void) => {
          this.principal(payload.sub).then((user) => done(null, user ?? false), done);
        },
      ),
    );
  }

  issue(userId: string): { accessToken: string; expiresIn: number } {
    const { jwtIssuer, jwtAudience, jwtTtlSeconds } = this.config.auth;
    const accessToken = this.jwt.sign(
      {},
      {
        algorithm: ALGORITHM,
        subject: userId,
        issuer: jwtIssuer,
        audience: jwtAudience,
        expiresIn: jwtTtlSeconds,
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

  private async principal(sub: unknown): Promise<Principal | null> {
    if (typeof sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(sub)) return null;
    const user = await this.users.findActiveById(sub);
    if (!user) return null;
    return {
      id: user.id,
      email: user.email,
      isPlatformAdmin: user.isPlatformAdmin || this.config.auth.platformAdminEmails.includes(user.email),
    };
  }
}
