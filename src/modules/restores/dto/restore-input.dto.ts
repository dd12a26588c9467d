import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  RESTORE_KINDS,
  RESTORE_MODES,
  RESTORE_STATUSES,
  type RestoreKind,
  type RestoreMode,
  type RestoreStatus,
} from '../restore.entity.js';

export class CreateRestoreDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Default: the backup's own environment.",
  })
  @IsOptional()
  @IsUUID()
  target_environment_id?: string | null;

  @ApiProperty({
    enum: RESTORE_MODES,
    description:
      'into_empty: the target database and filestore directory must be missing or empty (409 otherwise). replace: the old ones are kept as {name}_before_restore_{timestamp} / {path}.before_restore_{timestamp}.',
  })
  @IsIn(RESTORE_MODES)
  mode!: RestoreMode;
}

export class VerifyBackupDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Also load the database into a temporary scratch database and check every table exists.',
  })
  @IsOptional()
  @IsBoolean()
  deep?: boolean;
}

export class ListRestoresQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organization_id!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  backup_id?: string;

  @ApiPropertyOptional({ enum: RESTORE_STATUSES })
  @IsOptional()
  @IsIn(RESTORE_STATUSES)
  status?: RestoreStatus;

  @ApiPropertyOptional({ enum: RESTORE_KINDS })
  @IsOptional()
  @IsIn(RESTORE_KINDS)
  kind?: RestoreKind;
}
