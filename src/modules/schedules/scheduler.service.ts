import { BackupsRepository } from '../backups/backups.repository.js';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import type { Backup } from '../backups/backup.entity.js';
import { BackupsService } from '../backups/backups.service.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { BackupStorageResolver } from '../backups/backup-storage.resolver.js';
import { CronSpec } from './cron.js';
import { ScheduleRun, type ScheduleRunStatus } from './schedule.entity.js';
import { jitterOffsetMs, nextFireAfter } from './schedule-timing.js';
import { SchedulesRepository } from './schedules.repository.js';

/** Missed due times counted per catch-up (and listed: the first 100). */
const MISSED_COUNT_LIMIT = 10_000;
const MISSED_LIST_LIMIT = 100;

/**
 * Turns due schedules into backups. Each tick claims due schedules one at a time: the row is locked
 * (FOR UPDATE SKIP LOCKED, so workers never wait on each other) and its next_run_at moved past
 * "now" in the transaction that inserts the backup and the run record, so each due time produces
 * one backup however many workers tick. A schedule due several times while no worker ran runs
 * once; the missed times are recorded on that run. "Now" is the injected Clock.
 */
@Injectable()
export class SchedulerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<number> | null = null;

  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly backups: BackupsService,
    private readonly backupRows: BackupsRepository,
    private readonly environments: EnvironmentsService,
    private readonly backupStorage: BackupStorageResolver,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.workerEnabled) return;
    this.timer = setInterval(() => void this.tick(), this.config.schedules.tickSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Runs every schedule due at the Clock's now; returns how many runs were recorded. */
  tick(): Promise<number> {
    // One tick at a time per process (the timer and a caller may overlap); others wait for it.
    this.ticking ??= this.doTick().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async doTick(): Promise<number> {
    const now = this.clock.now();
    let handled = 0;
    // A schedule whose claim failed unexpectedly (its transaction rolled back) is left for the next
    // tick, so it cannot hold up the others.
    const failed: string[] = [];
    await this.requeueStranded();
    for (let i = 0; i < 1000; i++) {
      let current: string | undefined;
      try {
        const claimed = await this.tx.run(() =>
          this.claimOne(now, failed, (id) => {
            current = id;
          }),
        );
        if (!claimed) break;
        handled++;
        if (claimed.backup) await this.backups.enqueue(claimed.backup);
      } catch (err) {
        this.logger.warn({ err, schedule_id: current }, 'Scheduler claim failed');
        if (!current) break;
        failed.push(current);
      }
    }
    return handled;
  }

  private async requeueStranded(): Promise<void> {
    try {
      for (const b of await this.backupRows.strandedScheduled()) {
        this.logger.warn(
          { organization_id: b.organizationId, backup_id: b.id },
          'Queueing a stranded scheduled backup again',
        );
        await this.backupRows.touch(b.organizationId, b.id);
        await this.backups.enqueue(b);
      }
    } catch (err) {
      this.logger.warn({ err }, 'Requeueing stranded scheduled backups failed');
    }
  }

  private async claimOne(
    now: Date,
    exclude: string[],
    onLocked: (id: string) => void,
  ): Promise<{ backup: Backup | null } | null> {
    const s = await this.schedules.lockNextDue(now, exclude);
    if (!s || !s.nextRunAt) return null;
    onLocked(s.id);
    const firedAt = s.nextRunAt;
    const record = async (
      status: ScheduleRunStatus,
      reason: string | null,
      backup: Backup | null,
      next: Date | null,
      dueAt: Date,
      missed: Date[],
      missedCount: number,
    ) => {
      const moved = await this.schedules.advance(s, firedAt, {
        nextRunAt: next,
        lastRunAt: now,
        lastBackupId: backup?.id ?? s.lastBackupId,
        lastStatus: status,
        lastReason: reason,
      });
      if (!moved) throw new Error(`Schedule ${s.id} was claimed twice`);
      await this.schedules.insertRun(
        Object.assign(new ScheduleRun(), {
          id: randomUUID(),
          organizationId: s.organizationId,
          scheduleId: s.id,
          dueAt,
          claimedAt: now,
          status,
          reason,
          backupId: backup?.id ?? null,
          missedTimes: missed.slice(0, MISSED_LIST_LIMIT).map((d) => d.toISOString()),
          missedCount,
        } satisfies Partial<ScheduleRun>),
      );
    };

    let spec: CronSpec;
    try {
      spec = CronSpec.parse(s.cron, s.timezone);
    } catch (err) {
      await record(
        'failed',
        `The schedule cannot be evaluated: ${(err as Error).message}`,
        null,
        null,
        firedAt,
        [],
        0,
      );
      return { backup: null };
    }
    // Due times after the claimed one that also passed (workers were down): run once, for the newest.
    const off = jitterOffsetMs(s);
    const later = spec
      .between(new Date(firedAt.getTime() - off), new Date(now.getTime() - off), MISSED_COUNT_LIMIT)
      .map((d) => new Date(d.getTime() + off));
    const dueAt = later.length ? later[later.length - 1]! : firedAt;
    const missed = later.length ? [firedAt, ...later.slice(0, -1)] : [];
    const next = nextFireAfter(spec, s, now);
    const log = { organization_id: s.organizationId, schedule_id: s.id, due_at: dueAt.toISOString() };

    const active = await this.schedules.activeBackupOf(s.organizationId, s.environmentId);
    if (active) {
      const reason = `The previous backup ${active} of this environment was still pending or running.`;
      await record('skipped', reason, null, next, dueAt, missed, missed.length);
      this.logger.log({ ...log, backup_id: active }, 'Scheduled run skipped: a backup is still running');
      return { backup: null };
    }
    try {
      const env = await this.environments.require(s.organizationId, s.environmentId);
      const { config } = await this.backupStorage.resolveForBackup(
        s.organizationId,
        s.storageConfigId,
        env.storageConfigId,
      );
      const backup = await this.backups.insertPending(s.organizationId, env, config.id, {
        trigger: 'schedule',
        scheduleId: s.id,
        createdBy: null,
        note: `Scheduled: ${s.name}`,
      });
      await this.audit.recordSystem(s.organizationId, {
        action: 'backup.create',
        targetType: 'backup',
        targetId: backup.id,
        diff: {
          environment_id: env.id,
          storage_config_id: config.id,
          schedule_id: s.id,
          due_at: dueAt.toISOString(),
        },
      });
      await record('started', null, backup, next, dueAt, missed, missed.length);
      this.logger.log({ ...log, backup_id: backup.id, missed: missed.length }, 'Scheduled backup created');
      return { backup };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await record('failed', err.detail, null, next, dueAt, missed, missed.length);
      this.logger.warn({ ...log, err: err.detail }, 'Scheduled run failed');
      return { backup: null };
    }
  }
}
