import { Inject, Injectable } from '@nestjs/common';
import { confinePath, offsitePaths, PathViolation } from '../../common/boundary/path-confinement.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError, notFound, type FieldError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Organization } from '../organizations/organization.entity.js';
import { checkTarget } from '../storage/providers/check-target.js';
import type { StorageDriverOptions, StorageTarget } from '../storage/storage-driver.js';
import { StorageError } from '../storage/storage-errors.js';
import type { ConfigScope } from './storage-configs.repository.js';
import { StorageSettingsService, type StorageSettings } from './storage-settings.service.js';

export const BYOS_DISABLED =
  'Organization storage configuration is not enabled on this platform. Contact your platform administrator.';

/**
 * What the platform allows a scope to save and dial: the BYOS switch and enabled providers, the
 * provider rules, local directories confined to the platform's roots, and the endpoint switches.
 */
@Injectable()
export class StorageConfigPolicy {
  constructor(
    private readonly settings: StorageSettingsService,
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** BYOS switch and enabled providers apply to organizations; platform admins may use any provider. */
  async assertAllowed(scope: ConfigScope, provider: string): Promise<StorageSettings> {
    const settings = await this.settings.get();
    if (scope === null) return settings;
    if (!settings.allow_org_byos) throw new DomainError('forbidden', BYOS_DISABLED);
    if (!(settings.enabled_providers as string[]).includes(provider)) {
      throw new DomainError(
        'bad_request',
        `Provider '${provider}' is not enabled on this platform. Enabled providers: ${settings.enabled_providers.join(', ')}.`,
        {
          errors: [
            { field: 'provider', messages: [`provider '${provider}' is not enabled on this platform`] },
          ],
        },
      );
    }
    return settings;
  }

  /** The provider rules and the local-directory confinement, as a 400 naming each field. */
  async validate(scope: ConfigScope, target: StorageTarget, settings: StorageSettings): Promise<void> {
    await this.confineLocal(scope, target, 'save');
    const opts = this.driverOptions(scope, settings);
    const errors = await checkTarget(target, {
      allowInsecure: opts.allowInsecureEndpoints ?? false,
      allowPrivate: opts.allowPrivateEndpoints ?? false,
    });
    if (errors.length) throw invalidFields('Invalid storage configuration', errors);
  }

  /** Platform configs are chosen by platform admins: private and plain endpoints are theirs to use. */
  driverOptions(scope: ConfigScope, settings: StorageSettings): StorageDriverOptions {
    return {
      allowInsecureEndpoints: scope === null || settings.allow_insecure_endpoints,
      allowPrivateEndpoints: scope === null || settings.allow_private_endpoints,
      defaultLocalDir: this.config.storage.localDir,
    };
  }

  /**
   * An organization's `local` config must name a directory inside the platform's local storage
   * roots for it (never Offsite's own data, never the platform's storage): checked when saved and
   * again whenever a driver is opened, after symlinks are resolved; the driver gets the resolved
   * directory. Platform configs are the administrators' to place.
   */
  async confineLocal(
    scope: ConfigScope,
    target: StorageTarget,
    when: 'save' | 'use',
  ): Promise<StorageTarget> {
    if (scope === null || target.provider !== 'local') return target;
    const settings = await this.settings.get();
    try {
      if (!target.bucket)
        throw new PathViolation(
          "bucket (the directory; `path` is accepted too) is required for local storage: without it the backups would land in the platform's own storage",
        );
      const org = await this.tx.manager().findOne(Organization, { where: { id: scope } });
      if (!org) throw notFound('Organization');
      const confined = await confinePath(
        target.bucket,
        { id: org.id, slug: org.slug },
        {
          roots: settings.local_storage_roots,
          protectedPaths: offsitePaths(this.config),
          requireRoot: true,
          field: 'bucket',
          setting: 'local_storage_roots',
        },
      );
      return { ...target, bucket: confined.resolved };
    } catch (err) {
      if (!(err instanceof PathViolation)) throw err;
      if (when === 'save')
        throw invalidFields('Invalid storage configuration', [{ field: 'bucket', messages: [err.message] }]);
      throw new StorageError('endpoint_forbidden', err.message, {
        hint: 'Ask a platform administrator for the local storage directories of this organization.',
      });
    }
  }
}

export function invalidFields(what: string, errors: FieldError[]): DomainError {
  return new DomainError(
    'validation_failed',
    `${what}: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
    { errors },
  );
}
