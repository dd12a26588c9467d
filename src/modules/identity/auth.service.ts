import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { EmailSender } from '../../common/mail/email-sender.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AccessTokensService } from './access-tokens.service.js';
import type { TokenResponse, UserResponse } from './dto/auth-responses.dto.js';
import type { LoginDto } from './dto/login.dto.js';
import type { PasswordResetConfirmDto } from './dto/password-reset.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import { toTokenResponse, toUserResponse } from './identity.mapper.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
import { UsersRepository } from './users.repository.js';

const invalidCredentials = () => new DomainError('unauthorized', 'Invalid email or password.');

const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The account an email names: case and surrounding spaces make no other account. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const tooMany = (detail: string, until: number) =>
  new DomainError('rate_limited', detail, {
    headers: { 'retry-after': String(Math.max(1, Math.ceil((until - Date.now()) / 1000))) },
  });

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('AuthService');
  /** Verified against when the email is unknown, so both failures cost one scrypt. */
  private dummyHash = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tx: Transactions,
    private readonly failures: LoginFailuresRepository,
    private readonly tokens: AccessTokensService,
    private readonly revoked: RevokedTokensRepository,
    private readonly resets: PasswordResetTokensRepository,
    private readonly email: EmailSender,
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

  /**
   * Failed logins slow down the (client address, account) pair they come from, with a delay that
   * doubles per failure past LOGIN_MAX_FAILURES, and an address failing across many accounts gets
   * 429 altogether. The account itself is never locked: its owner logs in from another address.
   */
  async login(dto: LoginDto, clientAddress: string): Promise<TokenResponse> {
    const email = normalizeEmail(dto.email);
    const { loginMaxFailures, loginWindowSeconds, loginMaxDelaySeconds, loginAddressMaxFailures } =
      this.config.auth;
    const addressUntil = await this.failures.addressLimitedUntil(
      clientAddress,
      loginAddressMaxFailures,
      loginWindowSeconds,
    );
    if (addressUntil) {
      throw tooMany('Too many failed logins from this address; try again later.', addressUntil.getTime());
    }
    const account = await this.failures.forAccount(clientAddress, email, loginWindowSeconds);
    if (account.count >= loginMaxFailures && account.latest) {
      const delaySeconds = Math.min(loginMaxDelaySeconds, 2 ** (account.count - loginMaxFailures));
      const until = account.latest.getTime() + delaySeconds * 1000;
      if (until > Date.now()) {
        throw tooMany('Too many failed logins for this account from this address; try again later.', until);
      }
    }

    const user = await this.users.findCredentials(email);
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? this.dummyHash);
    if (!user || !ok || user.disabledAt) {
      await this.failures.record(clientAddress, email);
      await this.failures.prune(loginWindowSeconds);
      throw invalidCredentials();
    }
    await this.failures.clear(clientAddress, email);
    if (needsRehash(user.passwordHash)) {
      await this.users.updatePasswordHash(user.id, await hashPassword(dto.password));
    }
    return toTokenResponse(this.tokens.issue(user.id));
  }

  /**
   * Starts a password reset. The answer never says whether the address has an account. With
   * SMTP_URL set the token goes to the address by e-mail, sent after the answer so its timing says
   * nothing either; without mail an operator hands one out with `npm run cli -- user:reset-link`.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const issued = await this.issueResetToken(email);
    if (!issued) return;
    this.logger.log({ user_id: issued.userId }, 'Password reset requested');
    if (this.email.configured) {
      setImmediate(() => {
        this.email
          .send(this.resetMail(normalizeEmail(email), issued.token, issued.expiresAt), 10_000)
          .catch((err: Error) =>
            this.logger.warn({ user_id: issued.userId, err: err.message }, 'Password reset e-mail not sent'),
          );
      });
    }
  }

  private resetMail(to: string, token: string, expiresAt: Date) {
    const confirm = `${this.config.publicUrl}/api/v1/auth/password-reset/confirm`;
    const text = [
      'Someone (hopefully you) asked to reset the password of your Offsite account.',
      '',
      `Reset token (single use, valid until ${expiresAt.toISOString()}):`,
      token,
      '',
      `Set a new password with: POST ${confirm}`,
      '{"token": "<the token above>", "new_password": "<your new password>"}',
      '',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ].join('\n');
    const esc = (v: string) => v.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const html = `<p>Someone (hopefully you) asked to reset the password of your Offsite account.</p>
<p>Reset token (single use, valid until ${esc(expiresAt.toISOString())}):<br><code>${esc(token)}</code></p>
<p>Set a new password with <code>POST ${esc(confirm)}</code> and the body
<code>{"token": "…", "new_password": "…"}</code>.</p>
<p>If you did not ask for this, ignore this message: your password stays as it is.</p>`;
    return { to: [to], subject: 'Reset your Offsite password', text, html, headers: {} };
  }

  /** A single-use token valid for 30 minutes, for the CLI; null when no active user has this email. */
  async issueResetToken(email: string): Promise<{ userId: string; token: string; expiresAt: Date } | null> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    if (!user || user.disabledAt) return null;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
    await this.resets.create(user.id, sha256(token), expiresAt);
    return { userId: user.id, token, expiresAt };
  }

  /** Sets the new password; every access token issued before stops working, and so do other links. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    const passwordHash = await hashPassword(dto.new_password);
    await this.tx.run(async () => {
      const userId = await this.resets.consume(sha256(dto.token));
      const user = userId ? await this.users.findActiveById(userId) : null;
      if (!user) {
        throw new DomainError('bad_request', 'The reset token is invalid, expired or already used.');
      }
      await this.users.resetPassword(user.id, passwordHash);
      await this.resets.revokeAll(user.id);
      this.logger.log({ user_id: user.id }, 'Password reset');
    });
  }
}
