import { Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Backup } from '../backups/backup.entity.js';
import { JobStateColumns } from '../jobs/job-state.columns.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { StorageConfig } from '../storage-configs/storage-config.entity.js';

export const MIGRATION_STATUSES = [
  'pending',
  'running',
  'completed',
  'completed_with_errors',
  'cancelled',
  'failed',
] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

/**
 * pending: the backup still lives on the source (its row names the source config).
 * repointed: copied, verified and re-pointed to the target; the source objects are still to delete.
 * done: finished (source_leftover says whether source objects remain after a failed delete).
 * failed: the backup stays on the source, untouched; cancelled / skipped: not moved.
 */
export const MIGRATION_ITEM_STATES = [
  'pending',
  'repointed',
  'done',
  'failed',
  'cancelled',
  'skipped',
] as const;
export type MigrationItemState = (typeof MIGRATION_ITEM_STATES)[number];
export const ACTIVE_ITEM_STATES: readonly MigrationItemState[] = ['pending', 'repointed'];

export type CopyMethod = 'stream' | 'server_side_copy';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

/**
 * A move of backups from one storage config to another. organization_id NULL = a platform
 * migration between platform configs (its backups may belong to many organizations).
 */
@Entity({ name: 'backup_migrations' })
@Index('IDX_backup_migrations_org_created', ['organizationId', 'createdAt'])
export class BackupMigration extends JobStateColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_backup_migrations' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_backup_migrations_organization', onDelete: 'RESTRICT' })
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ForeignKey(() => StorageConfig, { name: 'FK_backup_migrations_source', onDelete: 'CASCADE' })
  @Column({ name: 'source_storage_config_id', type: 'uuid' })
  sourceStorageConfigId!: string;

  @ForeignKey(() => StorageConfig, { name: 'FK_backup_migrations_target', onDelete: 'CASCADE' })
  @Column({ name: 'target_storage_config_id', type: 'uuid' })
  targetStorageConfigId!: string;

  @Column({ name: 'environment_id', type: 'uuid', nullable: true })
  environmentId!: string | null;

  @Column({ name: 'delete_source', type: 'boolean', default: false })
  deleteSource!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: MigrationStatus;

  @Column({ name: 'total_backups', type: 'integer', default: 0 })
  totalBackups!: number;

  @Column({ name: 'bytes_total', type: 'bigint', default: 0, transformer: bigintAsNumber })
  bytesTotal!: number;

  @ForeignKey(() => User, { name: 'FK_backup_migrations_created_by', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}

/** The state of one backup within a migration: the resume point of a redelivered job. */
@Entity({ name: 'backup_migration_items' })
@Index('IDX_backup_migration_items_org_backup', ['organizationId', 'backupId'])
@Index('UQ_backup_migration_items_active', { synchronize: false })
@Index('IDX_backup_migration_items_leftover', { synchronize: false })
export class BackupMigrationItem {
  @ForeignKey(() => BackupMigration, { name: 'FK_backup_migration_items_migration', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'migration_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_backup_migration_items',
  })
  migrationId!: string;

  @ForeignKey(() => Backup, { name: 'FK_backup_migration_items_backup', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'backup_id', type: 'uuid', primaryKeyConstraintName: 'PK_backup_migration_items' })
  backupId!: string;

  @ForeignKey(() => Organization, { name: 'FK_backup_migration_items_organization', onDelete: 'RESTRICT' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text', default: 'pending' })
  state!: MigrationItemState;

  @Column({ name: 'bytes_total', type: 'bigint', default: 0, transformer: bigintAsNumber })
  bytesTotal!: number;

  @Column({ name: 'bytes_copied', type: 'bigint', default: 0, transformer: bigintAsNumber })
  bytesCopied!: number;

  @Column({ type: 'text', nullable: true })
  method!: CopyMethod | null;

  /** The source delete failed after the re-point: these objects remain on the source for a retry. */
  @Column({ name: 'source_leftover', type: 'boolean', default: false })
  sourceLeftover!: boolean;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
