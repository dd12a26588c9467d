import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { STORAGE_PROVIDERS, type StorageProvider } from '../../storage/storage-driver.js';

export class UpdateStorageSettingsDto {
  @ApiPropertyOptional({
    enum: STORAGE_PROVIDERS,
    isArray: true,
    description:
      'The whole list of enabled providers (replaces it). To change a few, use enable_providers / disable_providers.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STORAGE_PROVIDERS, { each: true })
  enabled_providers?: StorageProvider[];

  @ApiPropertyOptional({
    enum: STORAGE_PROVIDERS,
    isArray: true,
    example: ['local'],
    description: 'Providers to add to the enabled list; the others stay as they are.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STORAGE_PROVIDERS, { each: true })
  enable_providers?: StorageProvider[];

  @ApiPropertyOptional({
    enum: STORAGE_PROVIDERS,
    isArray: true,
    example: ['ftp'],
    description: 'Providers to remove from the enabled list; the others stay as they are.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STORAGE_PROVIDERS, { each: true })
  disable_providers?: StorageProvider[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_org_byos?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_insecure_endpoints?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_private_endpoints?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['/srv/offsite-local/{organization_slug}'],
    description:
      "Directories under which organizations' `local` storage configs must lie ({organization_id} / {organization_slug} give each its own subtree). Empty: organizations cannot create `local` configs.",
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  local_storage_roots?: string[];

  @ApiPropertyOptional({ minimum: 5, maximum: 10080, example: 60 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(10080)
  storage_probe_interval_minutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, example: 1.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100)
  freshness_late_factor?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, example: 3 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100)
  freshness_stale_factor?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10080,
    description: 'Schedules may not fire more often than this many minutes apart (default 60).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10080)
  min_schedule_interval_minutes?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3650,
    description:
      'Rows of failed backups (which hold no objects) are pruned after this many days (default 30).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  failed_backups_keep_days?: number;
}
