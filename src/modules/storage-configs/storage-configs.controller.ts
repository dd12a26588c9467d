import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import type { TestConnectionReport } from '../storage/storage-driver.js';
import { CreateStorageConfigDto, UpdateStorageConfigDto } from './dto/storage-config-input.dto.js';
import {
  BucketsResponse,
  StorageConfigResponse,
  TestConnectionResponse,
} from './dto/storage-config-responses.dto.js';
import { StorageConfigsService } from './storage-configs.service.js';
import { StorageConnectionsService } from './storage-connections.service.js';

const OrgQuery = () => ApiQuery({ name: 'organization_id', required: true, type: String, format: 'uuid' });

/** Seed 001 "API Reference": the organization's storage configurations. */
@ApiTags('storage-configs')
@Controller({ path: 'backups/storage-configs', version: '1' })
export class StorageConfigsController {
  constructor(
    private readonly service: StorageConfigsService,
    private readonly connections: StorageConnectionsService,
  ) {}

  @Post()
  @RequirePermission('org.storage.create')
  @OrgQuery()
  @ApiCreatedResponse({ type: StorageConfigResponse })
  @ApiOperation({ summary: 'Create a storage configuration (the first one becomes the default).' })
  create(
    @OrgAuth() auth: OrgAuthContext,
    @Body() dto: CreateStorageConfigDto,
  ): Promise<StorageConfigResponse> {
    return this.service.create(auth, auth.organizationId, dto);
  }

  @Get()
  @RequirePermission('org.storage.list')
  @OrgQuery()
  @ApiOkResponse({ type: [StorageConfigResponse] })
  @ApiOperation({
    summary: "List the organization's storage configurations.",
    description:
      'A plain array of every configuration, oldest first: this list is not paginated (an organization enters its few storage targets by hand), unlike the lists that answer `{ items, next_cursor }`.',
  })
  list(@OrgAuth() auth: OrgAuthContext): Promise<StorageConfigResponse[]> {
    return this.service.list(auth.organizationId);
  }

  @Post('test-connection')
  @HttpCode(200)
  @RequirePermission('org.storage.create')
  @OrgQuery()
  @ApiOkResponse({ type: TestConnectionResponse })
  @ApiOperation({
    summary:
      'Test an unsaved configuration (same body as create). A failed test is a 200 with success: false.',
  })
  testUnsaved(
    @OrgAuth() auth: OrgAuthContext,
    @Body() dto: CreateStorageConfigDto,
  ): Promise<TestConnectionReport> {
    return this.connections.testUnsaved(auth, auth.organizationId, dto);
  }

  @Get(':config_id')
  @RequirePermission('org.storage.list')
  @ApiOkResponse({ type: StorageConfigResponse })
  @ApiOperation({ summary: 'One storage configuration.' })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseIdPipe) id: string,
  ): Promise<StorageConfigResponse> {
    return this.service.get(auth.organizationId, id);
  }

  @Patch(':config_id')
  @RequirePermission('org.storage.update')
  @ApiOkResponse({ type: StorageConfigResponse })
  @ApiConflictResponse({
    description: 'is_default: false on the default configuration: make another one the default instead.',
  })
  @ApiOperation({
    summary:
      'Update any field; omitting secret_key keeps the stored one. is_default: true moves the default.',
  })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseIdPipe) id: string,
    @Body() dto: UpdateStorageConfigDto,
  ): Promise<StorageConfigResponse> {
    return this.service.update(auth, auth.organizationId, id, dto);
  }

  @Delete(':config_id')
  @HttpCode(204)
  @RequirePermission('org.storage.delete')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiOperation({ summary: 'Delete a configuration; refused (400) while backups are stored with it.' })
  async remove(@OrgAuth() auth: OrgAuthContext, @Param('config_id', ParseIdPipe) id: string): Promise<void> {
    await this.service.remove(auth, auth.organizationId, id);
  }

  @Get(':config_id/buckets')
  @RequirePermission('org.storage.list')
  @ApiOkResponse({ type: BucketsResponse })
  @ApiOperation({
    summary:
      'Buckets the saved key reaches: discovered with ListBuckets, or the configured list checked with HeadBucket (scoped keys).',
  })
  buckets(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseIdPipe) id: string,
  ): Promise<BucketsResponse> {
    return this.connections.buckets(auth.organizationId, id);
  }

  @Post(':config_id/recount')
  @HttpCode(200)
  @RequirePermission('org.storage.update')
  @ApiOkResponse({ type: StorageConfigResponse })
  @ApiOperation({
    summary: 'Recompute total_size_bytes and object_count from the backups stored with this configuration.',
  })
  recount(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseIdPipe) id: string,
  ): Promise<StorageConfigResponse> {
    return this.service.recount(auth, auth.organizationId, id);
  }

  @Post(':config_id/test')
  @HttpCode(200)
  @RequirePermission('org.storage.list')
  @ApiOkResponse({ type: TestConnectionResponse })
  @ApiOperation({
    summary: 'Test a saved configuration end to end (write, read back, multipart, presign, delete).',
  })
  test(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseIdPipe) id: string,
  ): Promise<TestConnectionReport> {
    return this.connections.testSaved(auth, auth.organizationId, id);
  }
}
