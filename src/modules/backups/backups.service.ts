import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { Clock } from '../../common/clock/clock.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { pageRequest, toPage } from '../../common/http/page-cursor.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { StorageError } from '../storage/storage-errors.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { BackupStorageResolver } from './backup-storage.resolver.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import { BACKUP_QUEUE, BackupRunnerService, type BackupJob } from './backup-runner.service.js';
import { Backup, type BackupTrigger } from './backup.entity.js';
import { BackupsRepository } from './backups.repository.js';
import { toBackupResponse } from './backups.mapper.js';
import type { CreateBackupDto, ListBackupsQuery, UpdateBackupDto } from './dto/backup-input.dto.js';
import type { BackupPageResponse, BackupResponse } from './dto/backup-responses.dto.js';

/** UTC timestamp for object folders: 20261122T031500Z (sorts by time). */
function folderTimestamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

@Injectable()
export class BackupsService implements OnModuleInit {
  private readonly logger = new Logger('Backups');

  constructor(
    private readonly backups: BackupsRepository,
    private readonly environments: EnvironmentsService,
    private readonly storageConfigs: StorageConfigsService,
    private readonly backupStorage: BackupStorageResolver,
    private readonly storageConnections: StorageConnectionsService,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly resolvers: ResourceOrgResolvers,
    private readonly runner: BackupRunnerService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('backup_id', (id) => this.backups.findOrganizationId(id));
  }

  async create(auth: OrgAuthContext, dto: CreateBackupDto): Promise<BackupResponse> {
    const orgId = auth.organizationId;
    const env = await this.environments.require(orgId, dto.environment_id);
    const { config } = await this.backupStorage.resolveForBackup(
      orgId,
      dto.storage_config_id,
      env.storageConfigId,
    );
    const backup = await this.tx.run(async () => {
      const b = await this.insertPending(orgId, env, config.id, {
        trigger: 'manual',
        scheduleId: null,
        createdBy: auth.userId,
        note: dto.note ?? null,
      });
      await this.audit.record(auth, {
        action: 'backup.create',
        targetType: 'backup',
        targetId: b.id,
        diff: { environment_id: env.id, storage_config_id: config.id },
      });
      return b;
    });
    await this.enqueue(backup);
    return this.get(auth, backup.id);
  }

  /**
   * Inserts a pending backup row (call inside a transaction; queue it with enqueue() after the
   * commit). Shared by manual backups and the scheduler.
   */
  async insertPending(
    orgId: string,
    env: { id: string; name: string; dumpFormat: string; compression: string },
    storageConfigId: string,
    opts: {
      trigger: BackupTrigger;
      scheduleId: string | null;
      createdBy: string | null;
      note: string | null;
    },
  ): Promise<Backup> {
    const org = await this.backups.organizationOf(orgId);
    const id = randomUUID();
    const now = this.clock.now();
    const backup = Object.assign(new Backup(), {
      id,
      organizationId: orgId,
      environmentId: env.id,
      storageConfigId,
      objectPrefix: `${org.slug}/${env.name}/${folderTimestamp(now)}-${id}/`,
      status: 'pending',
      note: opts.note,
      dumpFormat: env.dumpFormat,
      compression: env.compression,
      parts: [],
      trigger: opts.trigger,
      scheduleId: opts.scheduleId,
      protected: false,
      createdBy: opts.createdBy,
      createdAt: now,
    } satisfies Partial<Backup>);
    await this.backups.insert(backup);
    return backup;
  }

  /** Queues a pending backup's job (one backup per environment at a time). */
  async enqueue(backup: Pick<Backup, 'id' | 'organizationId' | 'environmentId'>): Promise<void> {
    try {
      await this.queue.send<BackupJob>(
        BACKUP_QUEUE,
        { organizationId: backup.organizationId, backupId: backup.id },
        { singletonKey: backup.environmentId },
      );
    } catch (err) {
      this.logger.error({ err, backup_id: backup.id }, 'Could not queue the backup');
      await this.backups.fail(
        backup.organizationId,
        backup.id,
        'internal',
        'The backup could not be queued; try again.',
      );
    }
  }

  async update(auth: OrgAuthContext, id: string, dto: UpdateBackupDto): Promise<BackupResponse> {
    const orgId = auth.organizationId;
    await this.tx.run(async () => {
      const current = await this.require(orgId, id);
      if (dto.protected !== undefined && dto.protected !== current.protected) {
        await this.backups.setProtected(orgId, id, dto.protected);
        await this.audit.record(auth, {
          action: dto.protected ? 'backup.protect' : 'backup.unprotect',
          targetType: 'backup',
          targetId: id,
          diff: { protected: { from: current.protected, to: dto.protected } },
        });
      }
    });
    return this.get(auth, id);
  }

  async get(auth: OrgAuthContext, id: string): Promise<BackupResponse> {
    return (await this.respond([await this.require(auth.organizationId, id)]))[0]!;
  }

  /** Responses with where each backup is stored (name and provider only, platform configs too). */
  private async respond(rows: Backup[]): Promise<BackupResponse[]> {
    const storage = await this.storageConfigs.summaries([...new Set(rows.map((b) => b.storageConfigId))]);
    return rows.map((b) => toBackupResponse(b, storage.get(b.storageConfigId) ?? null));
  }

  async list(auth: OrgAuthContext, q: ListBackupsQuery): Promise<BackupPageResponse> {
    const page = pageRequest(q);
    const result = await this.backups.list(
      auth.organizationId,
      { environmentId: q.environment_id, status: q.status, storageConfigId: q.storage_config_id },
      page,
    );
    return toPage(page, result.next, await this.respond(result.rows));
  }

  async cancel(auth: OrgAuthContext, id: string): Promise<BackupResponse> {
    const current = await this.require(auth.organizationId, id);
    const status = await this.backups.requestCancel(auth.organizationId, id);
    if (!status) {
      throw new DomainError(
        'conflict',
        `The backup is ${current.status}; only pending or running backups can be cancelled.`,
      );
    }
    if (status === 'running') {
      await this.runner.cancelRunning(auth.organizationId, id);
    }
    await this.audit.record(auth, { action: 'backup.cancel', targetType: 'backup', targetId: id });
    return this.get(auth, id);
  }

  /** Deletes the objects, then the record; an unreachable storage keeps it as delete_failed. */
  async remove(auth: OrgAuthContext, id: string): Promise<void> {
    const orgId = auth.organizationId;
    const backup = await this.require(orgId, id);
    if (backup.status === 'pending' || backup.status === 'running') {
      throw new DomainError(
        'conflict',
        `The backup is ${backup.status}; cancel it or wait for it to finish before deleting it.`,
      );
    }
    if (backup.protected) {
      throw new DomainError(
        'conflict',
        'The backup is protected; set protected to false (PATCH /backups/{backup_id}) before deleting it.',
      );
    }
    if (await this.backups.isBeingMigrated(id)) {
      throw new DomainError(
        'conflict',
        'The backup is being moved to another storage config; cancel that migration or wait for it before deleting the backup.',
      );
    }
    const result = await this.deleteCatalogued(orgId, id, { sweepFolder: true }, async (b) => {
      await this.audit.record(auth, {
        action: 'backup.delete',
        targetType: 'backup',
        targetId: id,
        diff: { environment_id: b.environmentId, total_size_bytes: b.totalSizeBytes },
      });
    });
    if (result.outcome === 'failed') {
      throw new DomainError('unavailable', result.message, { error_code: result.errorCode });
    }
    if (result.outcome === 'skipped') {
      throw new DomainError(
        'conflict',
        'The backup cannot be deleted now: it is being restored or verified, or it changed meanwhile; try again later.',
      );
    }
  }

  /**
   * The one delete path (manual deletes, retention, the sweep's retries): the row is first marked
   * delete_failed ("deleting"), so a worker killed half-way leaves a row the sweep deletes again,
   * never objects without a row; then the catalog's own objects (its parts' keys: nothing is
   * listed to decide) are deleted; then the row, and the storage counters, in one transaction with
   * `inTx` (the caller's audit). sweepFolder also empties the backup's own folder (manual deletes
   * only; retention touches only the keys the catalog lists). Skipped when the backup is protected,
   * pending or running, or gone.
   */
  async deleteCatalogued(
    orgId: string,
    id: string,
    opts: { sweepFolder: boolean },
    inTx: (b: Backup) => Promise<void> = async () => undefined,
  ): Promise<
    | { outcome: 'deleted'; backup: Backup }
    | { outcome: 'skipped' }
    | { outcome: 'failed'; errorCode: string; message: string }
  > {
    const backup = await this.backups.markDeleting(orgId, id);
    if (!backup) return { outcome: 'skipped' };
    const driver = await this.storageConnections
      .openDriverFor(backup.storageConfigId)
      .catch((err: unknown) => err as Error);
    try {
      if (driver instanceof Error) throw driver;
      for (const p of backup.parts) await driver.delete(p.key);
      if (opts.sweepFolder) await driver.deletePrefix(backup.objectPrefix);
      // Directory storages keep a folder after its last file: remove the backup's own folder when
      // nothing else is in it (a stranger's file keeps it, and it is never emptied by force).
      await driver.removeEmptyFolder?.(backup.objectPrefix);
    } catch (err) {
      const e = err instanceof StorageError ? err : new StorageError('unknown', (err as Error).message);
      const message = `Deleting the backup's objects failed: ${e.message}${e.hint ? ` ${e.hint}` : ''} The backup is kept; delete it again later.`;
      await this.backups.markDeleteFailed(orgId, id, e.code, message);
      return { outcome: 'failed', errorCode: e.code, message };
    } finally {
      if (!(driver instanceof Error)) await driver.close().catch(() => undefined);
    }
    const gone = await this.tx.run(async () => {
      // Two deleters of one backup (a retry racing a slow first attempt) adjust the counters once.
      if (!(await this.backups.deleteRow(orgId, id))) return false;
      if (backup.usageCounted)
        await this.storageConfigs.addUsage(backup.storageConfigId, -backup.totalSizeBytes, -1);
      await inTx(backup);
      return true;
    });
    return gone ? { outcome: 'deleted', backup } : { outcome: 'skipped' };
  }

  /** Retries manual deletes that failed (scheduled backups' are retried by their retention run). */
  async retryFailedDeletes(): Promise<void> {
    for (const b of await this.backups.findDeleteFailed({ manualOnly: true })) {
      await this.deleteCatalogued(b.organizationId, b.id, { sweepFolder: true }, async () => {
        await this.audit.recordSystem(b.organizationId, {
          action: 'backup.delete',
          targetType: 'backup',
          targetId: b.id,
          diff: { environment_id: b.environmentId, total_size_bytes: b.totalSizeBytes, retried: true },
        });
      });
    }
  }

  /** Rows of failed backups (no objects: cleanup done) that ended before `before`. */
  pruneFailed(before: Date): Promise<number> {
    return this.backups.pruneFailed(before);
  }

  private async require(organizationId: string, id: string): Promise<Backup> {
    const b = await this.backups.findById(organizationId, id);
    if (!b) throw notFound('Backup');
    return b;
  }
}
