import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AccessTokensService } from './access-tokens.service.js';
import type { TokenResponse, UserResponse } from './dto/auth-responses.dto.js';
import type { LoginDto } from './dto/login.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import { toTokenResponse, toUserResponse } from './identity.mapper.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
import { UsersRepository } from './users.repository.js';

const invalidCredentials = () => new DomainError('unauthorized', 'Invalid email or password.');

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('AuthService');
  /** Verified against when the email is unknown, so both failures cost one scrypt. */
  private dummyHash = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly failures: LoginFailuresRepository,
    private readonly tokens: AccessTokensService,
    private readonly revoked: RevokedTokensRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword(randomBytes(16).toString('hex'));
  }

  /** Signs out the token of this request: refused by every API process from now on. */
  async logout(auth: AuthContext): Promise<void> {
    if (!auth.tokenId || !auth.tokenExpiresAt)
      throw new DomainError('unauthorized', 'Authentication required.');
    await this.revoked.revoke(auth.tokenId, auth.userId, auth.tokenExpiresAt);
    this.logger.log({ user_id: auth.userId }, 'Access token signed out');
  }

  async register(dto: RegisterDto): Promise<UserResponse> {
    const user = await this.users.create({
      email: dto.email,
      name: dto.name,
      passwordHash: await hashPassword(dto.password),
    });
    if (!user) throw new DomainError('conflict', 'A user with this email already exists.');
    this.logger.log({ user_id: user.id }, 'User registered');
    return toUserResponse(user);
  }

  async login(dto: LoginDto): Promise<TokenResponse> {
    const email = dto.email.trim().toLowerCase();
    const { loginMaxFailures, loginWindowSeconds } = this.config.auth;
    const recent = await this.failures.recent(email, loginWindowSeconds);
    if (recent.count >= loginMaxFailures && recent.oldest) {
      const retryAfter = Math.max(
        1,
        Math.ceil((recent.oldest.getTime() + loginWindowSeconds * 1000 - Date.now()) / 1000),
      );
      throw new DomainError('rate_limited', 'Too many failed logins for this account; try again later.', {
        headers: { 'retry-after': String(retryAfter) },
      });
    }

    const user = await this.users.findCredentials(email);
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? this.dummyHash);
    if (!user || !ok || user.disabledAt) {
      await this.failures.record(email);
      await this.failures.prune(loginWindowSeconds);
      throw invalidCredentials();
    }
    await this.failures.clear(email);
    if (needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(user.id, await hashPassword(dto.password));
    }
    return toTokenResponse(this.tokens.issue(user.id));
  }
}
