import { ApiProperty } from '@nestjs/swagger';
import { STORAGE_HEALTH, type StorageHealth } from '../../storage-configs/storage-config.entity.js';

export class StorageProbeResponse {
  @ApiProperty({ format: 'date-time' }) checked_at!: string;
  @ApiProperty() success!: boolean;
  @ApiProperty({ enum: STORAGE_HEALTH, description: "the config's health after this probe" })
  health!: StorageHealth;
  @ApiProperty({ nullable: true, type: String }) error_code!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'e.g. connectivity, authentication, write probe',
  })
  failed_step!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: Number }) latency_ms!: number | null;
  @ApiProperty() duration_ms!: number;
}

export class StorageHealthResponse {
  @ApiProperty({ format: 'uuid' }) storage_config_id!: string;
  @ApiProperty({ enum: STORAGE_HEALTH }) health!: StorageHealth;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) health_checked_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) health_error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) health_message!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_healthy_at!: string | null;
  @ApiProperty({ type: [StorageProbeResponse], description: 'The last 50 probes, newest first.' })
  probes!: StorageProbeResponse[];
}
