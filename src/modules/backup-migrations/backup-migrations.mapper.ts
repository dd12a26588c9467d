import type { BackupMigration, BackupMigrationItem } from './backup-migration.entity.js';
import type { MigrationProgress } from './backup-migrations.repository.js';
import type {
  BackupMigrationItemResponse,
  BackupMigrationResponse,
} from './dto/backup-migration-responses.dto.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toBackupMigrationResponse(
  m: BackupMigration,
  p: MigrationProgress,
  items?: BackupMigrationItem[],
): BackupMigrationResponse {
  return {
    id: m.id,
    organization_id: m.organizationId,
    source_storage_config_id: m.sourceStorageConfigId,
    target_storage_config_id: m.targetStorageConfigId,
    environment_id: m.environmentId,
    delete_source: m.deleteSource,
    status: m.status,
    total_backups: m.totalBackups,
    done_backups: p.done,
    failed_backups: p.failed,
    cancelled_backups: p.cancelled,
    skipped_backups: p.skipped,
    bytes_total: m.bytesTotal,
    bytes_copied: p.bytesCopied,
    server_side_copies: p.serverSideCopies,
    source_leftovers: p.sourceLeftovers,
    attempts: m.attempts,
    error_code: m.errorCode,
    error_message: m.errorMessage,
    cancel_requested_at: iso(m.cancelRequestedAt),
    started_at: iso(m.startedAt),
    completed_at: iso(m.completedAt),
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
    ...(items ? { backups: items.map(toItemResponse) } : {}),
  };
}

function toItemResponse(i: BackupMigrationItem): BackupMigrationItemResponse {
  return {
    backup_id: i.backupId,
    organization_id: i.organizationId,
    state: i.state,
    bytes_total: i.bytesTotal,
    bytes_copied: i.bytesCopied,
    method: i.method,
    source_leftover: i.sourceLeftover,
    error_code: i.errorCode,
    error_message: i.errorMessage,
  };
}
