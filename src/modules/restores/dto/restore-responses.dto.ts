import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty } from '@nestjs/swagger';
import { RESTORE_KINDS, RESTORE_MODES, RESTORE_PHASES, RESTORE_STATUSES } from '../restore.entity.js';

export class RestoreResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organization_id!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null once the backup is deleted.',
  })
  backup_id!: string | null;
  @ApiProperty({ format: 'uuid' }) target_environment_id!: string;
  @ApiProperty({ enum: RESTORE_KINDS }) kind!: string;
  @ApiProperty({ enum: RESTORE_MODES, type: String, nullable: true }) mode!: string | null;
  @ApiProperty() deep!: boolean;
  @ApiProperty({ enum: RESTORE_STATUSES }) status!: string;
  @ApiProperty({ enum: RESTORE_PHASES, type: String, nullable: true }) phase!: string | null;
  @ApiProperty({ description: 'Stored bytes read so far.' }) bytes_processed!: number;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'On completion: database {name, previous_name, tables}, filestore {path, previous_path, entries}, parts checked.',
  })
  result!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) error_code!: string | null;
  @ApiProperty({ type: String, nullable: true }) error_message!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) cancel_requested_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) started_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) completed_at!: string | null;
  @ApiProperty({ type: Number, nullable: true }) duration_ms!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) created_by!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class RestorePageResponse extends PageResponse(RestoreResponse) {}
