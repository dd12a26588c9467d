import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { PlatformAdmin } from '../../common/auth/require-permission.decorator.js';
import type { TestConnectionReport } from '../storage/storage-driver.js';
import { CreateStorageConfigDto, UpdateStorageConfigDto } from './dto/storage-config-input.dto.js';
import { StorageConfigResponse, TestConnectionResponse } from './dto/storage-config-responses.dto.js';
import { StorageConfigsService } from './storage-configs.service.js';
import { StorageConnectionsService } from './storage-connections.service.js';
import { PLATFORM_SCOPE } from './storage-configs.repository.js';

/** Platform-level storage (no organization); the default one is the fallback for organizations without storage. */
@ApiTags('admin')
@Controller({ path: 'admin/storage-configs', version: '1' })
export class AdminStorageConfigsController {
  constructor(
    private readonly service: StorageConfigsService,
    private readonly connections: StorageConnectionsService,
  ) {}

  @Post()
  @PlatformAdmin()
  @ApiCreatedResponse({ type: StorageConfigResponse })
  @ApiOperation({
    summary: 'Create a platform storage configuration (the first one becomes the platform default).',
  })
  create(@Auth() auth: AuthContext, @Body() dto: CreateStorageConfigDto): Promise<StorageConfigResponse> {
    return this.service.create(auth, PLATFORM_SCOPE, dto);
  }

  @Get()
  @PlatformAdmin()
  @ApiOkResponse({ type: [StorageConfigResponse] })
  @ApiOperation({
    summary: 'List platform storage configurations.',
    description: 'A plain array of every platform configuration, oldest first; not paginated.',
  })
  list(): Promise<StorageConfigResponse[]> {
    return this.service.list(PLATFORM_SCOPE);
  }

  @Post('test-connection')
  @HttpCode(200)
  @PlatformAdmin()
  @ApiOkResponse({ type: TestConnectionResponse })
  @ApiOperation({ summary: 'Test an unsaved platform configuration.' })
  testUnsaved(@Auth() auth: AuthContext, @Body() dto: CreateStorageConfigDto): Promise<TestConnectionReport> {
    return this.connections.testUnsaved(auth, PLATFORM_SCOPE, dto);
  }

  @Get(':storage_config_id')
  @PlatformAdmin()
  @ApiOkResponse({ type: StorageConfigResponse })
  @ApiOperation({ summary: 'One platform storage configuration.' })
  get(@Param('storage_config_id', ParseIdPipe) id: string): Promise<StorageConfigResponse> {
    return this.service.get(PLATFORM_SCOPE, id);
  }

  @Patch(':storage_config_id')
  @PlatformAdmin()
  @ApiOkResponse({ type: StorageConfigResponse })
  @ApiConflictResponse({
    description: 'is_default: false on the default configuration: make another one the default instead.',
  })
  @ApiOperation({ summary: 'Update a platform storage configuration.' })
  update(
    @Auth() auth: AuthContext,
    @Param('storage_config_id', ParseIdPipe) id: string,
    @Body() dto: UpdateStorageConfigDto,
  ): Promise<StorageConfigResponse> {
    return this.service.update(auth, PLATFORM_SCOPE, id, dto);
  }

  @Delete(':storage_config_id')
  @HttpCode(204)
  @PlatformAdmin()
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiOperation({ summary: 'Delete a platform storage configuration (refused while backups use it).' })
  async remove(
    @Auth() auth: AuthContext,
    @Param('storage_config_id', ParseIdPipe) id: string,
  ): Promise<void> {
    await this.service.remove(auth, PLATFORM_SCOPE, id);
  }

  @Post(':storage_config_id/test')
  @HttpCode(200)
  @PlatformAdmin()
  @ApiOkResponse({ type: TestConnectionResponse })
  @ApiOperation({ summary: 'Test a saved platform configuration.' })
  test(
    @Auth() auth: AuthContext,
    @Param('storage_config_id', ParseIdPipe) id: string,
  ): Promise<TestConnectionReport> {
    return this.connections.testSaved(auth, PLATFORM_SCOPE, id);
  }
}
