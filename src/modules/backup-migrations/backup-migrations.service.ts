import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { Transactions } from '../../common/database/transactions.js';
import { isUniqueViolation } from '../../common/database/unique-violation.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { pageRequest, toPage } from '../../common/http/page-cursor.js';
import type { PageQuery } from '../../common/http/page.query.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { AuditService } from '../audit/audit.service.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { PLATFORM_SCOPE } from '../storage-configs/storage-configs.repository.js';
import { BackupMigration, BackupMigrationItem } from './backup-migration.entity.js';
import { MIGRATION_QUEUE, type MigrationJob } from './backup-migration-runner.service.js';
import { BackupMigrationsRepository } from './backup-migrations.repository.js';
import { toBackupMigrationResponse } from './backup-migrations.mapper.js';
import type { CreateBackupMigrationDto } from './dto/backup-migration-input.dto.js';
import type {
  BackupMigrationPageResponse,
  BackupMigrationResponse,
} from './dto/backup-migration-responses.dto.js';

/** Organization id, or null for platform migrations between platform configs (platform admins). */
export type MigrationScope = string | null;

const invalid = (field: string, message: string) =>
  new DomainError('bad_request', `${field}: ${message}`, { errors: [{ field, messages: [message] }] });

/** Starts, reads and cancels moves of backups between storage configs of one scope. */
@Injectable()
export class BackupMigrationsService implements OnModuleInit {
  private readonly logger = new Logger('BackupMigrations');

  constructor(
    private readonly migrations: BackupMigrationsRepository,
    private readonly storageConfigs: StorageConfigsService,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly resolvers: ResourceOrgResolvers,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('migration_id', (id) => this.migrations.findOrganizationId(id));
  }

  /**
   * The source of a migration: a config of the scope, or, for an organization, a platform config
   * holding completed backups of that organization (moving off the platform's storage onto its own).
   * Anything else is "not found", including platform configs without the organization's backups,
   * so a tenant learns nothing about configs it has no backups on.
   */
  private async requireSource(scope: MigrationScope, sourceId: string): Promise<void> {
    try {
      await this.storageConfigs.get(scope, sourceId);
      return;
    } catch (err) {
      if (scope === null || !(err instanceof DomainError && err.code === 'not_found')) throw err;
    }
    const platformConfig = await this.storageConfigs.get(PLATFORM_SCOPE, sourceId).catch(() => null);
    if (!platformConfig || !(await this.migrations.hasCompletedBackupsOn(sourceId, scope)))
      throw notFound('Storage config');
  }

  async create(
    auth: AuthContext,
    scope: MigrationScope,
    sourceId: string,
    dto: CreateBackupMigrationDto,
  ): Promise<BackupMigrationResponse> {
    await this.requireSource(scope, sourceId); // 404 outside the scope
    if (dto.target_storage_config_id === sourceId)
      throw invalid('target_storage_config_id', 'is the source storage config itself');
    const target = await this.storageConfigs
      .get(scope, dto.target_storage_config_id)
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'not_found') throw notFound('Target storage config');
        throw err;
      });
    if (!target.is_active)
      throw invalid('target_storage_config_id', `storage config "${target.name}" is inactive`);
    if (scope !== null) {
      const settings = await this.storageConfigs.storageSettings();
      if (!(settings.enabled_providers as string[]).includes(target.provider))
        throw invalid(
          'target_storage_config_id',
          `storage config "${target.name}" uses provider '${target.provider}', which the platform has disabled`,
        );
    }

    if (dto.backup_ids) {
      const ids = [...new Set(dto.backup_ids.map((i) => i.toLowerCase()))];
      const found = scope === null ? [] : await this.migrations.backupsByIds(scope, ids);
      const byId = new Map(found.map((b) => [b.id, b]));
      if (scope !== null) {
        const missing = ids.filter((i) => !byId.has(i));
        if (missing.length)
          throw invalid('backup_ids', `no backup ${missing.slice(0, 5).join(', ')} in this organization`);
        const elsewhere = found.filter((b) => b.storage_config_id !== sourceId).map((b) => b.id);
        if (elsewhere.length)
          throw invalid(
            'backup_ids',
            `backup ${elsewhere.slice(0, 5).join(', ')} is not on the source storage config`,
          );
        const notCompleted = found.filter((b) => b.status !== 'completed');
        if (notCompleted.length)
          throw invalid(
            'backup_ids',
            `backup ${notCompleted[0]!.id} is ${notCompleted[0]!.status}; only completed backups can be migrated`,
          );
      }
    }
    const selected = await this.migrations.completedBackupsOn(sourceId, {
      organizationId: scope ?? undefined,
      environmentId: dto.environment_id,
      ids: dto.backup_ids?.map((i) => i.toLowerCase()),
    });
    if (scope === null && dto.backup_ids && selected.length !== new Set(dto.backup_ids).size)
      throw invalid('backup_ids', 'every backup must be completed and on the source storage config');
    if (!selected.length)
      throw new DomainError(
        'bad_request',
        'No completed backups on this storage config match: nothing to migrate.',
      );
    const busy = await this.migrations.activeBackupIds(selected.map((b) => b.id));
    if (busy.length) throw this.alreadyMigrating(busy);

    const id = randomUUID();
    const migration = Object.assign(new BackupMigration(), {
      id,
      organizationId: scope,
      sourceStorageConfigId: sourceId,
      targetStorageConfigId: target.id,
      environmentId: dto.environment_id ?? null,
      deleteSource: dto.delete_source ?? false,
      status: 'pending',
      totalBackups: selected.length,
      bytesTotal: selected.reduce((n, b) => n + b.totalSizeBytes, 0),
      attempts: 0,
      createdBy: auth.userId ?? null,
    });
    const items = selected.map((b, position) =>
      Object.assign(new BackupMigrationItem(), {
        migrationId: id,
        backupId: b.id,
        organizationId: b.organizationId,
        position,
        state: 'pending',
        bytesTotal: b.totalSizeBytes,
        bytesCopied: 0,
      }),
    );
    try {
      await this.tx.run(async () => {
        await this.migrations.insert(migration, items);
        if (scope !== null)
          await this.audit.record(auth, {
            action: 'backup_migration.create',
            targetType: 'backup_migration',
            targetId: id,
            organizationId: scope,
            diff: {
              source_storage_config_id: sourceId,
              target_storage_config_id: target.id,
              total_backups: selected.length,
              delete_source: migration.deleteSource,
            },
          });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw this.alreadyMigrating(await this.migrations.activeBackupIds(selected.map((b) => b.id)));
      throw err;
    }
    if (scope === null) {
      // Platform migrations belong to no organization; the audit table is per organization.
      this.logger.log(
        {
          actor: auth.email,
          migration_id: id,
          source: sourceId,
          target: target.id,
          backups: selected.length,
        },
        'Platform backup migration started',
      );
    }
    await this.queue.send<MigrationJob>(MIGRATION_QUEUE, { migrationId: id });
    return this.get(scope, id);
  }

  async get(scope: MigrationScope, id: string): Promise<BackupMigrationResponse> {
    const m = await this.migrations.findById(scope, id);
    if (!m) throw notFound('Migration');
    const progress = (await this.migrations.progress([id])).get(id)!;
    return toBackupMigrationResponse(m, progress, await this.migrations.itemsOf(id));
  }

  async list(scope: MigrationScope, q: PageQuery): Promise<BackupMigrationPageResponse> {
    const page = pageRequest(q);
    const { rows, next } = await this.migrations.list(scope, page);
    const progress = await this.migrations.progress(rows.map((r) => r.id));
    return toPage(
      page,
      next,
      rows.map((r) => toBackupMigrationResponse(r, progress.get(r.id)!)),
    );
  }

  /** A running migration stops after the backup it is moving; a pending one ends at once. */
  async cancel(auth: AuthContext, scope: MigrationScope, id: string): Promise<BackupMigrationResponse> {
    const m = await this.migrations.findById(scope, id);
    if (!m) throw notFound('Migration');
    if (m.status !== 'pending' && m.status !== 'running')
      throw new DomainError(
        'conflict',
        `The migration is ${m.status}; only pending or running migrations can be cancelled.`,
      );
    await this.migrations.requestCancel(id);
    if (scope !== null)
      await this.audit.record(auth, {
        action: 'backup_migration.cancel',
        targetType: 'backup_migration',
        targetId: id,
        organizationId: scope,
      });
    return this.get(scope, id);
  }

  private alreadyMigrating(ids: string[]): DomainError {
    return invalid(
      'backup_ids',
      `backup ${ids.slice(0, 5).join(', ')} is already being migrated; wait for that migration or cancel it`,
    );
  }
}
