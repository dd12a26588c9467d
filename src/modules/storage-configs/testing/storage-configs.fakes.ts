import type { AuthContext } from '../../../common/auth/auth-context.js';
import type { ResourceOrgResolvers } from '../../../common/auth/resource-org-resolvers.js';
import {
  CredentialsCipher,
  generateKeySpec,
  parseKeyring,
} from '../../../common/crypto/credentials-cipher.js';
import type { Transactions } from '../../../common/database/transactions.js';
import type { AppConfig } from '../../../config/config.js';
import type { StorageTarget } from '../../storage/storage-driver.js';
import type { StorageConfig } from '../storage-config.entity.js';
import type { StorageConfigAudit } from '../storage-config-audit.js';
import type { StorageConfigPolicy } from '../storage-config-policy.service.js';
import { StorageConfigTargets } from '../storage-config-targets.js';
import type { ConfigScope, StorageConfigsRepository } from '../storage-configs.repository.js';
import { StorageConfigsService } from '../storage-configs.service.js';
import type { StorageSettings, StorageSettingsService } from '../storage-settings.service.js';

/**
 * In-memory ports for service-level specs of storage configs: no database, no network. The
 * repository keeps rows in a Map with the real default-selection semantics.
 */
export class InMemoryStorageConfigs {
  readonly rows = new Map<string, StorageConfig>();
  backupsByConfig = new Map<string, number>();
  private clock = 0;

  private inScope(scope: ConfigScope) {
    return [...this.rows.values()].filter((r) => r.organizationId === scope);
  }

  async list(scope: ConfigScope) {
    return this.inScope(scope);
  }
  async findById(scope: ConfigScope, id: string) {
    const row = this.rows.get(id);
    return row && row.organizationId === scope ? { ...row } : null;
  }
  findWithSecrets(scope: ConfigScope, id: string) {
    return this.findById(scope, id);
  }
  async findScope(id: string) {
    return this.rows.get(id)?.organizationId;
  }
  async findOrganizationId(id: string) {
    return this.rows.get(id)?.organizationId ?? null;
  }
  async findDefault(scope: ConfigScope) {
    return this.inScope(scope).find((r) => r.isDefault) ?? null;
  }
  async lockScope(): Promise<void> {}
  async clearDefault(scope: ConfigScope, exceptId: string) {
    for (const r of this.inScope(scope)) if (r.id !== exceptId) r.isDefault = false;
  }
  async promoteDefault(scope: ConfigScope) {
    const time = (d: Date | null) => (d ? d.getTime() : -Infinity);
    const next = this.inScope(scope)
      .filter((r) => r.isActive)
      .sort(
        (a, b) =>
          time(b.lastUsedAt) - time(a.lastUsedAt) ||
          b.createdAt.getTime() - a.createdAt.getTime() ||
          a.id.localeCompare(b.id),
      )[0];
    if (!next) return null;
    next.isDefault = true;
    return next.id;
  }
  async insert(config: StorageConfig) {
    const now = new Date(Date.UTC(2026, 0, 1) + ++this.clock * 1000);
    // Column defaults of the table.
    const defaults = {
      health: 'unknown',
      healthCheckedAt: null,
      healthErrorCode: null,
      healthMessage: null,
      lastHealthyAt: null,
    };
    this.rows.set(
      config.id,
      Object.assign(defaults, config, { createdAt: now, updatedAt: now }) as StorageConfig,
    );
  }
  async update(scope: ConfigScope, id: string, changes: Partial<StorageConfig>) {
    const row = this.rows.get(id);
    if (row && row.organizationId === scope) Object.assign(row, changes);
  }
  async delete(scope: ConfigScope, id: string) {
    if (this.rows.get(id)?.organizationId === scope) this.rows.delete(id);
  }
  async countBackups(id: string) {
    return this.backupsByConfig.get(id) ?? 0;
  }
  async unfinishedMigration(): Promise<string | null> {
    return null;
  }
  asRepository(): StorageConfigsRepository {
    return this as unknown as StorageConfigsRepository;
  }
}

export const testSettings = (overrides: Partial<StorageSettings> = {}): StorageSettings =>
  ({
    enabled_providers: ['aws_s3', 'minio', 'sftp', 'local'],
    allow_org_byos: true,
    allow_insecure_endpoints: false,
    allow_private_endpoints: false,
    local_storage_roots: [],
    ...overrides,
  }) as StorageSettings;

/** A policy that allows everything the settings allow and skips DNS (save-time rules have their own specs). */
export const permissivePolicy = (): StorageConfigPolicy =>
  ({
    assertAllowed: async () => testSettings(),
    validate: async () => undefined,
    confineLocal: async (_scope: ConfigScope, t: StorageTarget) => t,
    driverOptions: () => ({}),
  }) as unknown as StorageConfigPolicy;

export interface AuditEntry {
  scope: ConfigScope;
  action: string;
  targetId: string;
  diff: Record<string, unknown>;
}

export const recordingAudit = (entries: AuditEntry[]): StorageConfigAudit =>
  ({
    record: async (
      _auth: AuthContext,
      scope: ConfigScope,
      action: string,
      targetId: string,
      diff: Record<string, unknown>,
    ) => {
      entries.push({ scope, action, targetId, diff });
    },
  }) as unknown as StorageConfigAudit;

export const directTransactions = (): Transactions =>
  ({ run: <T>(fn: () => Promise<T>) => fn() }) as unknown as Transactions;

export const testCipher = (): CredentialsCipher =>
  new CredentialsCipher(parseKeyring(generateKeySpec('test')));

export const testAuth = {
  userId: 'u1',
  email: 'owner@example.com',
  organizationId: 'org-1',
} as unknown as AuthContext;

/** StorageConfigsService over the in-memory ports. */
export function storageConfigsServiceWithFakes(repo = new InMemoryStorageConfigs()) {
  const audit: AuditEntry[] = [];
  const service = new StorageConfigsService(
    repo.asRepository(),
    { get: async () => testSettings() } as unknown as StorageSettingsService,
    permissivePolicy(),
    new StorageConfigTargets(testCipher()),
    recordingAudit(audit),
    directTransactions(),
    { register: () => undefined } as unknown as ResourceOrgResolvers,
    { storage: { localDefault: false, localDir: '/tmp/offsite-test' } } as unknown as AppConfig,
  );
  return { service, repo, audit };
}
