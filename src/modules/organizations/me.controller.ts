import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { Authenticated } from '../../common/auth/require-permission.decorator.js';
import { MeResponse } from './dto/organization-responses.dto.js';
import { OrganizationsService } from './organizations.service.js';

/** /auth/me lives here because it lists the caller's organizations (identity does not depend on organizations). */
@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class MeController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeResponse })
  @ApiOperation({ summary: 'The caller, their organizations with role, and is_platform_admin.' })
  me(@Auth() auth: AuthContext): Promise<MeResponse> {
    return this.organizations.me(auth);
  }
}
