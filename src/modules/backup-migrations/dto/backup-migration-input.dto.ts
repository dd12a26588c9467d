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

/** POST /migrations: the source in the body, so it may be a platform config (no org resolves from it). */
export class CreateOrgBackupMigrationDto extends CreateBackupMigrationDto {
  @ApiProperty({
    format: 'uuid',
    description:
      "The storage config the backups move from: one of the organization's, or a platform config that holds the organization's backups (e.g. the platform default used before the organization brought its own storage).",
  })
  @IsUUID()
  source_storage_config_id!: string;
}

export class ListBackupMigrationsQuery extends OrgPageQuery {}

export class ListPlatformMigrationsQuery extends PageQuery {}
