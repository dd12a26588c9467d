import { Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { NotificationChannel } from './notification-channel.entity.js';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event sent to one channel: its attempts, the last response and the outcome. */
@Entity({ name: 'notification_deliveries' })
@Index('IDX_notification_deliveries_channel', ['organizationId', 'channelId', 'createdAt'])
export class NotificationDelivery {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_deliveries' })
  id!: string;

  @ForeignKey(() => Organization, {
    name: 'FK_notification_deliveries_organization',
    onDelete: 'CASCADE',
  })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ForeignKey(() => NotificationChannel, { name: 'FK_notification_deliveries_channel', onDelete: 'CASCADE' })
  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  /** The outbox event; null for a channel test. */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'response_code', type: 'integer', nullable: true })
  responseCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
