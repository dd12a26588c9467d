import type { Backup } from './backup.entity.js';
import path from 'node:path';
import type { BackupResponse, BackupStorageResponse } from './dto/backup-responses.dto.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toBackupResponse(b: Backup, storage: BackupStorageResponse | null): BackupResponse {
  return {
    id: b.id,
    organization_id: b.organizationId,
    environment_id: b.environmentId,
    storage_config_id: b.storageConfigId,
    storage,
    status: b.status,
    phase: b.phase,
    note: b.note,
    dump_format: b.dumpFormat,
    compression: b.compression,
    bytes_processed: Number(b.bytesProcessed),
    total_size_bytes: Number(b.totalSizeBytes),
    object_prefix: b.objectPrefix,
    parts: b.parts.map((p) => ({
      name: p.name,
      file: path.posix.basename(p.key),
      key: p.key,
      size_bytes: p.sizeBytes,
      sha256: p.sha256,
      compression: p.compression,
      format: p.format,
    })),
    error_code: b.errorCode,
    error_message: b.errorMessage,
    attempts: b.attempts,
    cancel_requested_at: iso(b.cancelRequestedAt),
    started_at: iso(b.startedAt),
    completed_at: iso(b.completedAt),
    duration_ms: b.durationMs,
    verified_at: iso(b.verifiedAt),
    verification_status: b.verificationStatus,
    trigger: b.trigger,
    schedule_id: b.scheduleId,
    protected: b.protected,
    created_by: b.createdBy,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}
