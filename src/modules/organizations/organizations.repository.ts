import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Transactions } from '../../common/database/transactions.js';
import { Organization } from './organization.entity.js';

/** Deleted organizations are invisible to every method. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(Organization);
  }

  findById(organizationId: string): Promise<Organization | null> {
    return this.repo().findOneBy({ id: organizationId, deletedAt: IsNull() });
  }

  async slugTaken(slug: string): Promise<boolean> {
    return (await this.repo().countBy({ slug })) > 0;
  }

  /** Returns false when the slug is taken. */
  async insert(org: Pick<Organization, 'id' | 'name' | 'slug'>): Promise<boolean> {
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .values(org)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async update(organizationId: string, patch: Partial<Pick<Organization, 'name' | 'slug'>>): Promise<void> {
    await this.repo().update({ id: organizationId, deletedAt: IsNull() }, patch);
  }

  async softDelete(organizationId: string): Promise<void> {
    await this.repo().update({ id: organizationId, deletedAt: IsNull() }, { deletedAt: new Date() });
  }
}
