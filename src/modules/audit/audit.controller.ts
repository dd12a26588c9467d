import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { AuditService } from './audit.service.js';
import { AuditLogPage } from './dto/audit-log-responses.dto.js';
import { ListAuditLogQuery } from './dto/list-audit-log.query.js';

@ApiTags('audit')
@Controller({ path: 'organizations/:org_id/audit-log', version: '1' })
@ApiParam({ name: 'org_id', format: 'uuid' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('org.audit.list')
  @ApiOkResponse({ type: AuditLogPage })
  @ApiOperation({ summary: 'The organization audit log, newest first, paginated by cursor.' })
  list(@OrgAuth() auth: OrgAuthContext, @Query() query: ListAuditLogQuery): Promise<AuditLogPage> {
    return this.audit.list(auth, query);
  }
}
