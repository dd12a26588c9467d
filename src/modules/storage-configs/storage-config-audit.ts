import { Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { ConfigScope } from './storage-configs.repository.js';

/** Records a storage-config change: in the organization's audit log, or the log for platform configs. */
@Injectable()
export class StorageConfigAudit {
  private readonly logger = new Logger('StorageConfigs');

  constructor(private readonly audit: AuditService) {}

  async record(
    auth: AuthContext,
    scope: ConfigScope,
    action: string,
    targetId: string,
    diff: Record<string, unknown>,
  ): Promise<void> {
    if (scope === null) {
      // Platform configs belong to no organization; the audit table is per organization.
      this.logger.log(
        { actor: auth.email, action, target_id: targetId, diff },
        'Platform storage config change',
      );
      return;
    }
    await this.audit.record(auth, {
      action,
      targetType: 'storage_config',
      targetId,
      diff,
      organizationId: scope,
    });
  }
}
