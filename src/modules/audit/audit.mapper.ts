import type { AuditLogEntry } from './audit-log-entry.entity.js';
import type { AuditLogItem } from './dto/audit-log-responses.dto.js';

export function toAuditLogItem(e: AuditLogEntry): AuditLogItem {
  return {
    id: String(e.id),
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    actor: { user_id: e.actorUserId, email: e.actorEmail },
    diff: e.diff,
    request_id: e.requestId,
    created_at: e.createdAt.toISOString(),
  };
}
