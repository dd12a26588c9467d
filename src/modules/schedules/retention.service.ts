import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { Transactions } from '../../common/database/transactions.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { BackupRunnerService } from '../backups/backup-runner.service.js';
import { BackupsService } from '../backups/backups.service.js';
import { StorageSettingsService } from '../storage-configs/storage-settings.service.js';
import {
  applyRetention,
  type RetentionDecision,
  type RetentionPolicy,
} from './retention/retention-policy.js';
import type { Schedule } from './schedule.entity.js';
import { SchedulesRepository } from './schedules.repository.js';

export const RETENTION_QUEUE = 'schedule.retention';

interface RetentionJob {
  [key: string]: string;
  organizationId: string;
  scheduleId: string;
}

export interface RetentionRunResult {
  deleted: string[];
  failed: { backup_id: string; error_code: string }[];
  kept: number;
}

/**
 * Runs retention: after each completed scheduled backup (a queued job, retried if its worker
 * dies) and in a periodic sweep. applyRetention() decides, for the preview and for the run alike;
 * deletion goes through BackupsService.deleteCatalogued (the catalog's own keys, never a listing).
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly backups: BackupsService,
    private readonly runner: BackupRunnerService,
    private readonly settings: StorageSettingsService,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.register<RetentionJob>(
      {
        name: RETENTION_QUEUE,
        policy: 'singleton',
        expireInSeconds: 3600,
        // A run whose worker died is retried by another worker after this, and finishes its work.
        heartbeatSeconds: 10,
        retryLimit: 5,
        retryDelaySeconds: 5,
      },
      async (job) => {
        await this.runForSchedule(job.organizationId, job.scheduleId, 'after_backup');
      },
    );
    this.runner.onCompleted(async (b) => {
      if (!b.scheduleId) return;
      await this.queue.send<RetentionJob>(
        RETENTION_QUEUE,
        { organizationId: b.organizationId, scheduleId: b.scheduleId },
        { singletonKey: b.scheduleId },
      );
    });
    if (this.config.workerEnabled) {
      this.sweepTimer = setInterval(
        () => void this.sweep(),
        this.config.schedules.retentionSweepSeconds * 1000,
      );
      this.sweepTimer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /** Every backup of the schedule with keep/delete and the reasons. Deletes nothing. */
  async decide(s: Schedule, policy: RetentionPolicy | null): Promise<RetentionDecision[]> {
    const candidates = await this.schedules.retentionCandidates(s.organizationId, s.id);
    const guards = await this.schedules.guards(s.organizationId, s.environmentId);
    return applyRetention(candidates, policy, s.timezone, guards, this.clock.now());
  }

  /** Applies the schedule's saved policy; one audit row per run that had something to delete. */
  async runForSchedule(
    organizationId: string,
    scheduleId: string,
    trigger: 'after_backup' | 'sweep',
  ): Promise<RetentionRunResult | null> {
    const s = await this.schedules.findById(organizationId, scheduleId);
    if (!s) return null;
    const decisions = await this.decide(s, s.retention);
    const result: RetentionRunResult = { deleted: [], failed: [], kept: 0 };
    for (const d of decisions) {
      if (d.action === 'keep') {
        result.kept++;
        continue;
      }
      const r = await this.backups.deleteCatalogued(organizationId, d.id, { sweepFolder: false });
      if (r.outcome === 'deleted') result.deleted.push(d.id);
      else if (r.outcome === 'failed') result.failed.push({ backup_id: d.id, error_code: r.errorCode });
    }
    await this.tx.run(async () => {
      await this.schedules.setRetentionRun(organizationId, scheduleId, this.clock.now());
      if (trigger === 'after_backup' || result.deleted.length || result.failed.length) {
        await this.audit.recordSystem(organizationId, {
          action: 'schedule.retention',
          targetType: 'schedule',
          targetId: scheduleId,
          diff: {
            trigger,
            policy: s.retention,
            deleted: result.deleted,
            failed: result.failed,
            kept: result.kept,
          },
        });
      }
    });
    if (result.deleted.length || result.failed.length) {
      this.logger.log(
        {
          organization_id: organizationId,
          schedule_id: scheduleId,
          deleted: result.deleted.length,
          failed: result.failed.length,
        },
        'Retention run',
      );
    }
    return result;
  }

  /**
   * Every schedule's retention again (which also retries its delete_failed backups), then the
   * manual backups whose deletion failed, then failed backups' rows past failed_backups_keep_days.
   */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const s of await this.schedules.withRetention()) {
        await this.runForSchedule(s.organizationId, s.id, 'sweep').catch((err: unknown) =>
          this.logger.warn({ err, schedule_id: s.id }, 'Retention run failed'),
        );
      }
      await this.backups.retryFailedDeletes();
      const { failed_backups_keep_days: days } = await this.settings.get();
      await this.backups.pruneFailed(new Date(this.clock.nowMs() - days * 86_400_000));
    } catch (err) {
      this.logger.warn({ err }, 'Retention sweep failed');
    } finally {
      this.sweeping = false;
    }
  }
}
