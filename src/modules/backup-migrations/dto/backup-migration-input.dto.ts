import { OrgPageQuery } from '../../../common/http/org-page.query.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

export class CreateBackupMigrationDto {
  @ApiProperty({ format: 'uuid', description: 'The storage config the backups move to.' })
  @IsUUID()
  target_storage_config_id!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Only these backups (each completed and on the source config). Default: every completed backup on it.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID(undefined, { each: true })
  backup_ids?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the backups of this environment.' })
  @IsOptional()
  @IsUUID()
  environment_id?: string;

  @ApiPropertyOptional({
    default: false,
    description: "Delete each backup's objects from the source once it is copied, verified and re-pointed.",
  })
  @IsOptional()
  @IsBoolean()
  delete_source?: boolean;
}

export class ListBackupMigrationsQuery extends OrgPageQuery {}

export class ListPlatformMigrationsQuery {
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
}
