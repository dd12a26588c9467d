import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { Clock } from '../../common/clock/clock.js';
import { Transactions } from '../../common/database/transactions.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { CronSpec } from '../schedules/cron.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageSettingsService } from '../storage-configs/storage-settings.service.js';
import { BackupHealthRepository, type ScheduleTiming } from './backup-health.repository.js';
import type {
  BackupHealthResponse,
  EnvironmentHealth,
  HealthReason,
  OverallStatus,
} from './dto/backup-health-responses.dto.js';
import { EnvironmentFreshness } from './environment-freshness.entity.js';
import { freshness, type FreshnessResult } from './freshness.js';

const DAY_MS = 24 * 3600_000;

interface Expected {
  organizationId: string;
  environmentId: string;
  intervalMs: number;
  nextRunAt: Date | null;
}

/**
 * Backup freshness of scheduled environments and the organization's backup-health summary. A worker
 * sweep compares each scheduled environment's newest completed backup with its expected interval
 * (the shortest of its enabled schedules): turning stale emits backup.stale (again once a day while
 * it stays stale), and stale turning fresh emits backup.fresh, in the transaction that records it.
 */
@Injectable()
export class BackupHealthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('BackupHealth');
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly repo: BackupHealthRepository,
    private readonly storageConfigs: StorageConfigsService,
    private readonly settings: StorageSettingsService,
    private readonly outbox: NotificationOutbox,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.workerEnabled) return;
    this.timer = setInterval(() => void this.sweep(), this.config.storageHealth.freshnessTickSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  sweep(): Promise<void> {
    if (this.sweeping || !this.queue.isStarted()) return this.sweeping ?? Promise.resolve();
    this.sweeping = this.evaluateAll()
      .catch((err: unknown) => this.logger.warn({ err }, 'Freshness sweep failed'))
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  /** The expected interval per scheduled environment (the shortest among its enabled schedules). */
  private expected(schedules: ScheduleTiming[], now: Date): Map<string, Expected> {
    const out = new Map<string, Expected>();
    for (const s of schedules) {
      let minutes: number;
      try {
        minutes = CronSpec.parse(s.cron, s.timezone).minIntervalMinutes(now, 50);
      } catch {
        continue; // a schedule that no longer parses sets no expectation
      }
      if (!Number.isFinite(minutes) || minutes <= 0) continue;
      const next = s.next_run_at ? new Date(s.next_run_at) : null;
      const cur = out.get(s.environment_id);
      out.set(s.environment_id, {
        organizationId: s.organization_id,
        environmentId: s.environment_id,
        intervalMs: Math.min(cur?.intervalMs ?? Infinity, minutes * 60_000),
        nextRunAt:
          cur?.nextRunAt && (!next || cur.nextRunAt < next)
            ? cur.nextRunAt
            : (next ?? cur?.nextRunAt ?? null),
      });
    }
    return out;
  }

  private async evaluateAll(): Promise<void> {
    const now = this.clock.now();
    const s = await this.settings.get();
    const expected = this.expected(await this.repo.enabledSchedules(null), now);
    const byOrg = new Map<string, Expected[]>();
    for (const e of expected.values())
      byOrg.set(e.organizationId, [...(byOrg.get(e.organizationId) ?? []), e]);
    for (const [orgId, envs] of byOrg) {
      const newest = await this.repo.newestCompleted(
        orgId,
        envs.map((e) => e.environmentId),
      );
      for (const e of envs) {
        const r = freshness({
          intervalMs: e.intervalMs,
          newestCompletedAt: newest.get(e.environmentId) ?? null,
          now,
          lateFactor: s.freshness_late_factor,
          staleFactor: s.freshness_stale_factor,
        });
        await this.record(e, r, newest.get(e.environmentId) ?? null, now).catch((err: unknown) =>
          this.logger.warn({ err, environment_id: e.environmentId }, 'Recording freshness failed'),
        );
      }
    }
    await this.repo.dropUnscheduled();
  }

  private async record(e: Expected, r: FreshnessResult, newest: Date | null, now: Date): Promise<void> {
    await this.tx.run(async () => {
      const prev = await this.repo.lockFreshness(e.environmentId);
      const changed = prev?.freshness !== r.freshness;
      let staleNotifiedAt = r.freshness === 'stale' ? (prev?.staleNotifiedAt ?? null) : null;
      const data = async () => ({
        environment: {
          id: e.environmentId,
          name: await this.repo.environmentName(e.organizationId, e.environmentId),
        },
        freshness: r.freshness,
        expected_interval_seconds: Math.round(e.intervalMs / 1000),
        last_completed_at: newest?.toISOString() ?? null,
        age_seconds: r.ageMs === null ? null : Math.round(r.ageMs / 1000),
        stale_since: r.staleAt?.toISOString() ?? null,
      });
      if (
        r.freshness === 'stale' &&
        (!staleNotifiedAt || now.getTime() - staleNotifiedAt.getTime() >= DAY_MS)
      ) {
        await this.outbox.emit(e.organizationId, 'backup.stale', await data());
        staleNotifiedAt = now;
      } else if (r.freshness === 'fresh' && prev?.freshness === 'stale') {
        await this.outbox.emit(e.organizationId, 'backup.fresh', await data());
      }
      await this.repo.saveFreshness(
        Object.assign(new EnvironmentFreshness(), {
          environmentId: e.environmentId,
          organizationId: e.organizationId,
          freshness: r.freshness,
          intervalSeconds: Math.round(e.intervalMs / 1000),
          changedAt: changed || !prev ? now : prev.changedAt,
          checkedAt: now,
          staleNotifiedAt,
        }),
      );
    });
  }

  /** GET /organizations/{org_id}/backup-health. */
  async summary(auth: OrgAuthContext): Promise<BackupHealthResponse> {
    const orgId = auth.organizationId;
    const now = this.clock.now();
    const s = await this.settings.get();
    const expected = this.expected(await this.repo.enabledSchedules(orgId), now);
    const facts = await this.repo.environmentFacts(orgId);
    const reasons: HealthReason[] = [];
    const environments: EnvironmentHealth[] = facts.map((f) => {
      const e = expected.get(f.id);
      const lastCompleted = f.newest_taken_at ? new Date(f.newest_taken_at) : null;
      const r = e
        ? freshness({
            intervalMs: e.intervalMs,
            newestCompletedAt: lastCompleted,
            now,
            lateFactor: s.freshness_late_factor,
            staleFactor: s.freshness_stale_factor,
          })
        : null;
      if (r && r.freshness !== 'fresh') {
        const what = { stale: 'stale', late: 'late', never: 'without a completed backup' }[r.freshness];
        reasons.push({
          severity: r.freshness === 'stale' ? 'critical' : 'warning',
          code: `backup_${r.freshness}`,
          message: `Environment "${f.name}" is ${what}${lastCompleted ? ` (newest completed backup taken ${lastCompleted.toISOString()})` : ''}.`,
          environment_id: f.id,
          storage_config_id: null,
        });
      }
      return {
        id: f.id,
        name: f.name,
        freshness: r?.freshness ?? null,
        expected_interval_seconds: e ? Math.round(e.intervalMs / 1000) : null,
        last_completed_at: iso(f.last_completed_at),
        last_verified_at: iso(f.last_verified_at),
        last_failed_at: iso(f.last_failed_at),
        last_error:
          f.last_error_code !== null
            ? { code: f.last_error_code, message: f.last_error_message ?? '' }
            : null,
        next_scheduled_run_at: e?.nextRunAt ? e.nextRunAt.toISOString() : null,
        late_at: r?.lateAt?.toISOString() ?? null,
        stale_at: r?.staleAt?.toISOString() ?? null,
      };
    });
    const configs = await this.storageConfigs.list(orgId);
    for (const c of configs.filter((x) => x.is_active)) {
      if (c.health === 'unhealthy' || c.health === 'degraded') {
        reasons.push({
          severity: c.health === 'unhealthy' ? 'critical' : 'warning',
          code: `storage_${c.health}`,
          message: `Storage "${c.name}" is ${c.health}: ${c.health_message ?? ''}`.trim(),
          environment_id: null,
          storage_config_id: c.id,
        });
      }
    }
    const counts = await this.repo.failuresSince(orgId, new Date(now.getTime() - DAY_MS));
    if (counts.backups > 0)
      reasons.push({
        severity: 'warning',
        code: 'backups_failed',
        message: `${counts.backups} backup(s) failed in the last 24 hours.`,
        environment_id: null,
        storage_config_id: null,
      });
    if (counts.restores > 0)
      reasons.push({
        severity: 'warning',
        code: 'restores_failed',
        message: `${counts.restores} restore(s) or verification(s) failed in the last 24 hours.`,
        environment_id: null,
        storage_config_id: null,
      });
    reasons.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
    const status: OverallStatus = reasons.some((r) => r.severity === 'critical')
      ? 'critical'
      : reasons.length
        ? 'warning'
        : 'ok';
    return {
      status,
      reasons,
      generated_at: now.toISOString(),
      environments,
      storage_configs: configs.map((c) => ({
        id: c.id,
        name: c.name,
        provider: c.provider,
        health: c.health,
        health_checked_at: c.health_checked_at,
        health_message: c.health_message,
        is_active: c.is_active,
        total_size_bytes: c.total_size_bytes,
        object_count: c.object_count,
      })),
      last_24h: { backups_failed: counts.backups, restores_failed: counts.restores },
    };
  }
}

function iso(d: Date | string | null): string | null {
  return d ? new Date(d).toISOString() : null;
}
