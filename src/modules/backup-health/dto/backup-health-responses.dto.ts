import { ApiProperty } from '@nestjs/swagger';
import { STORAGE_HEALTH, type StorageHealth } from '../../storage-configs/storage-config.entity.js';
import { STORAGE_PROVIDERS, type StorageProvider } from '../../storage/storage-driver.js';
import { FRESHNESS, type Freshness } from '../freshness.js';

export const OVERALL_STATUS = ['ok', 'warning', 'critical'] as const;
export type OverallStatus = (typeof OVERALL_STATUS)[number];

export class HealthReason {
  @ApiProperty({ enum: ['warning', 'critical'] }) severity!: 'warning' | 'critical';
  @ApiProperty({
    description:
      'backup_stale, backup_late, backup_never, storage_unhealthy, storage_degraded, backups_failed, restores_failed',
  })
  code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) environment_id!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) storage_config_id!: string | null;
}

export class BackupError {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class EnvironmentHealth {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    enum: FRESHNESS,
    nullable: true,
    description: 'null: the environment has no enabled schedule, so no expected interval.',
  })
  freshness!: Freshness | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the shortest interval of its enabled schedules',
  })
  expected_interval_seconds!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_completed_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_verified_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_failed_at!: string | null;
  @ApiProperty({ nullable: true, type: BackupError }) last_error!: BackupError | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) next_scheduled_run_at!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'when it turns (turned) late',
  })
  late_at!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'when it turns (turned) stale',
  })
  stale_at!: string | null;
}

export class StorageConfigHealth {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STORAGE_PROVIDERS }) provider!: StorageProvider;
  @ApiProperty({ enum: STORAGE_HEALTH }) health!: StorageHealth;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) health_checked_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) health_message!: string | null;
  @ApiProperty() is_active!: boolean;
  @ApiProperty() total_size_bytes!: number;
  @ApiProperty() object_count!: number;
}

export class RecentCounts {
  @ApiProperty({ description: 'failed backups (not cancelled) in the last 24 h' }) backups_failed!: number;
  @ApiProperty({ description: 'failed restores and verifications (not cancelled) in the last 24 h' })
  restores_failed!: number;
}

export class BackupHealthResponse {
  @ApiProperty({ enum: OVERALL_STATUS }) status!: OverallStatus;
  @ApiProperty({ type: [HealthReason], description: 'why the status is not ok, worst first' })
  reasons!: HealthReason[];
  @ApiProperty({ format: 'date-time' }) generated_at!: string;
  @ApiProperty({ type: [EnvironmentHealth] }) environments!: EnvironmentHealth[];
  @ApiProperty({ type: [StorageConfigHealth], description: "the organization's own storage configs" })
  storage_configs!: StorageConfigHealth[];
  @ApiProperty({ type: RecentCounts }) last_24h!: RecentCounts;
}
