import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/require-permission.decorator.js';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { Public } from '../../common/auth/public.decorator.js';
import { AuthService } from './auth.service.js';
import { TokenResponse, UserResponse } from './dto/auth-responses.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { RegisterDto } from './dto/register.dto.js';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
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
  @ApiOperation({ summary: 'Exchange email and password for a bearer access token (rate limited: 429).' })
  login(@Body() dto: LoginDto): Promise<TokenResponse> {
    return this.auth.login(dto);
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
