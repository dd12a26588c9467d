import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Backup } from '../backups/backup.entity.js';
import { Environment } from '../environments/environment.entity.js';
import { JobProgressColumns } from '../jobs/job-state.columns.js';
import { User } from '../identity/user.entity.js';
import { Organization } from '../organizations/organization.entity.js';

export const RESTORE_KINDS = ['restore', 'verify'] as const;
export type RestoreKind = (typeof RESTORE_KINDS)[number];
export const RESTORE_MODES = ['into_empty', 'replace'] as const;
export type RestoreMode = (typeof RESTORE_MODES)[number];
export const RESTORE_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];
export const RESTORE_PHASES = ['checking', 'database', 'filestore', 'swapping', 'cleanup'] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];

/** What a finished restore (or verification) did, for the user to find the old data again. */
export interface RestoreResult {
  database?: { name: string; previous_name: string | null; tables: number };
  filestore?: { path: string; previous_path: string | null; entries: number };
  parts?: { name: string; size_bytes: number; sha256: string }[];
  /** Set while the names are being swapped (cleared on completion): what a resumed attempt finishes. */
  swap?: { stamp: string; tables: number; entries: number | null };
}

/**
 * One restore or verification of a backup: the source of truth for its status (the queue only
 * carries ids). (organization_id, target_environment_id) references the environment of the same
 * organization. The backup reference is nulled when the backup is deleted, keeping the history.
 */
@Entity({ name: 'restores' })
@ForeignKey(() => Environment, ['organizationId', 'targetEnvironmentId'], ['organizationId', 'id'], {
  name: 'FK_restores_environment',
  onDelete: 'CASCADE',
})
@Index('IDX_restores_org_created', ['organizationId', 'createdAt'])
@Index('IDX_restores_org_backup', ['organizationId', 'backupId'])
export class Restore extends JobProgressColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_restores' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_restores_organization', onDelete: 'RESTRICT' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ForeignKey(() => Backup, { name: 'FK_restores_backup', onDelete: 'SET NULL' })
  @Column({ name: 'backup_id', type: 'uuid', nullable: true })
  backupId!: string | null;

  @Column({ name: 'target_environment_id', type: 'uuid' })
  targetEnvironmentId!: string;

  @Column({ type: 'text' })
  kind!: RestoreKind;

  @Column({ type: 'text', nullable: true })
  mode!: RestoreMode | null;

  @Column({ type: 'boolean', default: false })
  deep!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: RestoreStatus;

  @Column({ type: 'text', nullable: true })
  phase!: RestorePhase | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: RestoreResult | null;

  @ForeignKey(() => User, { name: 'FK_restores_created_by', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
