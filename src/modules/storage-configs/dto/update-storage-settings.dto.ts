import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { STORAGE_PROVIDERS, type StorageProvider } from '../../storage/storage-driver.js';

export class UpdateStorageSettingsDto {
  @ApiPropertyOptional({ enum: STORAGE_PROVIDERS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STORAGE_PROVIDERS, { each: true })
  enabled_providers?: StorageProvider[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_org_byos?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_insecure_endpoints?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_private_endpoints?: boolean;
}
