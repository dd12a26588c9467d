import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
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

  list(organizationId: string, page: PageRequest) {
    const qb = this.tx
      .manager()
      .getRepository(AuditLogEntry)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId });
    return keysetPage(qb, page);
  }
}
