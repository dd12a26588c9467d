import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Environment } from '../environments/environment.entity.js';
import { JobProgressColumns } from '../jobs/job-state.columns.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Schedule } from '../schedules/schedule.entity.js';
import { StorageConfig } from '../storage-configs/storage-config.entity.js';

export const BACKUP_STATUSES = ['pending', 'running', 'completed', 'failed', 'delete_failed'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];
export const BACKUP_PHASES = ['database', 'filestore', 'manifest', 'finalizing'] as const;
export type BackupPhase = (typeof BACKUP_PHASES)[number];
export const BACKUP_TRIGGERS = ['manual', 'schedule'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** One stored object of a backup, as the catalog records it (and the manifest describes it). */
export interface BackupPart {
  /** database | filestore | manifest */
  name: string;
  /** Object key relative to the storage config's path prefix. */
  key: string;
  sizeBytes: number;
  sha256: string | null;
  compression: string | null;
  format: string;
  /** The sha256 (first 128 bits) of every `size` stored bytes; filestore parts since 2026-12-06. */
  blocks?: { size: number; sha256: string[] };
}

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

/**
 * The catalog: the source of truth for what Offsite stored (status, parts with size and sha256,
 * where: storage config + object prefix). Retention, migration and verification act on it and
 * delete only what it lists. (organization_id, environment_id) references the environment of the
 * same organization, so a backup cannot point at another organization's environment.
 */
@Entity({ name: 'backups' })
@ForeignKey(() => Environment, ['organizationId', 'environmentId'], ['organizationId', 'id'], {
  name: 'FK_backups_environment',
  onDelete: 'RESTRICT',
})
@Index('IDX_backups_org_created', ['organizationId', 'createdAt'])
@Index('IDX_backups_org_environment', ['organizationId', 'environmentId', 'createdAt'])
@Index('IDX_backups_storage_config', ['storageConfigId'])
@Index('IDX_backups_schedule', ['scheduleId', 'createdAt'])
export class Backup extends JobProgressColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_backups' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_backups_organization', onDelete: 'RESTRICT' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'environment_id', type: 'uuid' })
  environmentId!: string;

  @ForeignKey(() => StorageConfig, { name: 'FK_backups_storage_config', onDelete: 'RESTRICT' })
  @Column({ name: 'storage_config_id', type: 'uuid' })
  storageConfigId!: string;

  /** Folder of the backup's objects, relative to the config's path prefix (ends with '/'). */
  @Column({ name: 'object_prefix', type: 'text' })
  objectPrefix!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: BackupStatus;

  @Column({ type: 'text', nullable: true })
  phase!: BackupPhase | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'dump_format', type: 'text' })
  dumpFormat!: string;

  @Column({ type: 'text' })
  compression!: string;

  /** Sum of the sizes of all stored objects (manifest included), set on completion. */
  @Column({ name: 'total_size_bytes', type: 'bigint', default: 0, transformer: bigintAsNumber })
  totalSizeBytes!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  parts!: BackupPart[];

  /** Whether total_size_bytes / one backup were added to the storage config's counters. */
  @Column({ name: 'usage_counted', type: 'boolean', default: false })
  usageCounted!: boolean;

  /** A failed attempt could not delete its partial objects; the worker's sweep retries. */
  @Column({ name: 'cleanup_pending', type: 'boolean', default: false })
  cleanupPending!: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verification_status', type: 'text', nullable: true })
  verificationStatus!: string | null;

  /** manual (POST /backups) or schedule (made by the scheduler for schedule_id). */
  @Column({ type: 'text', default: 'manual' })
  trigger!: BackupTrigger;

  /** The schedule that made it; null for manual backups or once the schedule is deleted. */
  @ForeignKey(() => Schedule, { name: 'FK_backups_schedule', onDelete: 'SET NULL' })
  @Column({ name: 'schedule_id', type: 'uuid', nullable: true })
  scheduleId!: string | null;

  /** Never deleted by retention while true. */
  @Column({ type: 'boolean', default: false })
  protected!: boolean;

  @ForeignKey(() => User, { name: 'FK_backups_created_by', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
