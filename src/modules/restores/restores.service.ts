import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { pageRequest, toPage } from '../../common/http/page-cursor.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { AuditService } from '../audit/audit.service.js';
import type { Backup } from '../backups/backup.entity.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { SourceError } from '../environments/source-error.js';
import type { CreateRestoreDto, ListRestoresQuery, VerifyBackupDto } from './dto/restore-input.dto.js';
import type { RestorePageResponse, RestoreResponse } from './dto/restore-responses.dto.js';
import { PgLoader } from './pg-loader.service.js';
import { RESTORE_QUEUE, RestoreRunnerService, type RestoreJob } from './restore-runner.service.js';
import { Restore, type RestoreKind } from './restore.entity.js';
import { RestoresRepository } from './restores.repository.js';
import { toRestoreResponse } from './restores.mapper.js';

@Injectable()
export class RestoresService implements OnModuleInit {
  private readonly logger = new Logger('Restores');

  constructor(
    private readonly restores: RestoresRepository,
    private readonly environments: EnvironmentsService,
    private readonly loader: PgLoader,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly resolvers: ResourceOrgResolvers,
    private readonly runner: RestoreRunnerService,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('restore_id', (id) => this.restores.findOrganizationId(id));
  }

  /** The target environment as the policy allows it now; a forbidden target is a 400 before anything runs. */
  private async checkedTarget(orgId: string, environmentId: string) {
    try {
      return await this.environments.checkedSource(orgId, environmentId, 'write');
    } catch (err) {
      if (err instanceof SourceError && err.code === 'source_forbidden')
        throw new SourceError(
          err.code,
          `The restore target is not allowed on this platform: ${err.message}`,
          {
            cause: err,
          },
        );
      throw err;
    }
  }

  /**
   * Queues a restore. into_empty is checked here first, so a non-empty target is a 409 before
   * anything is touched (the job checks again right before the swap).
   */
  async restore(auth: OrgAuthContext, backupId: string, dto: CreateRestoreDto): Promise<RestoreResponse> {
    const orgId = auth.organizationId;
    const backup = await this.requireCompleted(orgId, backupId, 'restored');
    const source = await this.checkedTarget(orgId, dto.target_environment_id ?? backup.environmentId);
    const env = { ...source.env, filestorePath: source.filestorePath };
    if (dto.mode === 'into_empty') {
      const conn = source.conn;
      let tables: string[] | null;
      try {
        tables = await this.loader.userTables(conn);
      } catch (err) {
        if (err instanceof SourceError)
          throw new SourceError(err.code, `The target database cannot be checked: ${err.message}`, {
            cause: err,
          });
        throw err;
      }
      if (tables?.length) {
        throw new DomainError(
          'conflict',
          `The target database "${conn.database}" has ${tables.length} user tables; into_empty needs a missing or empty database. Nothing was changed; use mode "replace" to keep the current database as a copy and restore over it.`,
        );
      }
      const hasFilestore = backup.parts.some((p) => p.name === 'filestore');
      if (hasFilestore && env.filestorePath && (await nonEmptyDir(env.filestorePath))) {
        throw new DomainError(
          'conflict',
          `The target filestore directory "${env.filestorePath}" is not empty; into_empty needs a missing or empty directory. Nothing was changed; use mode "replace" to keep it as a copy.`,
        );
      }
    }
    return this.enqueue(auth, backup, env.id, 'restore', { mode: dto.mode, deep: false });
  }

  async verify(auth: OrgAuthContext, backupId: string, dto: VerifyBackupDto): Promise<RestoreResponse> {
    const backup = await this.requireCompleted(auth.organizationId, backupId, 'verified');
    return this.enqueue(auth, backup, backup.environmentId, 'verify', {
      mode: null,
      deep: dto.deep ?? false,
    });
  }

  async get(auth: OrgAuthContext, id: string): Promise<RestoreResponse> {
    return toRestoreResponse(await this.require(auth.organizationId, id));
  }

  async list(auth: OrgAuthContext, q: ListRestoresQuery): Promise<RestorePageResponse> {
    const page = pageRequest(q);
    const { rows, next } = await this.restores.list(
      auth.organizationId,
      { backupId: q.backup_id, status: q.status, kind: q.kind },
      page,
    );
    return toPage(page, next, rows.map(toRestoreResponse));
  }

  async cancel(auth: OrgAuthContext, id: string): Promise<RestoreResponse> {
    const current = await this.require(auth.organizationId, id);
    const status = await this.restores.requestCancel(auth.organizationId, id);
    if (!status) {
      throw new DomainError(
        'conflict',
        `The ${current.kind} is ${current.status}; only pending or running ones can be cancelled.`,
      );
    }
    if (status === 'running') {
      await this.runner.cancelRunning(auth.organizationId, id);
    }
    await this.audit.record(auth, { action: `${current.kind}.cancel`, targetType: 'restore', targetId: id });
    return this.get(auth, id);
  }

  private async enqueue(
    auth: OrgAuthContext,
    backup: Backup,
    environmentId: string,
    kind: RestoreKind,
    opts: { mode: Restore['mode']; deep: boolean },
  ): Promise<RestoreResponse> {
    const orgId = auth.organizationId;
    const id = randomUUID();
    const restore = Object.assign(new Restore(), {
      id,
      organizationId: orgId,
      backupId: backup.id,
      targetEnvironmentId: environmentId,
      kind,
      mode: opts.mode,
      deep: opts.deep,
      status: 'pending',
      createdBy: auth.userId,
    } satisfies Partial<Restore>);
    await this.tx.run(async () => {
      await this.restores.insert(restore);
      await this.audit.record(auth, {
        action: `backup.${kind}`,
        targetType: 'backup',
        targetId: backup.id,
        diff: { restore_id: id, target_environment_id: environmentId, mode: opts.mode, deep: opts.deep },
      });
    });
    try {
      // One job per target environment at a time: restores and verifications of it queue.
      await this.queue.send<RestoreJob>(
        RESTORE_QUEUE,
        { organizationId: orgId, restoreId: id },
        { singletonKey: environmentId },
      );
    } catch (err) {
      this.logger.error({ err, restore_id: id }, 'Could not queue the restore');
      await this.restores.fail(orgId, id, 'internal', 'The job could not be queued; try again.');
    }
    return this.get(auth, id);
  }

  private async requireCompleted(orgId: string, backupId: string, what: string): Promise<Backup> {
    const backup = await this.restores.findBackup(orgId, backupId);
    if (!backup) throw notFound('Backup');
    if (backup.status !== 'completed') {
      throw new DomainError(
        'conflict',
        `The backup is ${backup.status}; only completed backups can be ${what}.`,
      );
    }
    return backup;
  }

  private async require(organizationId: string, id: string): Promise<Restore> {
    const r = await this.restores.findById(organizationId, id);
    if (!r) throw notFound('Restore');
    return r;
  }
}

async function nonEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return false;
    // A file (or something unreadable) where the directory should be is not empty either.
    return true;
  }
}
