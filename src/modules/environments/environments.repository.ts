import { Injectable } from '@nestjs/common';
import { keysetPage } from '../../common/database/keyset-page.js';
import { Transactions } from '../../common/database/transactions.js';
import type { PageRequest } from '../../common/http/page-cursor.js';
import { Environment } from './environment.entity.js';

/** Environments of one organization; every method names the organization. */
@Injectable()
export class EnvironmentsRepository {
  constructor(private readonly tx: Transactions) {}

  private get repo() {
    return this.tx.manager().getRepository(Environment);
  }

  list(organizationId: string, page: PageRequest) {
    return keysetPage(
      this.repo.createQueryBuilder('e').where('e.organization_id = :organizationId', { organizationId }),
      page,
    );
  }

  findById(organizationId: string, id: string): Promise<Environment | null> {
    return this.repo.findOne({ where: { organizationId, id } });
  }

  /** With the encrypted password column (select: false otherwise); for workers and the test endpoint. */
  findWithSecret(organizationId: string, id: string): Promise<Environment | null> {
    return this.repo
      .createQueryBuilder('e')
      .addSelect('e.dbPasswordEnc')
      .where('e.organization_id = :organizationId AND e.id = :id', { organizationId, id })
      .getOne();
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    const rows = await this.tx
      .manager()
      .query<unknown[]>('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    return rows.length > 0;
  }

  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  async nameTaken(organizationId: string, name: string, exceptId?: string): Promise<boolean> {
    const row = await this.repo.findOne({ where: { organizationId, name }, select: { id: true } });
    return row !== null && row.id !== exceptId;
  }

  async insert(env: Environment): Promise<void> {
    await this.repo.insert(env);
  }

  async update(organizationId: string, id: string, changes: Partial<Environment>): Promise<void> {
    await this.repo.update({ organizationId, id }, changes);
  }

  async delete(organizationId: string, id: string): Promise<void> {
    await this.repo.delete({ organizationId, id });
  }

  /** Backups referencing the environment (raw SQL: the backups module depends on this one, not back). */
  async countBackups(organizationId: string, id: string): Promise<number> {
    const [row] = (await this.tx
      .manager()
      .query('SELECT count(*)::int AS n FROM backups WHERE organization_id = $1 AND environment_id = $2', [
        organizationId,
        id,
      ])) as { n: number }[];
    return row?.n ?? 0;
  }
}
