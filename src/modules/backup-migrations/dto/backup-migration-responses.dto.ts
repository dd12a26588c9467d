import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty } from '@nestjs/swagger';
import { MIGRATION_ITEM_STATES, MIGRATION_STATUSES } from '../backup-migration.entity.js';

export class BackupMigrationItemResponse {
  @ApiProperty({ format: 'uuid' })
  backup_id!: string;

  @ApiProperty({ format: 'uuid' })
  organization_id!: string;

  @ApiProperty({
    enum: MIGRATION_ITEM_STATES,
    description:
      'pending: still on the source. repointed: on the target, source objects not deleted yet. done: on the target. failed / cancelled / skipped: stays on the source.',
  })
  state!: string;

  @ApiProperty()
  bytes_total!: number;

  @ApiProperty()
  bytes_copied!: number;

  @ApiProperty({ type: String, nullable: true, enum: ['stream', 'server_side_copy'] })
  method!: string | null;

  @ApiProperty({
    description: 'Moved, but some source objects could not be deleted yet (retried in the background).',
  })
  source_leftover!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'e.g. integrity_failed' })
  error_code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  error_message!: string | null;
}

export class BackupMigrationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: a platform migration.' })
  organization_id!: string | null;

  @ApiProperty({ format: 'uuid' })
  source_storage_config_id!: string;

  @ApiProperty({ format: 'uuid' })
  target_storage_config_id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  environment_id!: string | null;

  @ApiProperty()
  delete_source!: boolean;

  @ApiProperty({ enum: MIGRATION_STATUSES })
  status!: string;

  @ApiProperty()
  total_backups!: number;

  @ApiProperty({ description: 'Backups now on the target.' })
  done_backups!: number;

  @ApiProperty({
    description: 'Backups that stay on the source because of an error (see backups[].error_code).',
  })
  failed_backups!: number;

  @ApiProperty()
  cancelled_backups!: number;

  @ApiProperty({
    description: 'Backups not moved because they changed meanwhile (deleted, no longer completed).',
  })
  skipped_backups!: number;

  @ApiProperty()
  bytes_total!: number;

  @ApiProperty()
  bytes_copied!: number;

  @ApiProperty({
    description: 'Backups copied inside the storage service (CopyObject) instead of through the worker.',
  })
  server_side_copies!: number;

  @ApiProperty({ description: 'Moved backups whose source objects are still to delete.' })
  source_leftovers!: number;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  error_code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  error_message!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancel_requested_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  started_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completed_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updated_at!: string;

  @ApiProperty({
    type: [BackupMigrationItemResponse],
    required: false,
    description: 'Per backup, in order (single-migration reads only).',
  })
  backups?: BackupMigrationItemResponse[];
}

export class BackupMigrationPageResponse extends PageResponse(BackupMigrationResponse) {}
