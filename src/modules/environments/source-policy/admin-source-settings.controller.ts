import { Body, Controller, Get, Logger, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthContext } from '../../../common/auth/auth-context.js';
import { PlatformAdmin } from '../../../common/auth/require-permission.decorator.js';
import { SourceSettingsResponse, UpdateSourceSettingsDto } from './source-settings.dto.js';
import { SourceSettingsService } from './source-settings.service.js';

/** The platform's source policy (what organizations may make the workers read, dial and overwrite). */
@ApiTags('admin')
@Controller({ path: 'admin/source-settings', version: '1' })
export class AdminSourceSettingsController {
  private readonly logger = new Logger('SourceSettings');

  constructor(private readonly settings: SourceSettingsService) {}

  @Get()
  @PlatformAdmin()
  @ApiOkResponse({ type: SourceSettingsResponse })
  @ApiOperation({
    summary: "The platform's source policy: filestore roots and which database hosts organizations may use.",
  })
  get(): Promise<SourceSettingsResponse> {
    return this.settings.get();
  }

  @Put()
  @PlatformAdmin()
  @ApiOkResponse({ type: SourceSettingsResponse })
  @ApiOperation({ summary: 'Partially update the source policy (omitted fields stay as they are).' })
  async update(
    @Auth() auth: AuthContext,
    @Body() dto: UpdateSourceSettingsDto,
  ): Promise<SourceSettingsResponse> {
    const { before, after } = await this.settings.update(dto);
    this.logger.log({ actor: auth.email, before, after }, 'Platform source settings changed');
    return after;
  }
}
