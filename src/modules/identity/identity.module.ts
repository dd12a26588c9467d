import { BearerAuthenticator } from '../../common/auth/auth-ports.js';
import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AccessTokensService } from './access-tokens.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { PlatformAdminsService } from './platform-admins.service.js';
import { RevokedTokensRepository } from './revoked-tokens.repository.js';
import { UsersRepository } from './users.repository.js';

@Module({
  controllers: [AuthController],
  providers: [
    Transactions,
    UsersRepository,
    LoginFailuresRepository,
    RevokedTokensRepository,
    PasswordResetTokensRepository,
    AccessTokensService,
    AuthService,
    PlatformAdminsService,
    { provide: BearerAuthenticator, useExisting: AccessTokensService },
  ],
  exports: [UsersRepository, AccessTokensService, PlatformAdminsService, AuthService, BearerAuthenticator],
})
export class IdentityModule {}
