import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm';
import { Transactions } from '../../common/database/transactions.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';

export type NewAuditLogEntry = Omit<AuditLogEntry, 'id' | 'createdAt' | 'organization'>;

/** Tenant data: every method takes the organization id first. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly tx: Transactions) {}

  async insert(entry: NewAuditLogEntry): Promise<void> {
    await this.tx
      .manager()
      .getRepository(AuditLogEntry)
      .insert(entry as QueryDeepPartialEntity<AuditLogEntry>);
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  list(organizationId: string, opts: { limit: number; before?: string }): Promise<AuditLogEntry[]> {
    const qb = this.tx
      .manager()
      .getRepository(AuditLogEntry)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId })
      .orderBy('a.id', 'DESC')
      .limit(opts.limit);
    if (opts.before) qb.andWhere('a.id < :before', { before: opts.before });
    return qb.getMany();
  }
}
