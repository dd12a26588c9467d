import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty } from '@nestjs/swagger';
import { BACKUP_PHASES, BACKUP_STATUSES, BACKUP_TRIGGERS } from '../backup.entity.js';

export class BackupPartResponse {
  @ApiProperty({ example: 'database', description: 'Logical part: database, filestore or manifest.' })
  name!: string;
  @ApiProperty({ example: 'database.sql.gz', description: 'File name of the stored object.' })
  file!: string;
  @ApiProperty({ description: "Object key relative to the storage config's path prefix." }) key!: string;
  @ApiProperty() size_bytes!: number;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: String, nullable: true }) compression!: string | null;
  @ApiProperty() format!: string;
}

export class BackupStorageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Primary S3' }) name!: string;
  @ApiProperty({ example: 's3' }) provider!: string;
  @ApiProperty({
    enum: ['platform', 'organization'],
    description:
      "platform: the platform's storage (the organization cannot read or change the config itself); organization: one of the organization's own configs.",
  })
  scope!: 'platform' | 'organization';
}

export class BackupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organization_id!: string;
  @ApiProperty({ format: 'uuid' }) environment_id!: string;
  @ApiProperty({ format: 'uuid' }) storage_config_id!: string;
  @ApiProperty({
    type: BackupStorageResponse,
    nullable: true,
    description:
      'Where the backup is stored, also when that is the platform storage (null if the config is gone).',
  })
  storage!: BackupStorageResponse | null;
  @ApiProperty({ enum: BACKUP_STATUSES }) status!: string;
  @ApiProperty({ enum: BACKUP_PHASES, nullable: true, type: String }) phase!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() dump_format!: string;
  @ApiProperty() compression!: string;
  @ApiProperty({
    description:
      'Bytes written to storage so far (compressed database dump + compressed filestore archive; custom dumps as pg_dump wrote them).',
  })
  bytes_processed!: number;
  @ApiProperty({ description: 'Sum of the stored objects, manifest included.' }) total_size_bytes!: number;
  @ApiProperty({ description: "The backup's folder, relative to the storage config's path prefix." })
  object_prefix!: string;
  @ApiProperty({ type: [BackupPartResponse] }) parts!: BackupPartResponse[];
  @ApiProperty({ type: String, nullable: true }) error_code!: string | null;
  @ApiProperty({ type: String, nullable: true }) error_message!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) cancel_requested_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) started_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) completed_at!: string | null;
  @ApiProperty({ type: Number, nullable: true }) duration_ms!: number | null;
  @ApiProperty({ type: String, nullable: true }) verified_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) verification_status!: string | null;
  @ApiProperty({ enum: BACKUP_TRIGGERS, description: 'manual (POST /backups) or schedule.' })
  trigger!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The schedule that made it.' })
  schedule_id!: string | null;
  @ApiProperty({ description: 'Never deleted by retention (nor by DELETE) while true.' })
  protected!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) created_by!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class BackupPageResponse extends PageResponse(BackupResponse) {}

export class DownloadPartResponse {
  @ApiProperty({ example: 'database', description: 'Logical part: database, filestore or manifest.' })
  name!: string;
  @ApiProperty({ example: 'database.sql.gz', description: 'File name to save it as.' }) file!: string;
  @ApiProperty() size_bytes!: number;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({
    description: 'S3 family: a presigned GET URL; FTP/SFTP/local: a signed Offsite link (supports Range).',
  })
  url!: string;
  @ApiProperty() expires_at!: string;
}

export class BackupDownloadResponse {
  @ApiProperty({ format: 'uuid' }) backup_id!: string;
  @ApiProperty({ type: [DownloadPartResponse] }) parts!: DownloadPartResponse[];
}
