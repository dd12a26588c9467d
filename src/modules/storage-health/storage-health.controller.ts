import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { PlatformAdmin, RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { StorageHealthResponse } from './dto/storage-health-responses.dto.js';
import { StorageHealthService } from './storage-health.service.js';

@ApiTags('storage-configs')
@Controller({ path: 'backups/storage-configs', version: '1' })
export class StorageHealthController {
  constructor(private readonly health: StorageHealthService) {}

  @Get(':config_id/health')
  @RequirePermission('org.storage.list')
  @ApiOkResponse({ type: StorageHealthResponse })
  @ApiOperation({ summary: "A storage configuration's health and its last 50 light probes." })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseUUIDPipe) id: string,
  ): Promise<StorageHealthResponse> {
    return this.health.history(auth.organizationId, id);
  }
}

@ApiTags('admin')
@Controller({ path: 'admin/storage-configs', version: '1' })
export class AdminStorageHealthController {
  constructor(private readonly health: StorageHealthService) {}

  @Get(':storage_config_id/health')
  @PlatformAdmin()
  @ApiOkResponse({ type: StorageHealthResponse })
  @ApiOperation({ summary: "A platform storage configuration's health and its last 50 light probes." })
  get(@Param('storage_config_id', ParseUUIDPipe) id: string): Promise<StorageHealthResponse> {
    return this.health.history(null, id);
  }
}
