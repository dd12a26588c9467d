import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESTORE_KINDS, RESTORE_MODES, RESTORE_PHASES, RESTORE_STATUSES } from '../restore.entity.js';

export class RestoredDatabaseResponse {
  @ApiProperty({ description: 'The database now holding the backup.' }) name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'replace: the old database, kept under this name.',
  })
  previous_name!: string | null;
  @ApiProperty({ type: 'integer' }) tables!: number;
}

export class RestoredFilestoreResponse {
  @ApiProperty() path!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'replace: the old directory, kept at this path.',
  })
  previous_path!: string | null;
  @ApiProperty({ type: 'integer' }) entries!: number;
}

export class CheckedPartResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) size_bytes!: number;
  @ApiProperty() sha256!: string;
}

export class RestoreSwapResponse {
  @ApiProperty() stamp!: string;
  @ApiProperty({ type: 'integer' }) tables!: number;
  @ApiProperty({ type: 'integer', nullable: true }) entries!: number | null;
}

export class RestoreResultResponse {
  @ApiPropertyOptional({ type: RestoredDatabaseResponse }) database?: RestoredDatabaseResponse;
  @ApiPropertyOptional({ type: RestoredFilestoreResponse }) filestore?: RestoredFilestoreResponse;
  @ApiPropertyOptional({ type: [CheckedPartResponse], description: 'The stored parts read and checked.' })
  parts?: CheckedPartResponse[];
  @ApiPropertyOptional({
    type: RestoreSwapResponse,
    description: 'Only while names are being swapped: what a resumed attempt finishes.',
  })
  swap?: RestoreSwapResponse;
}

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
    type: RestoreResultResponse,
    nullable: true,
    description: 'What was restored or checked; null until the restore has done something.',
  })
  result!: RestoreResultResponse | null;
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
