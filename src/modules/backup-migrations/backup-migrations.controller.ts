import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { BackupMigrationsService } from './backup-migrations.service.js';
import {
  CreateBackupMigrationDto,
  CreateOrgBackupMigrationDto,
  ListBackupMigrationsQuery,
} from './dto/backup-migration-input.dto.js';
import {
  BackupMigrationPageResponse,
  BackupMigrationResponse,
} from './dto/backup-migration-responses.dto.js';

const MigrationParam = () => ApiParam({ name: 'migration_id', format: 'uuid' });

/** Moving an organization's backups from one of its storage configs to another. */
@ApiTags('backup-migrations')
@Controller({ version: '1' })
export class BackupMigrationsController {
  constructor(private readonly service: BackupMigrationsService) {}

  @Post('backups/storage-configs/:config_id/migrations')
  @HttpCode(202)
  @RequirePermission('org.storage.update')
  @ApiAcceptedResponse({ type: BackupMigrationResponse })
  @ApiOperation({
    summary:
      "Move backups from this storage config to another of the organization's: each copied, verified (size, sha256) and re-pointed, then optionally deleted from the source. Poll GET /migrations/{migration_id}.",
  })
  create(
    @OrgAuth() auth: OrgAuthContext,
    @Param('config_id', ParseUUIDPipe) configId: string,
    @Body() dto: CreateBackupMigrationDto,
  ): Promise<BackupMigrationResponse> {
    return this.service.create(auth, auth.organizationId, configId, dto);
  }

  @Post('migrations')
  @HttpCode(202)
  @RequirePermission('org.storage.update')
  @ApiAcceptedResponse({ type: BackupMigrationResponse })
  @ApiOperation({
    summary:
      "Move the organization's backups from a storage config to another of its own, the source named in the body: one of its configs, or a platform config holding its backups (its own backups only; other organizations' are not touched). Otherwise as POST /backups/storage-configs/{config_id}/migrations.",
  })
  createFrom(
    @OrgAuth() auth: OrgAuthContext,
    @Body() dto: CreateOrgBackupMigrationDto,
  ): Promise<BackupMigrationResponse> {
    const { source_storage_config_id: sourceId, ...rest } = dto;
    return this.service.create(auth, auth.organizationId, sourceId, rest);
  }

  @Get('migrations')
  @RequirePermission('org.storage.list')
  @ApiOkResponse({ type: BackupMigrationPageResponse })
  @ApiOperation({ summary: "The organization's backup migrations, newest first." })
  list(
    @OrgAuth() auth: OrgAuthContext,
    @Query() query: ListBackupMigrationsQuery,
  ): Promise<BackupMigrationPageResponse> {
    return this.service.list(auth.organizationId, query);
  }

  @Get('migrations/:migration_id')
  @RequirePermission('org.storage.list')
  @MigrationParam()
  @ApiOkResponse({ type: BackupMigrationResponse })
  @ApiOperation({ summary: 'One backup migration, with its progress and the state of each backup.' })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('migration_id', ParseIdPipe) id: string,
  ): Promise<BackupMigrationResponse> {
    return this.service.get(auth.organizationId, id);
  }

  @Post('migrations/:migration_id/cancel')
  @HttpCode(200)
  @RequirePermission('org.storage.update')
  @MigrationParam()
  @ApiOkResponse({ type: BackupMigrationResponse })
  @ApiOperation({
    summary: 'Cancel a migration: it stops after the backup it is moving; the others stay on the source.',
  })
  cancel(
    @OrgAuth() auth: OrgAuthContext,
    @Param('migration_id', ParseIdPipe) id: string,
  ): Promise<BackupMigrationResponse> {
    return this.service.cancel(auth, auth.organizationId, id);
  }
}
