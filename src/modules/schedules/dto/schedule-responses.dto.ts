import { ApiProperty } from '@nestjs/swagger';
import { SCHEDULE_RUN_STATUSES } from '../schedule.entity.js';

export class RetentionPolicyResponse {
  @ApiProperty({ type: Number, nullable: true }) keep_last!: number | null;
  @ApiProperty({ type: Number, nullable: true }) keep_hourly!: number | null;
  @ApiProperty({ type: Number, nullable: true }) keep_daily!: number | null;
  @ApiProperty({ type: Number, nullable: true }) keep_weekly!: number | null;
  @ApiProperty({ type: Number, nullable: true }) keep_monthly!: number | null;
  @ApiProperty({ type: Number, nullable: true }) keep_yearly!: number | null;
  @ApiProperty({ type: String, nullable: true }) keep_within!: string | null;
}

export class ScheduleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organization_id!: string;
  @ApiProperty({ format: 'uuid' }) environment_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() cron!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) storage_config_id!: string | null;
  @ApiProperty({ type: RetentionPolicyResponse, nullable: true }) retention!: RetentionPolicyResponse | null;
  @ApiProperty() jitter_seconds!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The next run (cron time + jitter); null while disabled.',
  })
  next_run_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) last_run_at!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) last_backup_id!: string | null;
  @ApiProperty({ enum: SCHEDULE_RUN_STATUSES, nullable: true, type: String }) last_status!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last run was skipped or failed.' })
  last_reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) last_retention_at!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class NextRunResponse {
  @ApiProperty({ example: '2026-03-29T01:00:00.000Z' }) at!: string;
  @ApiProperty({ example: '2026-03-29T03:00:00+02:00', description: "The same time in the schedule's zone." })
  local!: string;
}

export class NextRunsResponse {
  @ApiProperty() timezone!: string;
  @ApiProperty() jitter_seconds!: number;
  @ApiProperty({ type: [NextRunResponse] }) items!: NextRunResponse[];
}

export class ScheduleRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schedule_id!: string;
  @ApiProperty() due_at!: string;
  @ApiProperty() claimed_at!: string;
  @ApiProperty({ enum: SCHEDULE_RUN_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) backup_id!: string | null;
  @ApiProperty({ description: 'Due times that passed while no worker ran; this run stood in for them.' })
  missed_count!: number;
  @ApiProperty({ type: [String], description: 'The missed due times (at most 100).' })
  missed_times!: string[];
}

export class RetentionDecisionResponse {
  @ApiProperty({ format: 'uuid' }) backup_id!: string;
  @ApiProperty() created_at!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ enum: ['keep', 'delete'] }) action!: string;
  @ApiProperty({ type: [String], example: ['daily 2026-12-04', 'last 3'] }) reasons!: string[];
}

export class RetentionPreviewResponse {
  @ApiProperty({ format: 'uuid' }) schedule_id!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: RetentionPolicyResponse, nullable: true }) policy!: RetentionPolicyResponse | null;
  @ApiProperty() keep_count!: number;
  @ApiProperty() delete_count!: number;
  @ApiProperty({ type: [RetentionDecisionResponse] }) items!: RetentionDecisionResponse[];
}
