import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** The backup's trigger column: POST /backups or a schedule. */
export type BackupTrigger = 'manual' | 'schedule';

const MiB = 1024 * 1024;
const BYTE_BUCKETS = [
  MiB,
  10 * MiB,
  100 * MiB,
  1024 * MiB,
  10 * 1024 * MiB,
  100 * 1024 * MiB,
  1024 * 1024 * MiB,
];
const JOB_SECONDS_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600];

/**
 * The process's Prometheus metrics (prom-client), in a registry of its own. Counters and histograms
 * count what this process did; the gauges (queues, storage health, outbox) are read from the
 * database at scrape time, so every process reports the same platform-wide values. Label values come
 * from fixed sets (statuses, health, providers, queue names, route templates): never ids or user input.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();

  private readonly backups = new Counter({
    name: 'offsite_backups_total',
    help: 'Backups that finished in this process, by final status and trigger.',
    labelNames: ['status', 'trigger'] as const,
    registers: [this.registry],
  });
  private readonly backupDuration = new Histogram({
    name: 'offsite_backup_duration_seconds',
    help: 'Duration of finished backups (start of the run to completion or failure).',
    labelNames: ['status'] as const,
    buckets: JOB_SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly backupBytes = new Histogram({
    name: 'offsite_backup_size_bytes',
    help: 'Stored size of completed backups (all objects, manifest included).',
    buckets: BYTE_BUCKETS,
    registers: [this.registry],
  });
  private readonly restores = new Counter({
    name: 'offsite_restores_total',
    help: 'Restores and verifications that finished in this process, by kind and final status.',
    labelNames: ['kind', 'status'] as const,
    registers: [this.registry],
  });
  private readonly restoreDuration = new Histogram({
    name: 'offsite_restore_duration_seconds',
    help: 'Duration of finished restores and verifications.',
    labelNames: ['kind', 'status'] as const,
    buckets: JOB_SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly restoreBytes = new Histogram({
    name: 'offsite_restore_size_bytes',
    help: 'Bytes read from storage by completed restores and verifications.',
    labelNames: ['kind'] as const,
    buckets: BYTE_BUCKETS,
    registers: [this.registry],
  });
  private readonly probes = new Counter({
    name: 'offsite_storage_probes_total',
    help: 'Light storage health probes run by this process, by result and provider.',
    labelNames: ['result', 'provider'] as const,
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: 'offsite_notification_deliveries_total',
    help: 'Notification delivery attempts by channel kind and result (delivered, retry, failed, gone).',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'offsite_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: 'offsite_queue_jobs',
    help: 'Jobs per queue and state (created, retry, active), from the job tables.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  private readonly queueOldest = new Gauge({
    name: 'offsite_queue_oldest_pending_seconds',
    help: 'Age of the oldest job per queue that is due and waits for a worker (0 when none).',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly storageConfigs = new Gauge({
    name: 'offsite_storage_configs',
    help: 'Active storage configs (tenant and platform) by health and provider.',
    labelNames: ['health', 'provider'] as const,
    registers: [this.registry],
  });
  private readonly outboxPending = new Gauge({
    name: 'offsite_notification_outbox_pending',
    help: 'Notification events written but not yet turned into deliveries.',
    registers: [this.registry],
  });
  private readonly deliveriesPending = new Gauge({
    name: 'offsite_notification_deliveries_pending',
    help: 'Deliveries waiting for their first attempt or a retry.',
    registers: [this.registry],
  });

  constructor(private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
  }

  backupFinished(
    status: 'completed' | 'failed',
    trigger: BackupTrigger,
    durationMs: number | null,
    bytes: number,
  ): void {
    this.backups.inc({ status, trigger });
    if (durationMs !== null) this.backupDuration.observe({ status }, durationMs / 1000);
    if (status === 'completed') this.backupBytes.observe(bytes);
  }

  restoreFinished(
    kind: 'restore' | 'verify',
    status: 'completed' | 'failed',
    durationMs: number | null,
    bytes: number,
  ): void {
    this.restores.inc({ kind, status });
    if (durationMs !== null) this.restoreDuration.observe({ kind, status }, durationMs / 1000);
    if (status === 'completed') this.restoreBytes.observe({ kind }, bytes);
  }

  storageProbe(result: 'success' | 'failure', provider: string): void {
    this.probes.inc({ result, provider });
  }

  notificationDelivery(kind: string, result: 'delivered' | 'retry' | 'failed' | 'gone'): void {
    this.deliveries.inc({ kind, result });
  }

  /** The text exposition, with the database gauges refreshed first. */
  async render(): Promise<{ contentType: string; body: string }> {
    await this.refreshGauges().catch((err: unknown) =>
      this.logger.warn({ err }, 'Could not read the database gauges for /metrics'),
    );
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async refreshGauges(): Promise<void> {
    const configs: { health: string; provider: string; n: number }[] = await this.dataSource.query(
      `SELECT health, provider, count(*)::int AS n FROM storage_configs WHERE is_active GROUP BY health, provider`,
    );
    this.storageConfigs.reset();
    for (const r of configs) this.storageConfigs.set({ health: r.health, provider: r.provider }, r.n);

    const [outbox]: { events: number; deliveries: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM notification_events WHERE dispatched_at IS NULL) AS events,
              (SELECT count(*)::int FROM notification_deliveries WHERE status IN ('pending', 'retrying')) AS deliveries`,
    );
    this.outboxPending.set(outbox?.events ?? 0);
    this.deliveriesPending.set(outbox?.deliveries ?? 0);

    const [hasBoss]: { present: boolean }[] = await this.dataSource.query(
      `SELECT to_regclass('pgboss.job') IS NOT NULL AS present`,
    );
    if (!hasBoss?.present) return;
    const jobs: { name: string; state: string; n: number; oldest: number | null }[] =
      await this.dataSource.query(
        `SELECT name, state::text AS state, count(*)::int AS n,
              EXTRACT(EPOCH FROM (now() - min(created_on) FILTER (WHERE state::text IN ('created', 'retry') AND start_after <= now())))::float AS oldest
         FROM pgboss.job WHERE state::text IN ('created', 'retry', 'active') GROUP BY name, state`,
      );
    const queues: { name: string }[] = await this.dataSource.query(`SELECT name FROM pgboss.queue`);
    this.queueJobs.reset();
    this.queueOldest.reset();
    for (const q of queues) {
      for (const state of ['created', 'retry', 'active']) this.queueJobs.set({ queue: q.name, state }, 0);
      this.queueOldest.set({ queue: q.name }, 0);
    }
    const oldest = new Map<string, number>();
    for (const r of jobs) {
      this.queueJobs.set({ queue: r.name, state: r.state }, r.n);
      if (r.oldest !== null) oldest.set(r.name, Math.max(oldest.get(r.name) ?? 0, r.oldest));
    }
    for (const [name, seconds] of oldest) this.queueOldest.set({ queue: name }, Math.max(0, seconds));
  }
}
