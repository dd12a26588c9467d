import type {
  NotificationChannelResponse,
  NotificationDeliveryResponse,
} from './dto/notification-responses.dto.js';
import type { NotificationChannel } from './notification-channel.entity.js';
import type { NotificationDelivery } from './notification-delivery.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The secret never leaves as more than has_secret. */
export function toChannelResponse(c: NotificationChannel): NotificationChannelResponse {
  return {
    id: c.id,
    organization_id: c.organizationId,
    name: c.name,
    kind: c.kind,
    url: c.url,
    recipients: c.recipients,
    events: c.events,
    enabled: c.enabled,
    disabled_reason: c.disabledReason,
    has_secret: c.kind === 'webhook',
    secret_rotated_at: iso(c.secretRotatedAt),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toDeliveryResponse(d: NotificationDelivery): NotificationDeliveryResponse {
  return {
    id: d.id,
    channel_id: d.channelId,
    event_id: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    response_code: d.responseCode,
    last_error: d.lastError,
    next_attempt_at: iso(d.nextAttemptAt),
    delivered_at: iso(d.deliveredAt),
    created_at: d.createdAt.toISOString(),
  };
}
