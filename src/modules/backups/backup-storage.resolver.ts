import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import type { StorageConfigResponse } from '../storage-configs/dto/storage-config-responses.dto.js';
import type { StorageConfig } from '../storage-configs/storage-config.entity.js';
import { toStorageConfigResponse } from '../storage-configs/storage-configs.mapper.js';
import {
  PLATFORM_SCOPE,
  StorageConfigsRepository,
  type ConfigScope,
} from '../storage-configs/storage-configs.repository.js';
import { StorageSettingsService } from '../storage-configs/storage-settings.service.js';

/**
 * Which storage a backup goes to: the requested config, else the environment's, else the
 * organization's default, else the platform default. Refuses inactive configs and providers the
 * platform has disabled (for organization configs), naming why.
 */
@Injectable()
export class BackupStorageResolver {
  constructor(
    private readonly configs: StorageConfigsRepository,
    private readonly settings: StorageSettingsService,
  ) {}

  async resolveForBackup(
    organizationId: string,
    requestedId?: string | null,
    environmentConfigId?: string | null,
  ): Promise<{ scope: ConfigScope; config: StorageConfigResponse }> {
    const explicit = requestedId ?? environmentConfigId;
    let row: StorageConfig | null = null;
    let scope: ConfigScope = organizationId;
    if (explicit) {
      row = await this.configs.findById(organizationId, explicit);
      if (!row) {
        row = await this.configs.findById(PLATFORM_SCOPE, explicit);
        scope = PLATFORM_SCOPE;
      }
      if (!row)
        throw new DomainError(
          'bad_request',
          `Storage config ${explicit} does not exist in this organization.`,
        );
    } else {
      row = await this.configs.findDefault(organizationId);
      if (!row) {
        row = await this.configs.findDefault(PLATFORM_SCOPE);
        scope = PLATFORM_SCOPE;
      }
    }
    if (!row) {
      throw new DomainError(
        'bad_request',
        'No storage configured. Configure a storage provider before creating backups.',
      );
    }
    if (!row.isActive) {
      throw new DomainError(
        'bad_request',
        `Storage config "${row.name}" is inactive. Activate it or choose another one.`,
      );
    }
    if (scope !== null) {
      const settings = await this.settings.get();
      if (!(settings.enabled_providers as string[]).includes(row.provider)) {
        throw new DomainError(
          'bad_request',
          `Storage config "${row.name}" uses provider '${row.provider}', which the platform has disabled.`,
        );
      }
    }
    return { scope, config: toStorageConfigResponse(row) };
  }
}
