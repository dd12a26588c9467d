import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Permission } from '../../common/auth/permissions.js';
import { Transactions } from '../../common/database/transactions.js';
import { Role } from './role.entity.js';

/** Custom roles; tenant data, so every method takes the organization id first. */
@Injectable()
export class RolesRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(Role);
  }

  list(organizationId: string): Promise<Role[]> {
    return this.repo().find({ where: { organizationId }, order: { name: 'ASC' } });
  }

  findById(organizationId: string, id: string): Promise<Role | null> {
    return this.repo().findOneBy({ organizationId, id });
  }

  findByName(organizationId: string, name: string): Promise<Role | null> {
    return this.repo().findOneBy({ organizationId, name });
  }

  async create(
    organizationId: string,
    input: { name: string; description: string; permissions: Permission[] },
  ): Promise<Role> {
    const role = this.repo().create({ id: randomUUID(), organizationId, ...input });
    return this.repo().save(role);
  }

  async update(
    organizationId: string,
    id: string,
    patch: Partial<Pick<Role, 'name' | 'description' | 'permissions'>>,
  ): Promise<void> {
    await this.repo().update({ organizationId, id }, patch);
  }

  async delete(organizationId: string, id: string): Promise<void> {
    await this.repo().delete({ organizationId, id });
  }
}
