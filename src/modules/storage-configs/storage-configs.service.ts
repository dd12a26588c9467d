import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { offsitePaths, rootTemplateProblems } from '../../common/boundary/path-confinement.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError, notFound, type FieldError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { CreateStorageConfigDto, UpdateStorageConfigDto } from './dto/storage-config-input.dto.js';
import type { StorageConfigResponse, StorageSettingsResponse } from './dto/storage-config-responses.dto.js';
import type { UpdateStorageSettingsDto } from './dto/update-storage-settings.dto.js';
import { StorageConfig } from './storage-config.entity.js';
import { StorageConfigAudit } from './storage-config-audit.js';
import { StorageConfigPolicy, invalidFields } from './storage-config-policy.service.js';
import { StorageConfigTargets, auditView } from './storage-config-targets.js';
import { PLATFORM_SCOPE, StorageConfigsRepository, type ConfigScope } from './storage-configs.repository.js';
import { toStorageConfigResponse } from './storage-configs.mapper.js';
import { StorageSettingsService } from './storage-settings.service.js';

export { BYOS_DISABLED } from './storage-config-policy.service.js';

/**
 * Storage configurations of organizations (scope = organization id) and of the platform (the
 * platform scope, platform admins only): reads, writes and which config is the default. Dialling a
 * storage is StorageConnectionsService's; secrets never leave either except as hints.
 */
@Injectable()
export class StorageConfigsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('StorageConfigs');

  constructor(
    private readonly configs: StorageConfigsRepository,
    private readonly settings: StorageSettingsService,
    private readonly policy: StorageConfigPolicy,
    private readonly targets: StorageConfigTargets,
    private readonly audit: StorageConfigAudit,
    private readonly tx: Transactions,
    private readonly resolvers: ResourceOrgResolvers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('config_id', (id) => this.configs.findOrganizationId(id));
  }

  /** The embedded default: backups work out of the box, onto ./.offsite/storage. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.storage.localDefault) return;
    await this.tx.run(async () => {
      await this.configs.lockScope(PLATFORM_SCOPE);
      if (await this.configs.findDefault(PLATFORM_SCOPE)) return;
      const id = randomUUID();
      await this.configs.insert(
        Object.assign(new StorageConfig(), {
          id,
          organizationId: PLATFORM_SCOPE,
          name: 'Local storage (embedded default)',
          provider: 'local',
          ...this.targets.plainFields({ provider: 'local', bucket: this.config.storage.localDir }),
          ...this.targets.encryptedFields(id, { provider: 'local' }),
          isActive: true,
          isDefault: true,
          totalSizeBytes: 0,
          objectCount: 0,
          lastUsedAt: null,
        }),
      );
      this.logger.log(`Platform default storage: local directory ${this.config.storage.localDir}`);
    });
  }

  // --- reads -------------------------------------------------------------------------------

  async list(scope: ConfigScope): Promise<StorageConfigResponse[]> {
    return (await this.configs.list(scope)).map(toStorageConfigResponse);
  }

  async get(scope: ConfigScope, id: string): Promise<StorageConfigResponse> {
    return toStorageConfigResponse(await this.require(scope, id));
  }

  async storageSettings(): Promise<StorageSettingsResponse> {
    const s = await this.settings.get();
    const platformDefault = await this.configs.findDefault(PLATFORM_SCOPE);
    return {
      enabled_providers: s.enabled_providers,
      allow_org_byos: s.allow_org_byos,
      has_default_storage: platformDefault !== null,
      default_storage: platformDefault
        ? {
            name: platformDefault.name,
            provider: platformDefault.provider,
            region: platformDefault.region ?? null,
          }
        : null,
      allow_insecure_endpoints: s.allow_insecure_endpoints,
      allow_private_endpoints: s.allow_private_endpoints,
      local_storage_roots: s.local_storage_roots,
      min_schedule_interval_minutes: s.min_schedule_interval_minutes,
      failed_backups_keep_days: s.failed_backups_keep_days,
      storage_probe_interval_minutes: s.storage_probe_interval_minutes,
      freshness_late_factor: s.freshness_late_factor,
      freshness_stale_factor: s.freshness_stale_factor,
    };
  }

  async updateStorageSettings(
    auth: AuthContext,
    dto: UpdateStorageSettingsDto,
  ): Promise<StorageSettingsResponse> {
    const errors: FieldError[] = [];
    dto.local_storage_roots?.forEach((root, i) => {
      const problems = rootTemplateProblems(root, offsitePaths(this.config));
      if (problems.length) errors.push({ field: `local_storage_roots[${i}]`, messages: problems });
    });
    const currentSettings = await this.settings.get();
    const late = dto.freshness_late_factor ?? currentSettings.freshness_late_factor;
    const stale = dto.freshness_stale_factor ?? currentSettings.freshness_stale_factor;
    if (stale <= late) {
      errors.push({
        field: 'freshness_stale_factor',
        messages: [`freshness_stale_factor (${stale}) must be greater than freshness_late_factor (${late})`],
      });
    }
    const both = (dto.enable_providers ?? []).filter((p) => dto.disable_providers?.includes(p));
    if (both.length) {
      errors.push({
        field: 'enable_providers',
        messages: [`${both.join(', ')} cannot be enabled and disabled at once`],
      });
    }
    if (dto.enabled_providers && (dto.enable_providers || dto.disable_providers)) {
      errors.push({
        field: 'enabled_providers',
        messages: [
          'give either the whole list (enabled_providers) or changes (enable_providers / disable_providers)',
        ],
      });
    }
    if (errors.length) throw invalidFields('Invalid storage settings', errors);
    const { enable_providers: enable, disable_providers: disable, ...patch } = dto;
    const { before, after } = await this.settings.update(patch, (current) =>
      enable || disable
        ? [
            ...current.filter((p) => !disable?.includes(p)),
            ...(enable ?? []).filter((p) => !current.includes(p)),
          ]
        : undefined,
    );
    this.logger.log({ actor: auth.email, before, after }, 'Platform storage settings changed');
    return this.storageSettings();
  }

  // --- writes ------------------------------------------------------------------------------

  async create(
    auth: AuthContext,
    scope: ConfigScope,
    dto: CreateStorageConfigDto,
  ): Promise<StorageConfigResponse> {
    const settings = await this.policy.assertAllowed(scope, dto.provider);
    const id = randomUUID();
    const target = this.targets.fromDto(dto);
    await this.policy.validate(scope, target, settings);
    const entity = Object.assign(new StorageConfig(), {
      id,
      organizationId: scope,
      name: dto.name,
      provider: dto.provider,
      ...this.targets.plainFields(target),
      isActive: dto.is_active ?? true,
      isDefault: false,
      totalSizeBytes: 0,
      objectCount: 0,
      lastUsedAt: null,
      ...this.targets.encryptedFields(id, target),
    });
    const created = await this.tx.run(async () => {
      await this.configs.lockScope(scope);
      const hasDefault = (await this.configs.findDefault(scope)) !== null;
      entity.isDefault = (dto.is_default ?? false) || !hasDefault;
      if (entity.isDefault) await this.configs.clearDefault(scope, id);
      await this.configs.insert(entity);
      await this.audit.record(auth, scope, 'storage_config.create', id, {
        ...auditView(dto),
        is_default: entity.isDefault,
      });
      return (await this.configs.findById(scope, id))!;
    });
    return toStorageConfigResponse(created);
  }

  async update(
    auth: AuthContext,
    scope: ConfigScope,
    id: string,
    dto: UpdateStorageConfigDto,
  ): Promise<StorageConfigResponse> {
    const current = await this.requireWithSecrets(scope, id);
    const provider = dto.provider ?? current.provider;
    const settings = await this.policy.assertAllowed(scope, provider);
    const target = this.targets.merged(current, dto);
    await this.policy.validate(scope, target, settings);

    const changes: Partial<StorageConfig> = {
      name: dto.name ?? current.name,
      provider,
      ...this.targets.plainFields(target),
      isActive: dto.is_active ?? current.isActive,
    };
    // Secrets: omitted → keep the stored ciphertext; sent → re-encrypt.
    const fresh = this.targets.changedSecrets(id, target, dto);
    Object.assign(changes, fresh);
    // A pinned host key belongs to a host: moving the config to another server unpins it.
    if (dto.host_key_fingerprint === undefined && endpointChanged(current, target))
      changes.hostKeyFingerprint = null;

    const updated = await this.tx.run(async () => {
      await this.configs.lockScope(scope);
      if (dto.is_default === true) {
        await this.configs.clearDefault(scope, id);
        changes.isDefault = true;
      } else if (dto.is_default === false && current.isDefault) {
        throw new DomainError(
          'conflict',
          'Set another storage config as default instead of unsetting the default.',
        );
      }
      await this.configs.update(scope, id, changes);
      await this.audit.record(auth, scope, 'storage_config.update', id, auditView(dto));
      return (await this.configs.findById(scope, id))!;
    });
    return toStorageConfigResponse(updated);
  }

  async remove(auth: AuthContext, scope: ConfigScope, id: string): Promise<void> {
    await this.tx.run(async () => {
      await this.configs.lockScope(scope);
      const current = await this.require(scope, id);
      const backups = await this.configs.countBackups(id);
      if (backups > 0) {
        throw new DomainError(
          'bad_request',
          `Cannot delete storage config with ${backups} backups. Delete them, or move them to another storage config with POST ${scope === null ? '/api/v1/admin/storage-configs' : '/api/v1/backups/storage-configs'}/${id}/migrations, first.`,
        );
      }
      const migration = await this.configs.unfinishedMigration(id);
      if (migration) {
        throw new DomainError(
          'bad_request',
          `Cannot delete storage config while backup migration ${migration} moves backups from or to it. Wait for it or cancel it (POST ${scope === null ? '/api/v1/admin/migrations' : '/api/v1/migrations'}/${migration}/cancel).`,
        );
      }
      await this.configs.delete(scope, id);
      // The organization keeps a default while it has an active configuration: the most recently
      // used one (then the newest) takes over, so the next backup does not lose its storage.
      const promoted = current.isDefault ? await this.configs.promoteDefault(scope) : null;
      await this.audit.record(auth, scope, 'storage_config.delete', id, {
        name: current.name,
        provider: current.provider,
        ...(promoted ? { promoted_default: promoted } : {}),
      });
    });
  }

  /** Recomputes total_size_bytes / object_count from the backups catalog (drifted counters). */
  async recount(auth: AuthContext, scope: ConfigScope, id: string): Promise<StorageConfigResponse> {
    await this.require(scope, id);
    const updated = await this.tx.run(async () => {
      await this.configs.recountUsage(id);
      const row = (await this.configs.findById(scope, id))!;
      await this.audit.record(auth, scope, 'storage_config.recount', id, {
        total_size_bytes: Number(row.totalSizeBytes),
        object_count: Number(row.objectCount),
      });
      return row;
    });
    return toStorageConfigResponse(updated);
  }

  /** Name, provider and scope of configs by id, for showing where backups are (no secrets, no endpoints). */
  async summaries(
    ids: string[],
  ): Promise<
    Map<string, { id: string; name: string; provider: string; scope: 'platform' | 'organization' }>
  > {
    const rows = await this.configs.summaries(ids);
    return new Map(
      rows.map((c) => [
        c.id,
        {
          id: c.id,
          name: c.name,
          provider: c.provider,
          scope: c.organizationId ? 'organization' : 'platform',
        },
      ]),
    );
  }

  /** Usage counters on backup completion (+) and deletion (−): atomic SQL increments. */
  async addUsage(id: string, bytes: number, backups: number): Promise<void> {
    await this.configs.addUsage(id, bytes, backups, backups > 0);
  }

  // --- helpers -----------------------------------------------------------------------------

  private async require(scope: ConfigScope, id: string): Promise<StorageConfig> {
    const row = await this.configs.findById(scope, id);
    if (!row) throw notFound('Storage config');
    return row;
  }

  private async requireWithSecrets(scope: ConfigScope, id: string): Promise<StorageConfig> {
    const row = await this.configs.findWithSecrets(scope, id);
    if (!row) throw notFound('Storage config');
    return row;
  }
}

function endpointChanged(
  row: StorageConfig,
  t: { host?: string | null; port?: number | null; provider: string },
): boolean {
  return row.host !== (t.host ?? null) || row.port !== (t.port ?? null) || row.provider !== t.provider;
}
