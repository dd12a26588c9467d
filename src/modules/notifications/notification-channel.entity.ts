import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';

export const CHANNEL_KINDS = ['webhook', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Where an organization's notifications go. A webhook's signing secret is an AES-256-GCM
 * ciphertext bound to the channel id, never selected unless asked for.
 */
@Entity({ name: 'notification_channels' })
@Index('IDX_notification_channels_org', ['organizationId', 'createdAt'])
export class NotificationChannel {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_channels' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_notification_channels_organization', onDelete: 'CASCADE' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: ChannelKind;

  /** webhook: the https URL events are POSTed to. */
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /** email: the recipients. */
  @Column({ type: 'text', array: true, nullable: true })
  recipients!: string[] | null;

  /** The event types this channel receives. */
  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Why the platform disabled the channel (e.g. the receiver answered 410 Gone). */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ name: 'secret_enc', type: 'text', nullable: true, select: false })
  secretEnc!: string | null;

  @Column({ name: 'secret_rotated_at', type: 'timestamptz', nullable: true })
  secretRotatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
