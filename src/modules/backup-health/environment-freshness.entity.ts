import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Environment } from '../environments/environment.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Freshness } from './freshness.js';

/**
 * The last freshness the sweep saw for a scheduled environment, so it notices transitions
 * (→ stale, stale → fresh) and repeats backup.stale once a day while stale. Removed with the
 * environment; rows of environments without enabled schedules are dropped by the sweep.
 */
@Entity({ name: 'environment_freshness' })
@ForeignKey(() => Environment, ['organizationId', 'environmentId'], ['organizationId', 'id'], {
  name: 'FK_environment_freshness_environment',
  onDelete: 'CASCADE',
})
export class EnvironmentFreshness {
  @PrimaryColumn({
    name: 'environment_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_environment_freshness',
  })
  environmentId!: string;

  @ForeignKey(() => Organization, { name: 'FK_environment_freshness_organization', onDelete: 'CASCADE' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  freshness!: Freshness;

  @Column({ name: 'interval_seconds', type: 'integer' })
  intervalSeconds!: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt!: Date;

  /** When backup.stale was last sent for the current stale period. */
  @Column({ name: 'stale_notified_at', type: 'timestamptz', nullable: true })
  staleNotifiedAt!: Date | null;
}
