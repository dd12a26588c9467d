import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { StorageDriverFactory, type PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import {
  isS3Provider,
  type BucketDiscovery,
  type StorageDriverOptions,
  type StorageTarget,
  type TestConnectionReport,
} from '../storage/storage-driver.js';
import { isStorageError, StorageError } from '../storage/storage-errors.js';
import { configurationFailedReport } from '../storage/test-connection.js';
import { ConnectionTestRateLimit } from './connection-test-rate-limit.js';
import type { CreateStorageConfigDto } from './dto/storage-config-input.dto.js';
import type { StorageConfig } from './storage-config.entity.js';
import { StorageConfigAudit } from './storage-config-audit.js';
import { StorageConfigPolicy } from './storage-config-policy.service.js';
import { StorageConfigTargets } from './storage-config-targets.js';
import { StorageConfigsRepository, type ConfigScope } from './storage-configs.repository.js';
import { StorageSettingsService } from './storage-settings.service.js';

/**
 * Everything that dials a storage: connection tests (rate limited), bucket discovery, the health
 * probe, and drivers for saved configs (backups, restores, migrations, downloads).
 */
@Injectable()
export class StorageConnectionsService {
  constructor(
    private readonly configs: StorageConfigsRepository,
    private readonly settings: StorageSettingsService,
    private readonly policy: StorageConfigPolicy,
    private readonly targets: StorageConfigTargets,
    private readonly drivers: StorageDriverFactory,
    private readonly rateLimit: ConnectionTestRateLimit,
    private readonly audit: StorageConfigAudit,
    private readonly tx: Transactions,
  ) {}

  async testUnsaved(
    _auth: AuthContext,
    scope: ConfigScope,
    dto: CreateStorageConfigDto,
  ): Promise<TestConnectionReport> {
    const settings = await this.policy.assertAllowed(scope, dto.provider);
    this.rateLimit.take(scope);
    const target = this.targets.fromDto(dto);
    await this.policy.validate(scope, target, settings);
    return this.drivers.test(target, this.policy.driverOptions(scope, settings));
  }

  async testSaved(auth: AuthContext, scope: ConfigScope, id: string): Promise<TestConnectionReport> {
    const settings = await this.settings.get();
    this.rateLimit.take(scope);
    const row = await this.requireWithSecrets(scope, id);
    const target = await this.policy.confineLocal(scope, this.targets.decrypt(row), 'save');
    const report = await this.drivers.test(target, this.policy.driverOptions(scope, settings));
    if (row.provider === 'sftp' && report.success && !row.hostKeyFingerprint && report.host_key_fingerprint) {
      // Trust on first use: pin the host key of the first successful test; a changed key is refused later.
      await this.tx.run(async () => {
        await this.configs.update(scope, id, { hostKeyFingerprint: report.host_key_fingerprint! });
        await this.audit.record(auth, scope, 'storage_config.pin_host_key', id, {
          host_key_fingerprint: report.host_key_fingerprint,
        });
      });
    }
    return report;
  }

  /** The buckets the saved key reaches (ListBuckets, or HeadBucket on each configured bucket). */
  async buckets(scope: ConfigScope, id: string): Promise<BucketDiscovery> {
    const row = await this.configs.findById(scope, id);
    if (!row) throw notFound('Storage config');
    if (!isS3Provider(row.provider)) {
      throw new DomainError(
        'bad_request',
        `Bucket discovery applies to S3-compatible providers, not ${row.provider}.`,
      );
    }
    this.rateLimit.take(scope);
    const driver = await refusedAsBadRequest(this.openDriver(scope, id));
    try {
      if (!driver.discoverBuckets) {
        throw new DomainError('bad_request', `Bucket discovery is not supported by ${row.provider}.`);
      }
      return await driver.discoverBuckets();
    } catch (err) {
      // A bucket-scoped key is an answer, not a failure of this call.
      if (isStorageError(err, 'scoped_key')) return { scoped_key: true, message: err.message, buckets: [] };
      throw err; // other storage errors are the caller's to fix: a 400 with storage_error_code
    } finally {
      await driver.close().catch(() => undefined);
    }
  }

  /**
   * The periodic health probe of a saved config: the connection test's light variant (write, read
   * back and delete one small object; no multipart, no presigned URLs), with the platform's endpoint
   * switches. Never throws for configuration or server problems: they are in the report.
   */
  async probeLight(scope: ConfigScope, id: string, signal?: AbortSignal): Promise<TestConnectionReport> {
    const row = await this.requireWithSecrets(scope, id);
    let target: StorageTarget;
    try {
      target = await this.policy.confineLocal(scope, this.targets.decrypt(row), 'use');
    } catch (err) {
      return configurationFailedReport(row.provider, err);
    }
    return this.drivers.test(
      target,
      this.policy.driverOptions(scope, await this.settings.get()),
      signal,
      true,
    );
  }

  /** The decrypted target of a saved config, for workers; never serialize it. */
  async loadTarget(scope: ConfigScope, id: string): Promise<StorageTarget> {
    return this.policy.confineLocal(
      scope,
      this.targets.decrypt(await this.requireWithSecrets(scope, id)),
      'use',
    );
  }

  /**
   * A driver for a saved config, whatever its scope (callers hold the id from their own rows: a
   * backup, a restore, a migration), with the platform's endpoint switches. Close it when done.
   */
  async openDriverFor(
    configId: string,
    overrides: Pick<StorageDriverOptions, 'queueSize'> = {},
  ): Promise<PrefixedStorageDriver> {
    const scope = await this.configs.findScope(configId);
    if (scope === undefined) throw notFound('Storage config');
    return this.openDriver(scope, configId, overrides);
  }

  /** A driver for a saved config of a known scope. Close it when done. */
  async openDriver(
    scope: ConfigScope,
    id: string,
    overrides: Pick<StorageDriverOptions, 'queueSize'> = {},
  ): Promise<PrefixedStorageDriver> {
    const target = await this.loadTarget(scope, id);
    return this.drivers.create(target, {
      ...this.policy.driverOptions(scope, await this.settings.get()),
      ...overrides,
    });
  }

  /**
   * openDriverFor in HTTP handlers: a saved configuration the driver refuses (saved before a rule
   * existed, e.g. a bucket name) is the caller's to fix, a 400 with `storage_error_code`, not a 500.
   */
  openDriverForRequest(configId: string): Promise<PrefixedStorageDriver> {
    return refusedAsBadRequest(this.openDriverFor(configId));
  }

  private async requireWithSecrets(scope: ConfigScope, id: string): Promise<StorageConfig> {
    const row = await this.configs.findWithSecrets(scope, id);
    if (!row) throw notFound('Storage config');
    return row;
  }
}

async function refusedAsBadRequest<T>(opening: Promise<T>): Promise<T> {
  try {
    return await opening;
  } catch (err) {
    if (isStorageError(err, 'invalid_config')) {
      throw new StorageError('invalid_config', `The saved storage configuration is invalid: ${err.message}`, {
        hint: `${err.hint ? `${err.hint} ` : ''}Update it.`,
        cause: err,
      });
    }
    throw err;
  }
}
