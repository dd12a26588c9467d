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

/**
 * Database and user names reach libpq as plain values: no leading "-" (an option to a client
 * program), no control characters, no "=" or "://" (libpq would read a connection string).
 */
export const PLAIN_DB_VALUE = /^(?!-)(?!.*:\/\/)[^\u0000-\u001f\u007f=]+$/;
const PLAIN_DB_VALUE_MESSAGE = (field: string) =>
  `${field} must be a plain name: no leading "-", control characters, "=" or "://"`;

/** Host names and addresses; a Unix socket directory (platform-managed environments only) starts with "/". */
export const DB_HOST = /^(?!-)[^\s,\u0000-\u001f\u007f]+$/;

/** Environment names are one folder of the object layout: letters, digits, `.`, `_`, `-`. */
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class DatabaseInputDto {
  @ApiProperty({
    example: 'db.example.com',
    description:
      "Host name or IP address. Organizations' own hosts must be allowed by the platform's source policy (no private, loopback or link-local addresses unless the platform allows them; never Offsite's own database server).",
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(DB_HOST, {
    message: 'database.host must be a host name or IP address (no spaces, commas or leading "-")',
  })
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
  @Matches(PLAIN_DB_VALUE, { message: PLAIN_DB_VALUE_MESSAGE('database.name') })
  name!: string;

  @ApiProperty({ example: 'odoo' })
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  @Matches(PLAIN_DB_VALUE, { message: PLAIN_DB_VALUE_MESSAGE('database.username') })
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
    example: '/srv/filestores/acme/production',
    description:
      "A directory on the workers; omit for a database-only environment. An organization's own environments must name a directory inside one of the platform's filestore roots for that organization (GET /api/v1/admin/source-settings, e.g. /srv/filestores/{organization_slug}).",
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

  @ApiPropertyOptional({
    enum: COMPRESSIONS,
    description:
      "Default: the platform's DEFAULT_COMPRESSION (gzip unless the operator chose zstd). zstd is recommended: several times faster at a similar size; gzip keeps archives readable by any unzip tool.",
  })
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

/** A platform administrator creates a managed environment for an organization. */
export class AdminCreateEnvironmentDto extends CreateEnvironmentDto {
  @ApiProperty({ format: 'uuid', description: 'The organization the environment belongs to.' })
  @IsUUID()
  organization_id!: string;
}
