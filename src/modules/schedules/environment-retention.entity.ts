import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Environment } from '../environments/environment.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { RetentionPolicy } from './retention/retention-policy.js';

/**
 * An environment's own retention policy for its manual backups (scheduled backups follow their
 * schedule's policy). Without a row, manual backups are kept until deleted by hand.
 */
@Entity({ name: 'environment_retention' })
@ForeignKey(() => Environment, ['organizationId', 'environmentId'], ['organizationId', 'id'], {
  name: 'FK_environment_retention_environment',
  onDelete: 'CASCADE',
})
export class EnvironmentRetention {
  @ForeignKey(() => Organization, { name: 'FK_environment_retention_organization', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'organization_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_environment_retention',
  })
  organizationId!: string;

  @PrimaryColumn({
    name: 'environment_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_environment_retention',
  })
  environmentId!: string;

  @Column({ type: 'jsonb' })
  policy!: RetentionPolicy;

  @Column({ type: 'text', default: 'UTC' })
  timezone!: string;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
