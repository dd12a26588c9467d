import type { RestoreResponse } from './dto/restore-responses.dto.js';
import type { Restore } from './restore.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRestoreResponse(r: Restore): RestoreResponse {
  return {
    id: r.id,
    organization_id: r.organizationId,
    backup_id: r.backupId,
    target_environment_id: r.targetEnvironmentId,
    kind: r.kind,
    mode: r.mode,
    deep: r.deep,
    status: r.status,
    phase: r.phase,
    bytes_processed: Number(r.bytesProcessed),
    result: r.result ? { ...r.result } : null,
    error_code: r.errorCode,
    error_message: r.errorMessage,
    attempts: r.attempts,
    cancel_requested_at: iso(r.cancelRequestedAt),
    started_at: iso(r.startedAt),
    completed_at: iso(r.completedAt),
    duration_ms: r.durationMs,
    created_by: r.createdBy,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}
