import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { BackupHealthService } from './backup-health.service.js';
import { BackupHealthResponse } from './dto/backup-health-responses.dto.js';

@ApiTags('backups')
@Controller({ path: 'organizations/:org_id/backup-health', version: '1' })
@ApiParam({ name: 'org_id', format: 'uuid' })
export class BackupHealthController {
  constructor(private readonly service: BackupHealthService) {}

  @Get()
  @RequirePermission('org.backup.list')
  @ApiOkResponse({ type: BackupHealthResponse })
  @ApiOperation({
    summary:
      'One answer for a dashboard: freshness and last backup/verification/failure per environment, storage health and usage, failures in the last 24 h, and an overall status with its reasons.',
  })
  get(@OrgAuth() auth: OrgAuthContext): Promise<BackupHealthResponse> {
    return this.service.summary(auth);
  }
}
