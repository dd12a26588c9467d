import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { Authenticated, PlatformAdmin } from '../../common/auth/require-permission.decorator.js';
import { StorageSettingsResponse } from './dto/storage-config-responses.dto.js';
import { UpdateStorageSettingsDto } from './dto/update-storage-settings.dto.js';
import { StorageConfigsService } from './storage-configs.service.js';

/** Seed 001 "Storage Platform Settings". */
@ApiTags('storage-settings')
@Controller({ path: 'backups/storage-settings', version: '1' })
export class StorageSettingsController {
  constructor(private readonly service: StorageConfigsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: StorageSettingsResponse })
  @ApiOperation({
    summary: 'Which providers exist on this platform and whether organizations may bring their own storage.',
  })
  get(): Promise<StorageSettingsResponse> {
    return this.service.storageSettings();
  }

  @Put()
  @PlatformAdmin()
  @ApiOkResponse({ type: StorageSettingsResponse })
  @ApiOperation({ summary: 'Partially update the platform storage settings.' })
  update(@Auth() auth: AuthContext, @Body() dto: UpdateStorageSettingsDto): Promise<StorageSettingsResponse> {
    return this.service.updateStorageSettings(auth, dto);
  }
}
