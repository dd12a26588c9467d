import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { StorageConfig, type StorageHealth } from '../storage-configs/storage-config.entity.js';

/**
 * One light probe of a storage config (the last 50 per config are kept). organization_id is the
 * config's (NULL for platform configs), so tenant reads are scoped like the config itself.
 */
@Entity({ name: 'storage_health_probes' })
@Index('IDX_storage_health_probes_config', ['storageConfigId', 'checkedAt'])
export class StorageHealthProbe {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_storage_health_probes' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_storage_health_probes_organization', onDelete: 'CASCADE' })
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ForeignKey(() => StorageConfig, { name: 'FK_storage_health_probes_config', onDelete: 'CASCADE' })
  @Column({ name: 'storage_config_id', type: 'uuid' })
  storageConfigId!: string;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt!: Date;

  @Column({ type: 'boolean' })
  success!: boolean;

  /** The config's health after this probe. */
  @Column({ type: 'text' })
  health!: StorageHealth;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ type: 'text' })
  message!: string;

  /** The failed step (connectivity, authentication, write probe…), null on success. */
  @Column({ name: 'failed_step', type: 'text', nullable: true })
  failedStep!: string | null;

  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs!: number | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
