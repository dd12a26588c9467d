import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { OrgPageQuery, PageQuery } from '../../../common/http/page.query.js';

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

export class ListPlatformMigrationsQuery extends PageQuery {}
