import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Environment } from '../environments/environment.entity.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { StorageConfig } from '../storage-configs/storage-config.entity.js';
import type { RetentionPolicy } from './retention/retention-policy.js';

export const SCHEDULE_RUN_STATUSES = ['started', 'skipped', 'failed'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];

/**
 * A cron schedule of an environment. next_run_at is the claim: a worker takes a due schedule by
 * moving next_run_at forward in the same transaction that creates the backup, so each due time
 * produces one backup whatever the number of workers. Deleting the environment deletes its
 * schedules.
 */
@Entity({ name: 'schedules' })
@Unique('UQ_schedules_org_id', ['organizationId', 'id'])
@Unique('UQ_schedules_org_environment_name', ['organizationId', 'environmentId', 'name'])
@ForeignKey(() => Environment, ['organizationId', 'environmentId'], ['organizationId', 'id'], {
  name: 'FK_schedules_environment',
  onDelete: 'CASCADE',
})
@Index('IDX_schedules_due', ['nextRunAt'])
export class Schedule {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_schedules' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_schedules_organization', onDelete: 'CASCADE' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'environment_id', type: 'uuid' })
  environmentId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  cron!: string;

  @Column({ type: 'text' })
  timezone!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @ForeignKey(() => StorageConfig, { name: 'FK_schedules_storage_config', onDelete: 'SET NULL' })
  @Column({ name: 'storage_config_id', type: 'uuid', nullable: true })
  storageConfigId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  retention!: RetentionPolicy | null;

  @Column({ name: 'jitter_seconds', type: 'integer', default: 0 })
  jitterSeconds!: number;

  /** The next due time (cron time + this schedule's jitter); null while disabled. */
  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt!: Date | null;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_backup_id', type: 'uuid', nullable: true })
  lastBackupId!: string | null;

  @Column({ name: 'last_status', type: 'text', nullable: true })
  lastStatus!: ScheduleRunStatus | null;

  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason!: string | null;

  @Column({ name: 'last_retention_at', type: 'timestamptz', nullable: true })
  lastRetentionAt!: Date | null;

  @ForeignKey(() => User, { name: 'FK_schedules_created_by', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One due time of a schedule as the scheduler handled it: a backup started, or skipped (with the
 * reason), and the due times missed while no worker ran (caught up once).
 */
@Entity({ name: 'schedule_runs' })
@ForeignKey(() => Schedule, ['organizationId', 'scheduleId'], ['organizationId', 'id'], {
  name: 'FK_schedule_runs_schedule',
  onDelete: 'CASCADE',
})
@Index('IDX_schedule_runs_schedule', ['organizationId', 'scheduleId', 'dueAt'])
export class ScheduleRun {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_schedule_runs' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_schedule_runs_organization', onDelete: 'CASCADE' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'schedule_id', type: 'uuid' })
  scheduleId!: string;

  /** The due time this run is for (the newest one when earlier ones were missed). */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** When a worker claimed it (the Clock's time). */
  @Column({ name: 'claimed_at', type: 'timestamptz' })
  claimedAt!: Date;

  @Column({ type: 'text' })
  status!: ScheduleRunStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'backup_id', type: 'uuid', nullable: true })
  backupId!: string | null;

  /** Due times that passed while no worker ran, not run separately (at most 100 listed). */
  @Column({ name: 'missed_times', type: 'jsonb', default: () => "'[]'" })
  missedTimes!: string[];

  @Column({ name: 'missed_count', type: 'integer', default: 0 })
  missedCount!: number;
}
