import { Injectable } from '@nestjs/common';
import { In, IsNull, type FindOptionsWhere } from 'typeorm';
import { plainRows } from '../../common/database/plain-rows.js';
import { Transactions } from '../../common/database/transactions.js';
import { SECRET_COLUMNS, StorageConfig } from './storage-config.entity.js';

/** The scope of the platform's own storage configs (chosen by platform admins, owned by no organization). */
export type PlatformScope = null;
export const PLATFORM_SCOPE: PlatformScope = null;

/**
 * `scope` is required everywhere: an organization id for tenant configs, or the platform scope for
 * the platform's own configs. There is no method that reads a config without naming its scope.
 */
export type ConfigScope = string | PlatformScope;

const byScope = (scope: ConfigScope): FindOptionsWhere<StorageConfig> => ({
  organizationId: scope === null ? IsNull() : scope,
});

@Injectable()
export class StorageConfigsRepository {
  constructor(private readonly tx: Transactions) {}

  private get repo() {
    return this.tx.manager().getRepository(StorageConfig);
  }

  /** Hand-written SELECT (plainRows): the list is read on every page load of a frontend. */
  async list(scope: ConfigScope): Promise<StorageConfig[]> {
    const manager = this.tx.manager();
    const { columns, hydrate } = plainRows(manager, StorageConfig, 'c');
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${columns} FROM storage_configs c
        WHERE ${scope === null ? 'c.organization_id IS NULL' : 'c.organization_id = $1'}
        ORDER BY c.created_at, c.id`,
      scope === null ? [] : [scope],
    );
    return rows.map(hydrate);
  }

  findById(scope: ConfigScope, id: string): Promise<StorageConfig | null> {
    return this.repo.findOne({ where: { ...byScope(scope), id } });
  }

  /** The same row with its encrypted credential columns (select: false otherwise). */
  async findWithSecrets(scope: ConfigScope, id: string): Promise<StorageConfig | null> {
    const qb = this.repo.createQueryBuilder('c').where('c.id = :id', { id });
    if (scope === null) qb.andWhere('c.organization_id IS NULL');
    else qb.andWhere('c.organization_id = :scope', { scope });
    for (const col of SECRET_COLUMNS) qb.addSelect(`c.${col}`);
    return qb.getOne();
  }

  /** Name and provider of configs by id, whatever their scope (callers hold ids from their own rows). */
  summaries(ids: string[]): Promise<Pick<StorageConfig, 'id' | 'name' | 'provider' | 'organizationId'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.find({
      where: { id: In(ids) },
      select: { id: true, name: true, provider: true, organizationId: true },
    });
  }

  /** For the access guard: the organization owning a config, null when missing or platform-level. */
  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  /** The scope a config belongs to, undefined when it does not exist (callers hold ids from their own rows). */
  async findScope(id: string): Promise<ConfigScope | undefined> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row ? row.organizationId : undefined;
  }

  findDefault(scope: ConfigScope): Promise<StorageConfig | null> {
    return this.repo.findOne({ where: { ...byScope(scope), isDefault: true } });
  }

  /** Serializes default changes of one scope for the rest of the transaction. */
  async lockScope(scope: ConfigScope): Promise<void> {
    await this.tx
      .manager()
      .query('SELECT pg_advisory_xact_lock(hashtext($1))', [`storage_configs:${scope ?? 'platform'}`]);
  }

  async clearDefault(scope: ConfigScope, exceptId: string): Promise<void> {
    const qb = this.repo
      .createQueryBuilder()
      .update(StorageConfig)
      .set({ isDefault: false })
      .where('is_default AND id <> :exceptId', { exceptId });
    if (scope === null) qb.andWhere('organization_id IS NULL');
    else qb.andWhere('organization_id = :scope', { scope });
    await qb.execute();
  }

  /**
   * Makes the most recently used active config of the scope the default (never used ones by
   * creation, newest first); returns its id, or null when no active config is left. Call it with
   * the scope locked and no default in place.
   */
  async promoteDefault(scope: ConfigScope): Promise<string | null> {
    const next = await this.repo.findOne({
      where: { ...byScope(scope), isActive: true },
      order: { lastUsedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC', id: 'ASC' },
    });
    if (!next) return null;
    await this.repo.update({ ...byScope(scope), id: next.id }, { isDefault: true });
    return next.id;
  }

  async insert(config: StorageConfig): Promise<void> {
    await this.repo.insert(config);
  }

  async update(scope: ConfigScope, id: string, changes: Partial<StorageConfig>): Promise<void> {
    await this.repo.update({ ...byScope(scope), id }, changes);
  }

  async delete(scope: ConfigScope, id: string): Promise<void> {
    await this.repo.delete({ ...byScope(scope), id });
  }

  /** Every config with credentials, in batches by id, for key rotation (all scopes, by design). */
  async batchWithSecrets(afterId: string | null, limit: number): Promise<StorageConfig[]> {
    const qb = this.repo.createQueryBuilder('c').orderBy('c.id', 'ASC').take(limit);
    if (afterId) qb.where('c.id > :afterId', { afterId });
    for (const col of SECRET_COLUMNS) qb.addSelect(`c.${col}`);
    return qb.getMany();
  }

  /** Backups stored with the config, whatever their status (the catalog, not the counter, decides). */
  async countBackups(id: string): Promise<number> {
    const [row] = (await this.tx
      .manager()
      .query('SELECT count(*)::int AS n FROM backups WHERE storage_config_id = $1', [id])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** A backup migration from or to this config that has not finished (its id), if any. */
  async unfinishedMigration(id: string): Promise<string | null> {
    const [row] = (await this.tx.manager().query(
      `SELECT id FROM backup_migrations WHERE status IN ('pending', 'running')
          AND (source_storage_config_id = $1 OR target_storage_config_id = $1) LIMIT 1`,
      [id],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** Recomputes the usage counters from the backups catalog (completed backups counted in usage). */
  async recountUsage(id: string): Promise<void> {
    await this.tx.manager().query(
      `UPDATE storage_configs c SET total_size_bytes = u.bytes, object_count = u.backups
         FROM (SELECT COALESCE(sum(total_size_bytes), 0) AS bytes, count(*) AS backups
                 FROM backups WHERE storage_config_id = $1 AND usage_counted) u
        WHERE c.id = $1`,
      [id],
    );
  }

  /** Atomic usage counter change (backup completion / deletion). */
  async addUsage(id: string, bytes: number, backups: number, touch: boolean): Promise<void> {
    await this.tx.manager().query(
      `UPDATE storage_configs SET total_size_bytes = GREATEST(total_size_bytes + $2, 0),
         object_count = GREATEST(object_count + $3, 0)${touch ? ', last_used_at = now()' : ''} WHERE id = $1`,
      [id, bytes, backups],
    );
  }
}
