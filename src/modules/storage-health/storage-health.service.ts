import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { Transactions } from '../../common/database/transactions.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import type { StorageConfig, StorageHealth } from '../storage-configs/storage-config.entity.js';
import type { ConfigScope } from '../storage-configs/storage-configs.repository.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import type { TestConnectionReport } from '../storage/storage-driver.js';
import type { StorageHealthResponse } from './dto/storage-health-responses.dto.js';
import { StorageHealthProbe } from './storage-health-probe.entity.js';
import { StorageHealthRepository } from './storage-health.repository.js';

const CLAIM_BATCH = 20;
/** Probes one worker runs at once (each mostly waits on the network). */
const PROBE_CONCURRENCY = 4;
const PROBE_TIMEOUT_MS = 120_000;

/** Consecutive failures → health: one is degraded, two or more unhealthy. */
export function healthAfter(failures: number): StorageHealth {
  return failures <= 0 ? 'healthy' : failures === 1 ? 'degraded' : 'unhealthy';
}

/**
 * Probes every active storage config (tenant and platform) every storage_probe_interval_minutes,
 * each at its own offset in the interval, from whichever worker claims it first. A transition to
 * unhealthy emits storage.unhealthy, and the first success after it storage.recovered, in the
 * transaction that records the probe. Health informs; it never blocks a test or a backup.
 */
@Injectable()
export class StorageHealthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('StorageHealth');
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<number> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly repo: StorageHealthRepository,
    private readonly storageConfigs: StorageConfigsService,
    private readonly connections: StorageConnectionsService,
    private readonly outbox: NotificationOutbox,
    private readonly metrics: MetricsService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.workerEnabled) return;
    this.timer = setInterval(() => void this.tick(), this.config.storageHealth.tickSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.ticking?.catch(() => undefined);
  }

  /** Probes the configs that are due now; returns how many were probed. */
  tick(): Promise<number> {
    if (this.ticking || !this.queue.isStarted()) return this.ticking ?? Promise.resolve(0);
    this.ticking = this.probeDue()
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'Storage probe tick failed');
        return 0;
      })
      .finally(() => {
        this.ticking = undefined;
      });
    return this.ticking;
  }

  private async probeDue(): Promise<number> {
    const settings = await this.storageConfigs.storageSettings();
    const interval = settings.storage_probe_interval_minutes * 60;
    let probed = 0;
    for (;;) {
      const now = this.clock.now();
      await this.repo.scheduleNew(now, interval);
      const due = await this.tx.run(() => this.repo.claimDue(now, interval, CLAIM_BATCH));
      const queue = [...due];
      await Promise.all(
        Array.from({ length: Math.min(PROBE_CONCURRENCY, queue.length) }, async () => {
          for (let c = queue.shift(); c && !this.stopping.signal.aborted; c = queue.shift()) {
            await this.probe(c.organization_id, c.id).catch((err: unknown) =>
              this.logger.warn({ err, storage_config_id: c!.id }, 'Storage probe failed to run'),
            );
            probed++;
          }
        }),
      );
      if (this.stopping.signal.aborted || due.length < CLAIM_BATCH) return probed;
    }
  }

  /** One light probe of a config, recorded with its consequences. */
  async probe(scope: ConfigScope, id: string): Promise<void> {
    const started = Date.now();
    let report: TestConnectionReport;
    try {
      report = await this.connections.probeLight(
        scope,
        id,
        AbortSignal.any([this.stopping.signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'not_found') return; // deleted meanwhile
      throw err;
    }
    const failedStep = report.steps.find((s) => s.status === 'failed');
    await this.record(id, {
      success: report.success,
      errorCode: failedStep?.code ?? (report.success ? null : 'unknown'),
      message: report.message,
      failedStep: failedStep?.name ?? null,
      latencyMs: report.latency_ms,
      durationMs: Date.now() - started,
    });
  }

  /**
   * A backup failed with a storage error: the config is degraded at once (unless already
   * unhealthy) and probed at the next tick to confirm. Runs in the caller's transaction.
   */
  async backupStorageFailure(configId: string, code: string, message: string): Promise<void> {
    const row = await this.repo.lockConfig(configId);
    if (!row || row.health === 'unhealthy') return;
    const now = this.clock.now();
    await this.repo.updateHealth(configId, {
      health: 'degraded',
      healthFailures: Math.max(row.healthFailures, 1),
      healthCheckedAt: now,
      healthErrorCode: code,
      healthMessage: `A backup failed on this storage: ${message}`.slice(0, 1000),
      nextProbeAt: now,
    });
  }

  private async record(
    configId: string,
    r: {
      success: boolean;
      errorCode: string | null;
      message: string;
      failedStep: string | null;
      latencyMs: number | null;
      durationMs: number;
    },
  ): Promise<void> {
    let provider = 'unknown';
    await this.tx.run(async () => {
      const row = await this.repo.lockConfig(configId);
      if (!row) return;
      provider = row.provider;
      const now = this.clock.now();
      const failures = r.success ? 0 : row.healthFailures + 1;
      const health = healthAfter(failures);
      await this.repo.updateHealth(configId, {
        health,
        healthFailures: failures,
        healthCheckedAt: now,
        healthErrorCode: r.success ? null : r.errorCode,
        healthMessage: r.message.slice(0, 1000),
        ...(r.success ? { lastHealthyAt: now } : {}),
      });
      await this.repo.insertProbe(
        Object.assign(new StorageHealthProbe(), {
          id: randomUUID(),
          organizationId: row.organizationId,
          storageConfigId: configId,
          checkedAt: now,
          success: r.success,
          health,
          errorCode: r.success ? null : r.errorCode,
          message: r.message.slice(0, 1000),
          failedStep: r.failedStep,
          latencyMs: r.latencyMs,
          durationMs: r.durationMs,
        }),
      );
      await this.notifyTransition(row, health, failures, r, now);
    });
    this.metrics.storageProbe(r.success ? 'success' : 'failure', provider);
  }

  private async notifyTransition(
    row: StorageConfig,
    health: StorageHealth,
    failures: number,
    r: { errorCode: string | null; message: string; failedStep: string | null },
    now: Date,
  ): Promise<void> {
    const turnedUnhealthy = health === 'unhealthy' && row.health !== 'unhealthy';
    const recovered = health === 'healthy' && row.health === 'unhealthy';
    if (!turnedUnhealthy && !recovered) return;
    const log = { storage_config_id: row.id, organization_id: row.organizationId, health };
    if (row.organizationId === null) {
      // Platform configs belong to no organization: operators learn it from logs and metrics.
      this.logger.warn(log, `Platform storage config "${row.name}" is now ${health}`);
      return;
    }
    this.logger.log(log, `Storage config is now ${health}`);
    const storage = { id: row.id, name: row.name, provider: row.provider };
    if (turnedUnhealthy) {
      await this.outbox.emit(row.organizationId, 'storage.unhealthy', {
        storage_config: storage,
        health,
        consecutive_failures: failures,
        error_code: r.errorCode,
        failed_step: r.failedStep,
        message: r.message,
        checked_at: now.toISOString(),
        last_healthy_at: row.lastHealthyAt?.toISOString() ?? null,
      });
    } else {
      await this.outbox.emit(row.organizationId, 'storage.recovered', {
        storage_config: storage,
        health,
        checked_at: now.toISOString(),
        unhealthy_since: row.healthCheckedAt?.toISOString() ?? null,
        last_error_code: row.healthErrorCode,
      });
    }
  }

  /** The config's health and its last 50 probes, newest first. */
  async history(scope: ConfigScope, id: string): Promise<StorageHealthResponse> {
    // Probes first: a probe and the config's health are committed together, so a probe seen here
    // means the config read next already carries its outcome (read committed, statement by statement).
    await this.storageConfigs.get(scope, id); // 404 for another organization's config, before anything
    const probes = await this.repo.listProbes(id);
    const config = await this.storageConfigs.get(scope, id);
    return {
      storage_config_id: config.id,
      health: config.health,
      health_checked_at: config.health_checked_at,
      health_error_code: config.health_error_code,
      health_message: config.health_message,
      last_healthy_at: config.last_healthy_at,
      probes: probes.map((p) => ({
        checked_at: p.checkedAt.toISOString(),
        success: p.success,
        health: p.health,
        error_code: p.errorCode,
        failed_step: p.failedStep,
        message: p.message,
        latency_ms: p.latencyMs,
        duration_ms: p.durationMs,
      })),
    };
  }
}
