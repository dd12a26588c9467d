import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { CredentialsCipher } from '../../common/crypto/credentials-cipher.js';
import { Transactions } from '../../common/database/transactions.js';
import {
  confinePath,
  offsitePaths,
  PathViolation,
  rootTemplateProblems,
} from '../../common/boundary/path-confinement.js';
import { DomainError, notFound, type FieldError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { StorageDriverFactory, type PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { Organization } from '../organizations/organization.entity.js';
import { isStorageError, StorageError } from '../storage/storage-errors.js';
import {
  isS3Provider,
  type BucketDiscovery,
  type StorageDriverOptions,
  type StorageTarget,
  type TestConnectionReport,
} from '../storage/storage-driver.js';
import type { CreateStorageConfigDto, UpdateStorageConfigDto } from './dto/storage-config-input.dto.js';
import type { StorageConfigResponse, StorageSettingsResponse } from './dto/storage-config-responses.dto.js';
import type { UpdateStorageSettingsDto } from './dto/update-storage-settings.dto.js';
import { StorageConfig } from './storage-config.entity.js';
import { StorageConfigsRepository, type ConfigScope } from './storage-configs.repository.js';
import { toStorageConfigResponse } from './storage-configs.mapper.js';
import { StorageSettingsService, type StorageSettings } from './storage-settings.service.js';
import { checkTarget } from '../storage/providers/check-target.js';
import { defaultRegion } from '../storage/providers/provider-rules.js';
import { configurationFailedReport } from '../storage/test-connection.js';

export const BYOS_DISABLED =
  'Organization storage configuration is not enabled on this platform. Contact your platform administrator.';

const TESTS_PER_MINUTE = 10;

/** Fields whose change re-validates the whole target. */
const SECRET_FIELDS = ['access_key', 'secret_key', 'private_key', 'passphrase'] as const;

/**
 * Storage configurations of organizations (scope = organization id) and of the platform
 * (scope = null, platform admins only). Secrets are encrypted with the config id as associated
 * data and never leave this service except as hints.
 */
@Injectable()
export class StorageConfigsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('StorageConfigs');
  private readonly testWindows = new Map<string, number[]>();

  constructor(
    private readonly configs: StorageConfigsRepository,
    private readonly settings: StorageSettingsService,
    private readonly cipher: CredentialsCipher,
    private readonly drivers: StorageDriverFactory,
    private readonly audit: AuditService,
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
      await this.configs.lockScope(null);
      if (await this.configs.findDefault(null)) return;
      const id = randomUUID();
      await this.configs.insert(
        Object.assign(new StorageConfig(), {
          id,
          organizationId: null,
          name: 'Local storage (embedded default)',
          provider: 'local',
          ...this.plainFields({ provider: 'local', bucket: this.config.storage.localDir }),
          ...this.encryptedFields(id, { provider: 'local' }),
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
    const platformDefault = await this.configs.findDefault(null);
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
    const settings = await this.assertAllowed(scope, dto.provider);
    const id = randomUUID();
    const target = this.targetFromDto(dto);
    await this.validate(scope, target, settings);
    const entity = Object.assign(new StorageConfig(), {
      id,
      organizationId: scope,
      name: dto.name,
      provider: dto.provider,
      ...this.plainFields(target),
      isActive: dto.is_active ?? true,
      isDefault: false,
      totalSizeBytes: 0,
      objectCount: 0,
      lastUsedAt: null,
      ...this.encryptedFields(id, target),
    });
    const created = await this.tx.run(async () => {
      await this.configs.lockScope(scope);
      const hasDefault = (await this.configs.findDefault(scope)) !== null;
      entity.isDefault = (dto.is_default ?? false) || !hasDefault;
      if (entity.isDefault) await this.configs.clearDefault(scope, id);
      await this.configs.insert(entity);
      await this.recordAudit(auth, scope, 'storage_config.create', id, {
        ...this.auditView(dto),
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
    const settings = await this.assertAllowed(scope, provider);
    const target = this.mergedTarget(current, dto);
    await this.validate(scope, target, settings);

    const changes: Partial<StorageConfig> = {
      name: dto.name ?? current.name,
      provider,
      ...this.plainFields(target),
      isActive: dto.is_active ?? current.isActive,
    };
    // Secrets: omitted → keep the stored ciphertext; sent → re-encrypt.
    const fresh = this.encryptedFields(id, target);
    for (const field of SECRET_FIELDS) {
      if (dto[field] === undefined) {
        const col = `${camel(field)}Enc` as 'accessKeyEnc';
        delete (fresh as Partial<StorageConfig>)[col];
      }
    }
    if (dto.access_key === undefined) delete (fresh as Partial<StorageConfig>).accessKeyHint;
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
      await this.recordAudit(auth, scope, 'storage_config.update', id, this.auditView(dto));
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
      await this.recordAudit(auth, scope, 'storage_config.delete', id, {
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
      await this.recordAudit(auth, scope, 'storage_config.recount', id, {
        total_size_bytes: Number(row.totalSizeBytes),
        object_count: Number(row.objectCount),
      });
      return row;
    });
    return toStorageConfigResponse(updated);
  }

  // --- connection tests --------------------------------------------------------------------

  async testUnsaved(
    auth: AuthContext,
    scope: ConfigScope,
    dto: CreateStorageConfigDto,
  ): Promise<TestConnectionReport> {
    const settings = await this.assertAllowed(scope, dto.provider);
    this.rateLimitTests(scope);
    const target = this.targetFromDto(dto);
    await this.validate(scope, target, settings);
    return this.drivers.test(target, this.driverOptions(scope, settings));
  }

  /** Seed 000: the buckets the saved key reaches (ListBuckets, or HeadBucket on each configured bucket). */
  async buckets(scope: ConfigScope, id: string): Promise<BucketDiscovery> {
    const row = await this.require(scope, id);
    if (!isS3Provider(row.provider)) {
      throw new DomainError(
        'bad_request',
        `Bucket discovery applies to S3-compatible providers, not ${row.provider}.`,
      );
    }
    this.rateLimitTests(scope);
    const driver = await this.openDriverForRequest(scope, id);
    try {
      if (!driver.discoverBuckets)
        throw new DomainError('bad_request', `Bucket discovery is not supported by ${row.provider}.`);
      return await driver.discoverBuckets();
    } catch (err) {
      if (isStorageError(err)) {
        // A bucket-scoped key is an answer, not a failure of this call.
        if (err.code === 'scoped_key') return { scoped_key: true, message: err.message, buckets: [] };
        throw new DomainError('bad_request', `${err.message}${err.hint ? ` ${err.hint}` : ''}`, {
          storage_error_code: err.code,
        });
      }
      throw err;
    } finally {
      await driver.close().catch(() => undefined);
    }
  }

  async testSaved(auth: AuthContext, scope: ConfigScope, id: string): Promise<TestConnectionReport> {
    const settings = await this.settings.get();
    this.rateLimitTests(scope);
    const row = await this.requireWithSecrets(scope, id);
    const target = await this.confineLocal(scope, this.decryptTarget(row), 'save');
    const report = await this.drivers.test(target, this.driverOptions(scope, settings));
    if (row.provider === 'sftp' && report.success && !row.hostKeyFingerprint && report.host_key_fingerprint) {
      // Trust on first use: pin the host key of the first successful test; a changed key is refused later.
      await this.tx.run(async () => {
        await this.configs.update(scope, id, { hostKeyFingerprint: report.host_key_fingerprint! });
        await this.recordAudit(auth, scope, 'storage_config.pin_host_key', id, {
          host_key_fingerprint: report.host_key_fingerprint,
        });
      });
    }
    return report;
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
      target = await this.confineLocal(scope, this.decryptTarget(row), 'use');
    } catch (err) {
      return configurationFailedReport(row.provider, err);
    }
    return this.drivers.test(target, this.driverOptions(scope, await this.settings.get()), signal, true);
  }

  // --- used by backups (next issue) and the CLI ----------------------------------------------

  /** The decrypted target of a saved config, for workers; never serialize it. */
  async loadTarget(scope: ConfigScope, id: string): Promise<StorageTarget> {
    return this.confineLocal(scope, this.decryptTarget(await this.requireWithSecrets(scope, id)), 'use');
  }

  /**
   * An organization's `local` config must name a directory inside the platform's local storage
   * roots for it (never Offsite's own data, never the platform's storage): checked when saved and
   * again whenever a driver is opened, after symlinks are resolved; the driver gets the resolved
   * directory. Platform configs are the administrators' to place.
   */
  private async confineLocal(
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

  /**
   * Where a new backup of an organization goes: the requested config, else the environment's, else
   * the organization's default, else the platform default. Refuses inactive configs and providers
   * the platform has disabled (for organization configs), naming why.
   */
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
        row = await this.configs.findById(null, explicit);
        scope = null;
      }
      if (!row)
        throw new DomainError(
          'bad_request',
          `Storage config ${explicit} does not exist in this organization.`,
        );
    } else {
      row = await this.configs.findDefault(organizationId);
      if (!row) {
        row = await this.configs.findDefault(null);
        scope = null;
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

  /** A driver for a saved config (with the platform's endpoint switches). Close it when done. */
  async openDriver(
    scope: ConfigScope,
    id: string,
    overrides: Pick<StorageDriverOptions, 'queueSize'> = {},
  ): Promise<PrefixedStorageDriver> {
    const target = await this.loadTarget(scope, id);
    return this.drivers.create(target, {
      ...this.driverOptions(scope, await this.settings.get()),
      ...overrides,
    });
  }

  /**
   * openDriver for HTTP handlers: a saved configuration the driver refuses (saved before a rule
   * existed, e.g. a bucket name) is the caller's to fix, a 400 with `storage_error_code`, not a 500.
   */
  async openDriverForRequest(scope: ConfigScope, id: string): Promise<PrefixedStorageDriver> {
    try {
      return await this.openDriver(scope, id);
    } catch (err) {
      if (isStorageError(err, 'invalid_config')) {
        throw new DomainError(
          'bad_request',
          `The saved storage configuration is invalid: ${err.message}${err.hint ? ` ${err.hint}` : ''} Update it.`,
          { storage_error_code: err.code },
        );
      }
      throw err;
    }
  }

  /** Usage counters on backup completion (+) and deletion (−): atomic SQL increments. */
  async addUsage(id: string, bytes: number, backups: number): Promise<void> {
    await this.configs.addUsage(id, bytes, backups, backups > 0);
  }

  /** Re-encrypts every stored credential under the newest key; returns how many configs changed. */
  async rotateKeys(): Promise<{ rotated: number; total: number }> {
    let after: string | null = null;
    let rotated = 0;
    let total = 0;
    for (;;) {
      const batch = await this.configs.batchWithSecrets(after, 100);
      if (!batch.length) break;
      for (const row of batch) {
        total++;
        const cols = ['accessKeyEnc', 'secretKeyEnc', 'privateKeyEnc', 'passphraseEnc'] as const;
        const changes: Partial<StorageConfig> = {};
        for (const col of cols) {
          const value = row[col];
          if (value && this.cipher.needsRotation(value)) {
            changes[col] = this.cipher.encrypt(this.cipher.decrypt(value, row.id), row.id);
          }
        }
        if (Object.keys(changes).length) {
          await this.configs.update(row.organizationId, row.id, changes);
          rotated++;
        }
      }
      after = batch[batch.length - 1]!.id;
    }
    return { rotated, total };
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

  /** BYOS switch and enabled providers apply to organizations; platform admins may use any provider. */
  private async assertAllowed(scope: ConfigScope, provider: string): Promise<StorageSettings> {
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

  private async validate(
    scope: ConfigScope,
    target: StorageTarget,
    settings: StorageSettings,
  ): Promise<void> {
    await this.confineLocal(scope, target, 'save');
    const opts = this.driverOptions(scope, settings);
    const errors = await checkTarget(target, {
      allowInsecure: opts.allowInsecureEndpoints ?? false,
      allowPrivate: opts.allowPrivateEndpoints ?? false,
    });
    if (errors.length) {
      throw new DomainError(
        'validation_failed',
        `Invalid storage configuration: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
        { errors },
      );
    }
  }

  /** Platform configs are chosen by platform admins: private and plain endpoints are theirs to use. */
  private driverOptions(scope: ConfigScope, settings: StorageSettings): StorageDriverOptions {
    return {
      allowInsecureEndpoints: scope === null || settings.allow_insecure_endpoints,
      allowPrivateEndpoints: scope === null || settings.allow_private_endpoints,
      defaultLocalDir: this.config.storage.localDir,
    };
  }

  private rateLimitTests(scope: ConfigScope): void {
    const key = scope ?? 'platform';
    const now = Date.now();
    const window = (this.testWindows.get(key) ?? []).filter((t) => now - t < 60_000);
    if (window.length >= TESTS_PER_MINUTE) {
      const retryAfter = Math.ceil((60_000 - (now - window[0]!)) / 1000);
      throw new DomainError(
        'rate_limited',
        `Too many connection tests for this organization (${TESTS_PER_MINUTE} per minute). Retry in ${retryAfter} s.`,
        { headers: { 'retry-after': String(retryAfter) } },
      );
    }
    window.push(now);
    this.testWindows.set(key, window);
  }

  private targetFromDto(dto: CreateStorageConfigDto): StorageTarget {
    return {
      provider: dto.provider,
      bucket: dto.bucket ?? (dto.provider === 'local' ? dto.path : undefined) ?? null,
      region: dto.region ?? defaultRegion(dto.provider),
      endpointUrl: dto.endpoint_url ?? null,
      accountId: dto.account_id ?? null,
      pathPrefix: dto.path_prefix ?? null,
      storageClass: dto.storage_class ?? null,
      buckets: dto.buckets ?? null,
      accessKey: dto.access_key || null,
      secretKey: dto.secret_key || null,
      host: dto.host ?? null,
      port: dto.port ?? null,
      useTls: dto.use_tls ?? false,
      privateKey: dto.private_key || null,
      passphrase: dto.passphrase || null,
      hostKeyFingerprint: dto.host_key_fingerprint ?? null,
    };
  }

  private mergedTarget(row: StorageConfig, dto: UpdateStorageConfigDto): StorageTarget {
    const current = this.decryptTarget(row);
    const pick = <K extends keyof UpdateStorageConfigDto, V>(k: K, fallback: V) =>
      dto[k] === undefined ? fallback : (dto[k] as V);
    return {
      provider: dto.provider ?? row.provider,
      bucket:
        dto.bucket === undefined && dto.path !== undefined && (dto.provider ?? row.provider) === 'local'
          ? dto.path
          : pick('bucket', current.bucket),
      region: pick('region', current.region),
      endpointUrl: pick('endpoint_url', current.endpointUrl),
      accountId: pick('account_id', current.accountId),
      pathPrefix: pick('path_prefix', current.pathPrefix),
      storageClass: pick('storage_class', current.storageClass),
      buckets: pick('buckets', current.buckets),
      accessKey: pick('access_key', current.accessKey) || null,
      secretKey: pick('secret_key', current.secretKey) || null,
      host: pick('host', current.host),
      port: pick('port', current.port),
      useTls: pick('use_tls', current.useTls),
      privateKey: pick('private_key', current.privateKey) || null,
      passphrase: pick('passphrase', current.passphrase) || null,
      hostKeyFingerprint: pick('host_key_fingerprint', current.hostKeyFingerprint),
    };
  }

  private plainFields(t: StorageTarget): Partial<StorageConfig> {
    return {
      bucket: t.bucket ?? null,
      region: t.region ?? null,
      endpointUrl: t.endpointUrl ?? null,
      accountId: t.accountId ?? null,
      pathPrefix: t.pathPrefix ?? null,
      storageClass: t.storageClass ?? null,
      buckets: t.buckets ?? null,
      host: t.host ?? null,
      port: t.port ?? null,
      useTls: t.useTls ?? false,
      hostKeyFingerprint: t.hostKeyFingerprint ?? null,
    };
  }

  private encryptedFields(id: string, t: StorageTarget): Partial<StorageConfig> {
    const enc = (v: string | null | undefined) => (v ? this.cipher.encrypt(v, id) : null);
    return {
      accessKeyEnc: enc(t.accessKey),
      accessKeyHint: t.accessKey ? accessKeyHint(t.accessKey) : null,
      secretKeyEnc: enc(t.secretKey),
      privateKeyEnc: enc(t.privateKey),
      passphraseEnc: enc(t.passphrase),
      hasSecret: !!t.secretKey,
      hasPrivateKey: !!t.privateKey,
    };
  }

  private decryptTarget(row: StorageConfig): StorageTarget {
    const dec = (v: string | null | undefined) => (v ? this.cipher.decrypt(v, row.id) : null);
    return {
      provider: row.provider,
      bucket: row.bucket,
      region: row.region,
      endpointUrl: row.endpointUrl,
      accountId: row.accountId,
      pathPrefix: row.pathPrefix,
      storageClass: row.storageClass,
      buckets: row.buckets,
      accessKey: dec(row.accessKeyEnc),
      secretKey: dec(row.secretKeyEnc),
      host: row.host,
      port: row.port,
      useTls: row.useTls,
      privateKey: dec(row.privateKeyEnc),
      passphrase: dec(row.passphraseEnc),
      hostKeyFingerprint: row.hostKeyFingerprint,
    };
  }

  /** What the audit row says about a change: field names and non-secret values only. */
  private auditView(dto: Partial<CreateStorageConfigDto>): Record<string, unknown> {
    const view: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(dto)) {
      if (v === undefined) continue;
      view[k] = (SECRET_FIELDS as readonly string[]).includes(k) ? '[changed]' : v;
    }
    return view;
  }

  private async recordAudit(
    auth: AuthContext,
    scope: ConfigScope,
    action: string,
    targetId: string,
    diff: Record<string, unknown>,
  ): Promise<void> {
    if (scope === null) {
      // Platform configs belong to no organization; the audit table is per organization.
      this.logger.log(
        { actor: auth.email, action, target_id: targetId, diff },
        'Platform storage config change',
      );
      return;
    }
    await this.audit.record(auth, {
      action,
      targetType: 'storage_config',
      targetId,
      diff,
      organizationId: scope,
    });
  }
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function endpointChanged(row: StorageConfig, t: StorageTarget): boolean {
  return row.host !== (t.host ?? null) || row.port !== (t.port ?? null) || row.provider !== t.provider;
}

function invalidFields(what: string, errors: FieldError[]): DomainError {
  return new DomainError(
    'validation_failed',
    `${what}: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
    { errors },
  );
}

/**
 * What the API shows of an access key or user name: its last 4 characters when it has at least 12
 * (at most a third of it), otherwise nothing at all ('' is shown as fully masked).
 */
export function accessKeyHint(accessKey: string): string {
  return accessKey.length >= 12 ? accessKey.slice(-4) : '';
}
