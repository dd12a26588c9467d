import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';

/**
 * The outbox: an event is inserted in the same transaction as the state change it reports, and a
 * relay turns it into one delivery per subscribed channel (dispatched_at set) afterwards. An event
 * whose transaction rolled back never existed.
 */
@Entity({ name: 'notification_events' })
@Index('IDX_notification_events_pending', ['dispatchedAt', 'createdAt'])
@Index('IDX_notification_events_org', ['organizationId', 'createdAt'])
export class NotificationEvent {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_events' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_notification_events_organization', onDelete: 'CASCADE' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  type!: string;

  /** The event body as delivered (ids and facts only, never secrets). */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
