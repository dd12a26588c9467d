import { Injectable } from '@nestjs/common';
import { ArrayContains } from 'typeorm';
import { Transactions } from '../../common/database/transactions.js';
import { NotificationChannel } from './notification-channel.entity.js';

/** Channels of one organization: every read names the organization. */
@Injectable()
export class NotificationChannelsRepository {
  constructor(private readonly tx: Transactions) {}

  private get repo() {
    return this.tx.manager().getRepository(NotificationChannel);
  }

  list(orgId: string): Promise<NotificationChannel[]> {
    return this.repo.find({ where: { organizationId: orgId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(orgId: string, id: string): Promise<NotificationChannel | null> {
    return this.repo.findOne({ where: { organizationId: orgId, id } });
  }

  findWithSecret(orgId: string, id: string): Promise<NotificationChannel | null> {
    return this.repo
      .createQueryBuilder('c')
      .addSelect('c.secretEnc')
      .where('c.id = :id AND c.organization_id = :orgId', { id, orgId })
      .getOne();
  }

  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  /** Enabled channels of the organization subscribed to an event type. */
  subscribers(orgId: string, type: string): Promise<NotificationChannel[]> {
    return this.repo.find({ where: { organizationId: orgId, enabled: true, events: ArrayContains([type]) } });
  }

  count(orgId: string): Promise<number> {
    return this.repo.count({ where: { organizationId: orgId } });
  }

  async insert(channel: NotificationChannel): Promise<void> {
    await this.repo.insert(channel);
  }

  async update(orgId: string, id: string, changes: Partial<NotificationChannel>): Promise<void> {
    await this.repo.update({ organizationId: orgId, id }, changes);
  }

  async delete(orgId: string, id: string): Promise<void> {
    await this.repo.delete({ organizationId: orgId, id });
  }
}
