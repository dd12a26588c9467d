import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type, type TransformFnParams } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  COMPRESSIONS,
  DUMP_FORMATS,
  SSL_MODES,
  type Compression,
  type DumpFormat,
  type SslMode,
} from '../environment.entity.js';

const trim = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);

/** Environment names are one folder of the object layout: letters, digits, `.`, `_`, `-`. */
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class DatabaseInputDto {
  @ApiProperty({ example: 'db.internal' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  host!: string;

  @ApiPropertyOptional({ example: 5432, default: 5432 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiProperty({ example: 'odoo' })
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  name!: string;

  @ApiProperty({ example: 'odoo' })
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  username!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Encrypted at rest, never returned.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string | null;

  @ApiPropertyOptional({ enum: SSL_MODES, default: 'prefer' })
  @IsOptional()
  @IsIn(SSL_MODES)
  sslmode?: SslMode;
}

export class UpdateDatabaseInputDto extends PartialType(DatabaseInputDto) {}

export class CreateEnvironmentDto {
  @ApiProperty({
    example: 'production',
    description: 'Letters, digits, ".", "_" and "-"; unique in the organization.',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  @Matches(ENVIRONMENT_NAME, { message: 'name may contain only letters, digits, ".", "_" and "-"' })
  name!: string;

  @ApiProperty({ type: DatabaseInputDto })
  @ValidateNested()
  @Type(() => DatabaseInputDto)
  database!: DatabaseInputDto;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '/var/lib/odoo/filestore/odoo',
    description: 'A directory readable by the workers; omit for a database-only environment.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^\//, { message: 'filestore_path must be an absolute path' })
  @MaxLength(4096)
  filestore_path?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  storage_config_id?: string | null;

  @ApiPropertyOptional({
    enum: DUMP_FORMATS,
    default: 'plain',
    description: 'custom = pg_dump -Fc (parallel restore).',
  })
  @IsOptional()
  @IsIn(DUMP_FORMATS)
  dump_format?: DumpFormat;

  @ApiPropertyOptional({ enum: COMPRESSIONS, default: 'gzip' })
  @IsOptional()
  @IsIn(COMPRESSIONS)
  compression?: Compression;
}

export class UpdateEnvironmentDto extends PartialType(OmitType(CreateEnvironmentDto, ['database'] as const)) {
  @ApiPropertyOptional({ type: UpdateDatabaseInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateDatabaseInputDto)
  database?: UpdateDatabaseInputDto;
}
