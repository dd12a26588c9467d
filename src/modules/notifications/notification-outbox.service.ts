import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { NotificationEvent } from './notification-event.entity.js';
import type { EventBody, EventType } from './notification-events.js';
import { NotificationOutboxRepository } from './notification-outbox.repository.js';

/**
 * What the rest of Offsite calls to notify: emit() inserts the event into the outbox through the
 * caller's transaction (Transactions.run), so the event exists exactly when the state change does.
 * Delivery happens later, in workers; a failing channel never slows the caller.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly outbox: NotificationOutboxRepository,
    private readonly clock: Clock,
  ) {}

  async emit(organizationId: string, type: EventType, data: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    const createdAt = this.clock.now();
    const body: EventBody = {
      id,
      type,
      created_at: createdAt.toISOString(),
      organization_id: organizationId,
      data,
    };
    await this.outbox.insertEvent(
      Object.assign(new NotificationEvent(), {
        id,
        organizationId,
        type,
        payload: body as unknown as Record<string, unknown>,
        createdAt,
        dispatchedAt: null,
      }),
    );
    return id;
  }
}
