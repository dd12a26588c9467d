import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { PlatformSetting } from '../../common/database/platform-setting.entity.js';
import { STORAGE_PROVIDERS, type StorageProvider } from '../storage/storage-driver.js';

export interface StorageSettings {
  enabled_providers: StorageProvider[];
  allow_org_byos: boolean;
  allow_insecure_endpoints: boolean;
  allow_private_endpoints: boolean;
  /**
   * Directories (templates with {organization_id}/{organization_slug}) under which organizations'
   * `local` storage configs must lie. Empty: organizations cannot create `local` configs.
   */
  local_storage_roots: string[];
  /** Minutes between two light probes of each active config (spread over the interval). */
  storage_probe_interval_minutes: number;
  /** Freshness: late past late_factor × the expected interval, stale past stale_factor ×. */
  freshness_late_factor: number;
  freshness_stale_factor: number;
  /** Schedules may not fire more often than this (minutes between two runs). */
  min_schedule_interval_minutes: number;
  /** Rows of failed backups (which hold no objects) are pruned after this many days. */
  failed_backups_keep_days: number;
}

const KEY = 'storage';

/** `local` writes to the Offsite server's own disk: never offered to tenants unless an admin enables it. */
export const DEFAULT_STORAGE_SETTINGS: StorageSettings = {
  enabled_providers: STORAGE_PROVIDERS.filter((p) => p !== 'local'),
  allow_org_byos: true,
  allow_insecure_endpoints: false,
  allow_private_endpoints: false,
  local_storage_roots: [],
  storage_probe_interval_minutes: 60,
  freshness_late_factor: 1.5,
  freshness_stale_factor: 3,
  min_schedule_interval_minutes: 60,
  failed_backups_keep_days: 30,
};

/** Platform storage switches, stored as one row of platform_settings. */
@Injectable()
export class StorageSettingsService {
  constructor(private readonly tx: Transactions) {}

  async get(): Promise<StorageSettings> {
    const row = await this.tx.manager().findOne(PlatformSetting, { where: { key: KEY } });
    const stored = (row?.value ?? {}) as Partial<StorageSettings>;
    return {
      ...DEFAULT_STORAGE_SETTINGS,
      ...stored,
      enabled_providers: STORAGE_PROVIDERS.filter((p) =>
        (stored.enabled_providers ?? DEFAULT_STORAGE_SETTINGS.enabled_providers).includes(p),
      ),
    };
  }

  /** `providers`, if given, computes the new enabled list from the current one (partial changes). */
  async update(
    patch: Partial<StorageSettings>,
    providers?: (current: StorageProvider[]) => StorageProvider[] | undefined,
  ): Promise<{ before: StorageSettings; after: StorageSettings }> {
    return this.tx.run(async () => {
      await this.tx
        .manager()
        .query('SELECT pg_advisory_xact_lock(hashtext($1))', ['platform_settings:storage']);
      const before = await this.get();
      const after: StorageSettings = { ...before, ...stripUndefined(patch) };
      const changed = providers?.(before.enabled_providers);
      if (changed) after.enabled_providers = STORAGE_PROVIDERS.filter((p) => changed.includes(p));
      await this.tx.manager().upsert(PlatformSetting, { key: KEY, value: after }, ['key']);
      return { before, after };
    });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
