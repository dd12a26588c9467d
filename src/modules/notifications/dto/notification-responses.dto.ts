import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_KINDS, type ChannelKind } from '../notification-channel.entity.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../notification-delivery.entity.js';
import { EVENT_TYPES } from '../notification-events.js';

export class NotificationChannelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organization_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind!: ChannelKind;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ nullable: true, type: [String] }) recipients!: string[] | null;
  @ApiProperty({ enum: EVENT_TYPES, isArray: true }) events!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why Offsite disabled the channel (e.g. the receiver answered 410 Gone).',
  })
  disabled_reason!: string | null;
  @ApiProperty({
    description: 'webhook: a signing secret exists (it is shown only when created or rotated).',
  })
  has_secret!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) secret_rotated_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class CreatedNotificationChannelResponse extends NotificationChannelResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'webhook: the signing secret, shown only in this answer (store it now; rotate it to get a new one). null for e-mail.',
  })
  secret!: string | null;
}

export class WebhookSecretResponse {
  @ApiProperty({ description: 'The new signing secret, shown only here. The old one stops working at once.' })
  secret!: string;
  @ApiProperty({ format: 'date-time' }) secret_rotated_at!: string;
}

export class NotificationDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) channel_id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a channel test' })
  event_id!: string | null;
  @ApiProperty({ description: 'an event type, or test' }) event_type!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'HTTP status of the last attempt (webhook), 250 for accepted e-mail',
  })
  response_code!: number | null;
  @ApiProperty({ nullable: true, type: String }) last_error!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) next_attempt_at!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) delivered_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}
