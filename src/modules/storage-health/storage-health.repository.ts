import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { StorageConfig } from '../storage-configs/storage-config.entity.js';
import { StorageHealthProbe } from './storage-health-probe.entity.js';

export const PROBES_KEPT = 50;

/** The health columns of storage configs and their probe history. */
@Injectable()
export class StorageHealthRepository {
  constructor(private readonly tx: Transactions) {}

  private get configs() {
    return this.tx.manager().getRepository(StorageConfig);
  }

  private get probes() {
    return this.tx.manager().getRepository(StorageHealthProbe);
  }

  /** Gives configs never scheduled a first probe time spread over the interval (by their id). */
  async scheduleNew(now: Date, intervalSeconds: number): Promise<void> {
    await this.tx.manager().query(
      `UPDATE storage_configs
          SET next_probe_at = $1::timestamptz + make_interval(secs => abs(hashtext(id::text)::bigint) % $2)
        WHERE next_probe_at IS NULL AND is_active`,
      [now, intervalSeconds],
    );
  }

  /** Takes up to `limit` due configs: their next probe moves one interval on, so no other worker takes them. */
  async claimDue(
    now: Date,
    intervalSeconds: number,
    limit: number,
  ): Promise<{ id: string; organization_id: string | null }[]> {
    const result: unknown = await this.tx.manager().query(
      `UPDATE storage_configs SET next_probe_at = $1::timestamptz + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM storage_configs
                      WHERE is_active AND next_probe_at <= $1
                      ORDER BY next_probe_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id, organization_id`,
      [now, intervalSeconds, limit],
    );
    return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as {
      id: string;
      organization_id: string | null;
    }[];
  }

  /** The config row locked for the rest of the transaction (health transitions are serialized). */
  lockConfig(id: string): Promise<StorageConfig | null> {
    return this.configs
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async updateHealth(id: string, changes: Partial<StorageConfig>): Promise<void> {
    await this.configs.update({ id }, changes);
  }

  async insertProbe(probe: StorageHealthProbe): Promise<void> {
    await this.probes.insert(probe);
    await this.tx.manager().query(
      `DELETE FROM storage_health_probes WHERE storage_config_id = $1 AND id NOT IN (
         SELECT id FROM storage_health_probes WHERE storage_config_id = $1 ORDER BY checked_at DESC, id DESC LIMIT $2)`,
      [probe.storageConfigId, PROBES_KEPT],
    );
  }

  listProbes(configId: string): Promise<StorageHealthProbe[]> {
    return this.probes.find({
      where: { storageConfigId: configId },
      order: { checkedAt: 'DESC', id: 'DESC' },
      take: PROBES_KEPT,
    });
  }
}
