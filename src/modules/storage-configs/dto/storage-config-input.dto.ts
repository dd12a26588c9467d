import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { STORAGE_PROVIDERS, type StorageProvider } from '../../storage/storage-driver.js';

/** Credentials pasted with surrounding whitespace are a frequent cause of "malformed key" errors. */
const trim = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);
const trimOrNull = ({ value }: TransformFnParams): unknown =>
  typeof value === 'string' ? value.trim() || null : value;

/** The body of POST /backups/storage-configs and of test-connection (the storage-config API contract). */
export class CreateStorageConfigDto {
  @ApiProperty({ example: 'Production Backups' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: STORAGE_PROVIDERS,
    example: 'cloudflare_r2',
    description: [
      'Decides which other fields are required (a missing one is a 400 naming it; docs/storage-providers.md):',
      'aws_s3: bucket, access_key, secret_key (region optional).',
      'cloudflare_r2: bucket, access_key, secret_key, account_id (32 hex).',
      'backblaze_b2, digitalocean_spaces, wasabi: bucket, access_key, secret_key, region.',
      'minio, s3_compatible: bucket, access_key, secret_key, endpoint_url.',
      'ftp: host, access_key (user), secret_key (password); use_tls unless the platform allows insecure endpoints.',
      'sftp: host, access_key (user), secret_key (password) or private_key.',
      "local: path (or bucket), inside the platform's local_storage_roots for the organization.",
    ].join(' '),
  })
  @IsIn(STORAGE_PROVIDERS)
  provider!: StorageProvider;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'oecsh-backups',
    description:
      "S3 family: the bucket. FTP/SFTP: the remote base directory (default: the login directory). local: the directory (also accepted as `path`); an organization's must lie inside the platform's local_storage_roots for it.",
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(1024)
  bucket?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '/srv/offsite-local/acme/backups',
    description: 'local only: the directory (the same as `bucket`, which wins when both are given).',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(1024)
  path?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'auto' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(64)
  region?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://minio.example.com:9000',
    description: 'MinIO / s3_compatible: required.',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2048)
  endpoint_url?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Cloudflare R2: the 32-character hexadecimal account id.',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(64)
  account_id?: string | null;

  @ApiPropertyOptional({ description: 'S3: access key id. FTP/SFTP: the user name. Never returned.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1024)
  access_key?: string;

  @ApiPropertyOptional({ description: 'S3: secret access key. FTP/SFTP: the password. Never returned.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4096)
  secret_key?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'backups/' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(512)
  @Matches(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\]*$/, {
    message: 'path_prefix must be relative, without ".." segments or backslashes',
  })
  path_prefix?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'STANDARD' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(64)
  storage_class?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description:
      'Bucket names for bucket-scoped keys (no ListBuckets permission); each is checked with HeadBucket.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  buckets?: string[] | null;

  @ApiPropertyOptional({ description: 'Only one default per organization: setting one unsets the previous.' })
  @IsOptional()
  @IsBoolean()
  is_default?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'FTP/SFTP: the server host name or address.',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(255)
  host?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'FTP/SFTP port (default 21 / 22).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number | null;

  @ApiPropertyOptional({ description: 'FTP: explicit FTPS (AUTH TLS).' })
  @IsOptional()
  @IsBoolean()
  use_tls?: boolean;

  @ApiPropertyOptional({ description: 'SFTP: OpenSSH private key (PEM). Never returned.' })
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  private_key?: string;

  @ApiPropertyOptional({ description: 'SFTP: passphrase of the private key. Never returned.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  passphrase?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'SFTP: pinned host key (SHA256:…). Set at the first successful test; send null to clear it.',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(128)
  host_key_fingerprint?: string | null;
}

/** PATCH: any field; omitting a secret keeps the stored one. */
export class UpdateStorageConfigDto extends PartialType(CreateStorageConfigDto) {}
