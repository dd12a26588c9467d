import { Injectable } from '@nestjs/common';
import type { AuthContext, OrgAuthContext } from '../../common/auth/auth-context.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { pageRequest, toPage } from '../../common/http/page-cursor.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { toAuditLogItem } from './audit.mapper.js';
import type { AuditLogPage } from './dto/audit-log-responses.dto.js';
import type { ListAuditLogQuery } from './dto/list-audit-log.query.js';
import { redactSecrets } from './redact.js';

export interface AuditEvent {
  /** e.g. `organization.update`, `member.add`, `storage_config.create`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Any JSON; secret-looking keys are redacted before writing. Use changes() for `{field: {from, to}}`. */
  diff?: Record<string, unknown> | null;
  /** Defaults to auth.organizationId (set on @RequirePermission routes). */
  organizationId?: string;
}

/**
 * Writes the audit trail. Call it inside the same Transactions.run() as the change, so the change
 * and its audit row commit together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditLogRepository) {}

  async record(auth: AuthContext, event: AuditEvent): Promise<void> {
    const organizationId = event.organizationId ?? auth.organizationId;
    if (!organizationId) throw new DomainError('internal', 'Audit event without an organization.');
    await this.write(organizationId, auth, event);
  }

  /** For changes made by the platform itself (scheduled jobs, retention): no user, actor is null. */
  async recordSystem(organizationId: string, event: Omit<AuditEvent, 'organizationId'>, requestId?: string) {
    await this.write(organizationId, null, event, requestId);
  }

  private async write(
    organizationId: string,
    auth: AuthContext | null,
    event: AuditEvent,
    requestId?: string,
  ): Promise<void> {
    await this.entries.insert({
      organizationId,
      actorUserId: auth?.userId ?? null,
      actorEmail: auth?.email ?? null,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      diff: event.diff ? (redactSecrets(event.diff) as Record<string, unknown>) : null,
      requestId: auth?.requestId ?? requestId ?? null,
    });
  }

  async list(auth: OrgAuthContext, query: ListAuditLogQuery): Promise<AuditLogPage> {
    const page = pageRequest(query, 'bigint');
    const { rows, next } = await this.entries.list(auth.organizationId, page);
    return toPage(page, next, rows.map(toAuditLogItem));
  }
}
