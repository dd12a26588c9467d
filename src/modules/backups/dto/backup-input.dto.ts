import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/page.query.js';
import { BACKUP_STATUSES, type BackupStatus } from '../backup.entity.js';

export class CreateBackupDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  environment_id!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "Default: the environment's config, else the organization's default, else the platform default.",
  })
  @IsOptional()
  @IsUUID()
  storage_config_id?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class ListBackupsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  environment_id?: string;

  @ApiPropertyOptional({ enum: BACKUP_STATUSES })
  @IsOptional()
  @IsIn(BACKUP_STATUSES)
  status?: BackupStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  storage_config_id?: string;
}

export class UpdateBackupDto {
  @ApiPropertyOptional({ description: 'A protected backup is never deleted by retention nor by DELETE.' })
  @IsOptional()
  @IsBoolean()
  protected?: boolean;
}
