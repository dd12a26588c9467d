import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthContext } from '../../common/auth/auth-context.js';
import { PlatformAdmin } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { BackupMigrationsService } from './backup-migrations.service.js';
import { CreateBackupMigrationDto, ListPlatformMigrationsQuery } from './dto/backup-migration-input.dto.js';
import {
  BackupMigrationPageResponse,
  BackupMigrationResponse,
} from './dto/backup-migration-responses.dto.js';

const MigrationParam = () => ApiParam({ name: 'migration_id', format: 'uuid' });

/** Platform administrators move every organization's backups between platform storage configs. */
@ApiTags('admin')
@Controller({ path: 'admin', version: '1' })
export class AdminBackupMigrationsController {
  constructor(private readonly service: BackupMigrationsService) {}

  @Post('storage-configs/:storage_config_id/migrations')
  @HttpCode(202)
  @PlatformAdmin()
  @ApiAcceptedResponse({ type: BackupMigrationResponse })
  @ApiOperation({
    summary:
      'Move the backups (of every organization) stored on this platform config to another platform config, verified; e.g. retiring a provider.',
  })
  create(
    @Auth() auth: AuthContext,
    @Param('storage_config_id', ParseUUIDPipe) configId: string,
    @Body() dto: CreateBackupMigrationDto,
  ): Promise<BackupMigrationResponse> {
    return this.service.create(auth, null, configId, dto);
  }

  @Get('migrations')
  @PlatformAdmin()
  @ApiOkResponse({ type: BackupMigrationPageResponse })
  @ApiOperation({ summary: 'Platform backup migrations, newest first.' })
  list(@Query() query: ListPlatformMigrationsQuery): Promise<BackupMigrationPageResponse> {
    return this.service.list(null, query);
  }

  @Get('migrations/:migration_id')
  @PlatformAdmin()
  @MigrationParam()
  @ApiOkResponse({ type: BackupMigrationResponse })
  @ApiOperation({ summary: 'One platform backup migration.' })
  get(@Param('migration_id', ParseIdPipe) id: string): Promise<BackupMigrationResponse> {
    return this.service.get(null, id);
  }

  @Post('migrations/:migration_id/cancel')
  @HttpCode(200)
  @PlatformAdmin()
  @MigrationParam()
  @ApiOkResponse({ type: BackupMigrationResponse })
  @ApiOperation({ summary: 'Cancel a platform migration after the backup it is moving.' })
  cancel(
    @Auth() auth: AuthContext,
    @Param('migration_id', ParseIdPipe) id: string,
  ): Promise<BackupMigrationResponse> {
    return this.service.cancel(auth, null, id);
  }
}
