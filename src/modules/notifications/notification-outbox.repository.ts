import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Transactions } from '../../common/database/transactions.js';
import { NotificationDelivery } from './notification-delivery.entity.js';
import { NotificationEvent } from './notification-event.entity.js';

/** The outbox (events) and what became of them (deliveries). */
@Injectable()
export class NotificationOutboxRepository {
  constructor(private readonly tx: Transactions) {}

  private get events() {
    return this.tx.manager().getRepository(NotificationEvent);
  }

  private get deliveries() {
    return this.tx.manager().getRepository(NotificationDelivery);
  }

  async insertEvent(event: NotificationEvent): Promise<void> {
    await this.events.insert(event as QueryDeepPartialEntity<NotificationEvent>);
  }

  /** Undispatched events, locked for this transaction (other relays skip them). */
  claimUndispatched(limit: number): Promise<NotificationEvent[]> {
    return this.events
      .createQueryBuilder('e')
      .where('e.dispatched_at IS NULL')
      .orderBy('e.created_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markDispatched(ids: string[], at: Date): Promise<void> {
    if (ids.length) await this.events.update({ id: In(ids) }, { dispatchedAt: at });
  }

  async insertDelivery(d: NotificationDelivery): Promise<void> {
    await this.deliveries.insert(d as QueryDeepPartialEntity<NotificationDelivery>);
  }

  findDelivery(orgId: string, id: string): Promise<NotificationDelivery | null> {
    return this.deliveries.findOne({ where: { organizationId: orgId, id } });
  }

  /**
   * Takes attempt `attempt` of a delivery: only one caller wins (a duplicate job finds attempts
   * already moved on, or the delivery finished) and gets the row.
   */
  async claimAttempt(
    orgId: string,
    id: string,
    attempt: number,
    leaseUntil: Date,
  ): Promise<NotificationDelivery | null> {
    // next_attempt_at doubles as a lease: the overdue sweep leaves an attempt in flight alone.
    const rows: unknown[] = await this.tx.manager().query(
      `UPDATE notification_deliveries SET attempts = attempts + 1, next_attempt_at = $4, updated_at = now()
        WHERE id = $1 AND organization_id = $2 AND attempts = $3 AND status IN ('pending', 'retrying')
        RETURNING id`,
      [id, orgId, attempt - 1, leaseUntil],
    );
    const updated = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    if (!updated.length) return null;
    return this.findDelivery(orgId, id);
  }

  async updateDelivery(orgId: string, id: string, changes: Partial<NotificationDelivery>): Promise<void> {
    await this.deliveries.update(
      { organizationId: orgId, id },
      changes as QueryDeepPartialEntity<NotificationDelivery>,
    );
  }

  listDeliveries(orgId: string, channelId: string, limit: number): Promise<NotificationDelivery[]> {
    return this.deliveries.find({
      where: { organizationId: orgId, channelId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** Deliveries whose job was lost (not sent after commit, or a crash): due for longer than `graceMs`. */
  overdue(before: Date, limit: number): Promise<NotificationDelivery[]> {
    return this.deliveries
      .createQueryBuilder('d')
      .where(`d.status IN ('pending', 'retrying') AND d.next_attempt_at < :before`, { before })
      .orderBy('d.next_attempt_at', 'ASC')
      .limit(limit)
      .getMany();
  }
}
