import { OrgPageQuery } from '../../../common/http/page.query.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
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

export class ListRestoresQuery extends OrgPageQuery {
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
