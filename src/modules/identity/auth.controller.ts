import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/require-permission.decorator.js';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { Public } from '../../common/auth/public.decorator.js';
import { ClientAddress } from '../../common/http/client-address.js';
import { AuthService } from './auth.service.js';
import { TokenResponse, UserResponse } from './dto/auth-responses.dto.js';
import { LoginDto } from './dto/login.dto.js';
import {
  PasswordResetAcceptedResponse,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
} from './dto/password-reset.dto.js';
import { RegisterDto } from './dto/register.dto.js';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiConflictResponse({ description: 'A user with this email already exists.' })
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiOperation({ summary: 'Create a user account (email unique, password at least 12 characters).' })
  register(@Body() dto: RegisterDto): Promise<UserResponse> {
    return this.auth.register(dto);
  }

  @Post('login')
  @Public()
  @Header('Cache-Control', 'no-store') // the answer is a bearer token: no cache may keep it
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponse })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed logins from this address (for this account, or across accounts); see Retry-After.',
  })
  @ApiOperation({ summary: 'Exchange email and password for a bearer access token (rate limited: 429).' })
  login(@Body() dto: LoginDto, @ClientAddress() clientAddress: string): Promise<TokenResponse> {
    return this.auth.login(dto, clientAddress);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetAcceptedResponse })
  @ApiOperation({
    summary:
      'Ask for a password reset link (single use, 30 minutes). The answer is the same whether or not the address has an account.',
  })
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<PasswordResetAcceptedResponse> {
    await this.auth.requestPasswordReset(dto.email);
    return {
      detail: 'If this address belongs to an account, a reset link valid for 30 minutes is on its way.',
    };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is changed and every earlier access token revoked.' })
  @ApiBadRequestResponse({ description: 'The token is invalid, expired or already used.' })
  @ApiOperation({ summary: 'Set a new password with the token of a reset link.' })
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(dto);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked; other tokens of the user keep working.' })
  @ApiOperation({ summary: 'Sign out: revoke the bearer token of this request before its expiry.' })
  async logout(@Auth() auth: AuthContext): Promise<void> {
    await this.auth.logout(auth);
  }
}
