import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STORAGE_HEALTH, type StorageHealth } from '../storage-config.entity.js';
import { STORAGE_PROVIDERS, type StorageProvider } from '../../storage/storage-driver.js';

export class StorageConfigResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null for platform-level configs',
  })
  organization_id!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STORAGE_PROVIDERS }) provider!: StorageProvider;
  @ApiProperty({ nullable: true, type: String }) bucket!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ nullable: true, type: String }) endpoint_url!: string | null;
  @ApiProperty({ nullable: true, type: String }) account_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) path_prefix!: string | null;
  @ApiProperty({ nullable: true, type: String }) storage_class!: string | null;
  @ApiProperty({ type: [String], nullable: true }) buckets!: string[] | null;
  @ApiProperty({ nullable: true, type: String }) host!: string | null;
  @ApiProperty({ nullable: true, type: Number }) port!: number | null;
  @ApiProperty() use_tls!: boolean;
  @ApiProperty({ nullable: true, type: String }) host_key_fingerprint!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '…1234',
    description:
      'The last 4 characters of the access key or user name when it has at least 12, else "****"; null when none is set.',
  })
  access_key_hint!: string | null;
  @ApiProperty() has_secret!: boolean;
  @ApiProperty() has_private_key!: boolean;
  @ApiProperty() is_default!: boolean;
  @ApiProperty() is_active!: boolean;
  @ApiProperty({ description: 'Bytes of all objects of all backups stored here' }) total_size_bytes!: number;
  @ApiProperty({ description: 'Number of backups stored here' }) object_count!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_used_at!: string | null;
  @ApiProperty({
    enum: STORAGE_HEALTH,
    description:
      'Result of the periodic light probe: one failure → degraded, two in a row → unhealthy; unknown until the first probe. Informs only: never blocks a test or a backup.',
  })
  health!: StorageHealth;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) health_checked_at!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'storage error code of the last failure' })
  health_error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) health_message!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_healthy_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class TestStepResponse {
  @ApiProperty({ example: 'authentication' }) name!: string;
  @ApiProperty({ enum: ['passed', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() duration_ms!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() hint?: string;
}

export class TestConnectionResponse {
  @ApiProperty() success!: boolean;
  @ApiProperty({ example: 'Connection successful' }) message!: string;
  @ApiProperty({ nullable: true, type: Boolean }) bucket_exists!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) can_write!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) can_read!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) latency_ms!: number | null;
  @ApiProperty({ enum: STORAGE_PROVIDERS }) provider!: StorageProvider;
  @ApiProperty({ type: [TestStepResponse] }) steps!: TestStepResponse[];
  @ApiPropertyOptional({ type: [String] }) buckets?: string[];
  @ApiPropertyOptional() scoped_key?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) bucket_region?: string | null;
  @ApiPropertyOptional() region_mismatch?: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) clock_skew_ms?: number | null;
  @ApiPropertyOptional({ enum: ['enabled', 'suspended', 'disabled', 'unknown'] }) versioning?: string;
  @ApiPropertyOptional({ enum: ['enabled', 'disabled', 'unknown'] }) object_lock?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) host_key_fingerprint?: string | null;
}

export class BucketAccessResponse {
  @ApiProperty() name!: string;
  @ApiProperty() accessible!: boolean;
  @ApiPropertyOptional() error?: string;
}

export class BucketsResponse {
  @ApiProperty({ description: 'true when ListBuckets is denied or a manual list is configured' })
  scoped_key!: boolean;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [BucketAccessResponse] }) buckets!: BucketAccessResponse[];
}

export class DefaultStorageResponse {
  @ApiProperty({ example: 'Platform S3' }) name!: string;
  @ApiProperty({ enum: STORAGE_PROVIDERS }) provider!: StorageProvider;
  @ApiProperty({ type: String, nullable: true, example: 'eu-central-1' }) region!: string | null;
}

export class StorageSettingsResponse {
  @ApiProperty({ enum: STORAGE_PROVIDERS, isArray: true }) enabled_providers!: StorageProvider[];
  @ApiProperty() allow_org_byos!: boolean;
  @ApiProperty() has_default_storage!: boolean;
  @ApiProperty({
    type: DefaultStorageResponse,
    nullable: true,
    description:
      "The platform's default storage as organizations see it (no endpoint, bucket or credentials).",
  })
  default_storage!: DefaultStorageResponse | null;
  @ApiProperty({ description: 'plain http:// endpoints and FTP without TLS' })
  allow_insecure_endpoints!: boolean;
  @ApiProperty({ description: 'loopback / private / link-local endpoints' })
  allow_private_endpoints!: boolean;
  @ApiProperty({
    type: [String],
    description:
      "Directories organizations' `local` storage configs must lie in (empty: no `local` for organizations).",
  })
  local_storage_roots!: string[];
  @ApiProperty({ description: 'Minutes between two light health probes of each active storage config.' })
  storage_probe_interval_minutes!: number;
  @ApiProperty({
    description: 'An environment is late when its newest completed backup is older than this × its interval.',
  })
  freshness_late_factor!: number;
  @ApiProperty({ description: '… and stale past this × its interval.' })
  freshness_stale_factor!: number;
  @ApiProperty({ description: 'Schedules may not fire more often than this many minutes apart.' })
  min_schedule_interval_minutes!: number;
  @ApiProperty({ description: 'Rows of failed backups are pruned after this many days.' })
  failed_backups_keep_days!: number;
}
