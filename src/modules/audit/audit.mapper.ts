import type { AuditLogEntry } from './audit-log-entry.entity.js';
import type { AuditLogItem, AuditLogPage } from './dto/audit-log-responses.dto.js';

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

/** rows: up to limit + 1 entries; the extra one only tells that another page exists. */
export function toAuditLogPage(rows: AuditLogEntry[], limit: number): AuditLogPage {
  const items = rows.slice(0, limit).map(toAuditLogItem);
  return { items, next_cursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
