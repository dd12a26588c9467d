import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { CredentialsCipher } from '../../common/crypto/credentials-cipher.js';
import { Transactions } from '../../common/database/transactions.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import { EmailSender } from '../../common/mail/email-sender.js';
import type { NotificationChannel } from './notification-channel.entity.js';
import { NotificationChannelsRepository } from './notification-channels.repository.js';
import { NotificationDelivery } from './notification-delivery.entity.js';
import { renderEmail, type EventBody } from './notification-events.js';
import { NotificationOutboxRepository } from './notification-outbox.repository.js';
import { postWebhook, signatureHeader, type EndpointSwitches } from './webhook-sender.js';

export const DELIVERY_QUEUE = 'notification.deliver';

interface DeliveryJob {
  [key: string]: string | number;
  organizationId: string;
  deliveryId: string;
  attempt: number;
}

const RELAY_INTERVAL_MS = 1000;
const SWEEP_INTERVAL_MS = 30_000;
const RELAY_BATCH = 50;
const MAX_DELAY_SECONDS = 3600;
/** A delivery due for this long without an attempt lost its job (crash between commit and send). */
const LOST_AFTER_MS = 60_000;

interface Outcome {
  ok: boolean;
  code: number | null;
  error: string | null;
  gone: boolean;
}

/**
 * Turns outbox events into deliveries (one per subscribed, enabled channel) and delivers them as
 * pg-boss jobs: one attempt per job, the next attempt a new job after an exponential delay
 * (NOTIFICATION_RETRY_BASE_SECONDS doubling, at most an hour apart) until the retry window ends.
 * 2xx (or an e-mail accepted by the SMTP server) is delivered; 410 Gone disables the channel.
 */
@Injectable()
export class NotificationDeliveryService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timers: NodeJS.Timeout[] = [];
  private relaying = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly outbox: NotificationOutboxRepository,
    private readonly channels: NotificationChannelsRepository,
    private readonly cipher: CredentialsCipher,
    private readonly email: EmailSender,
    private readonly storageConfigs: StorageConfigsService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.register<DeliveryJob>(
      {
        name: DELIVERY_QUEUE,
        // One attempt per job; these retries only cover a worker dying mid-attempt.
        retryLimit: 2,
        retryDelaySeconds: 5,
        expireInSeconds: Math.ceil(this.config.notifications.timeoutMs / 1000) + 60,
        concurrency: 4,
      },
      (job) => this.runJob(job),
    );
    if (!this.config.workerEnabled) return;
    const relay = setInterval(
      () => void this.relay().catch((err: unknown) => this.warn(err, 'relay')),
      RELAY_INTERVAL_MS,
    );
    const sweep = setInterval(
      () => void this.sweepLost().catch((err: unknown) => this.warn(err, 'sweep')),
      SWEEP_INTERVAL_MS,
    );
    relay.unref();
    sweep.unref();
    this.timers = [relay, sweep];
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  private warn(err: unknown, what: string): void {
    if (!this.queue.isStarted()) return; // starting or stopping
    this.logger.warn({ err }, `Notification ${what} failed`);
  }

  /** Moves undispatched outbox events into deliveries and queues their first attempt. */
  async relay(): Promise<number> {
    if (this.relaying || !this.queue.isStarted()) return 0;
    this.relaying = true;
    let total = 0;
    try {
      for (;;) {
        const { created, events } = await this.tx.run(async () => {
          const batch = await this.outbox.claimUndispatched(RELAY_BATCH);
          const now = this.clock.now();
          const made: NotificationDelivery[] = [];
          for (const event of batch) {
            for (const channel of await this.channels.subscribers(event.organizationId, event.type)) {
              const d = this.newDelivery(channel, event.payload as unknown as EventBody, event.id, now);
              await this.outbox.insertDelivery(d);
              made.push(d);
            }
          }
          await this.outbox.markDispatched(
            batch.map((e) => e.id),
            now,
          );
          return { created: made, events: batch.length };
        });
        for (const d of created) await this.enqueue(d.organizationId, d.id, 1, 0);
        total += created.length;
        if (events < RELAY_BATCH) break;
      }
    } finally {
      this.relaying = false;
    }
    return total;
  }

  newDelivery(
    channel: NotificationChannel,
    body: EventBody,
    eventId: string | null,
    now: Date,
  ): NotificationDelivery {
    return Object.assign(new NotificationDelivery(), {
      id: randomUUID(),
      organizationId: channel.organizationId,
      channelId: channel.id,
      eventId,
      eventType: body.type,
      payload: body as unknown as Record<string, unknown>,
      status: 'pending',
      attempts: 0,
      responseCode: null,
      lastError: null,
      nextAttemptAt: now,
      deliveredAt: null,
      createdAt: now,
    });
  }

  private async enqueue(organizationId: string, deliveryId: string, attempt: number, delaySeconds: number) {
    await this.queue.send<DeliveryJob>(
      DELIVERY_QUEUE,
      { organizationId, deliveryId, attempt },
      delaySeconds > 0 ? { startAfterSeconds: delaySeconds } : {},
    );
  }

  /** Re-queues deliveries whose job was lost; a duplicate job is harmless (attempts are claimed). */
  async sweepLost(): Promise<void> {
    if (!this.queue.isStarted()) return;
    const lost = await this.outbox.overdue(new Date(this.clock.nowMs() - LOST_AFTER_MS), 100);
    for (const d of lost) await this.enqueue(d.organizationId, d.id, d.attempts + 1, 0);
  }

  private async runJob(job: DeliveryJob): Promise<void> {
    await this.attempt(job.organizationId, job.deliveryId, Number(job.attempt), true);
  }

  /**
   * One attempt of a delivery (the attempt-th). With retry, a failure schedules the next attempt
   * while the retry window lasts; without (channel tests), it fails at once. Null when another job
   * had already taken this attempt or the delivery is finished.
   */
  async attempt(
    organizationId: string,
    deliveryId: string,
    attempt: number,
    retry: boolean,
  ): Promise<NotificationDelivery | null> {
    const { timeoutMs, retryBaseSeconds, retryWindowSeconds } = this.config.notifications;
    const started = this.clock.nowMs();
    const d = await this.outbox.claimAttempt(
      organizationId,
      deliveryId,
      attempt,
      new Date(started + timeoutMs + LOST_AFTER_MS),
    );
    if (!d) return null;
    const channel = await this.channels.findWithSecret(organizationId, d.channelId);
    if (!channel || !channel.enabled) {
      await this.outbox.updateDelivery(organizationId, d.id, {
        status: 'failed',
        lastError: 'The channel was disabled or deleted before delivery.',
        nextAttemptAt: null,
      });
      return this.outbox.findDelivery(organizationId, d.id);
    }
    const outcome = await this.send(channel, d);
    const now = this.clock.now();
    if (outcome.ok) {
      await this.outbox.updateDelivery(organizationId, d.id, {
        status: 'delivered',
        responseCode: outcome.code,
        lastError: null,
        deliveredAt: now,
        nextAttemptAt: null,
      });
      this.metrics.notificationDelivery(channel.kind, 'delivered');
      return this.outbox.findDelivery(organizationId, d.id);
    }
    const failed = { responseCode: outcome.code, lastError: outcome.error };
    if (outcome.gone) {
      await this.tx.run(async () => {
        await this.outbox.updateDelivery(organizationId, d.id, {
          ...failed,
          status: 'failed',
          nextAttemptAt: null,
        });
        await this.channels.update(organizationId, channel.id, {
          enabled: false,
          disabledReason: `The receiver answered 410 Gone at ${now.toISOString()}; the channel was disabled. Re-enable it with PATCH enabled: true.`,
        });
      });
      this.metrics.notificationDelivery(channel.kind, 'gone');
      this.logger.warn(
        { organization_id: organizationId, channel_id: channel.id },
        'Channel disabled: 410 Gone',
      );
      return this.outbox.findDelivery(organizationId, d.id);
    }
    const delaySeconds = Math.min(retryBaseSeconds * 2 ** (d.attempts - 1), MAX_DELAY_SECONDS);
    const withinWindow =
      now.getTime() + delaySeconds * 1000 - d.createdAt.getTime() <= retryWindowSeconds * 1000;
    if (retry && withinWindow) {
      await this.outbox.updateDelivery(organizationId, d.id, {
        ...failed,
        status: 'retrying',
        nextAttemptAt: new Date(now.getTime() + delaySeconds * 1000),
      });
      await this.enqueue(organizationId, d.id, d.attempts + 1, delaySeconds);
      this.metrics.notificationDelivery(channel.kind, 'retry');
    } else {
      await this.outbox.updateDelivery(organizationId, d.id, {
        ...failed,
        status: 'failed',
        nextAttemptAt: null,
      });
      this.metrics.notificationDelivery(channel.kind, 'failed');
    }
    return this.outbox.findDelivery(organizationId, d.id);
  }

  private async switches(): Promise<EndpointSwitches> {
    const s = await this.storageConfigs.storageSettings();
    return { allowInsecure: s.allow_insecure_endpoints, allowPrivate: s.allow_private_endpoints };
  }

  private async send(channel: NotificationChannel, d: NotificationDelivery): Promise<Outcome> {
    const body = d.payload as unknown as EventBody;
    const timeoutMs = this.config.notifications.timeoutMs;
    try {
      if (channel.kind === 'webhook') {
        if (!channel.url || !channel.secretEnc) throw new Error('The webhook channel has no URL or secret.');
        const json = JSON.stringify(body);
        const secret = this.cipher.decrypt(channel.secretEnc, channel.id);
        const res = await postWebhook({
          url: channel.url,
          body: json,
          timeoutMs,
          switches: await this.switches(),
          headers: {
            'x-offsite-event': body.type,
            'x-offsite-delivery': d.id,
            'x-offsite-signature': signatureHeader(secret, Math.floor(this.clock.nowMs() / 1000), json),
          },
        });
        const ok = res.status >= 200 && res.status < 300;
        return {
          ok,
          code: res.status,
          gone: res.status === 410,
          error: ok ? null : `The receiver answered HTTP ${res.status}.`,
        };
      }
      const mail = renderEmail(body);
      const sent = await this.email.send(
        {
          to: channel.recipients ?? [],
          ...mail,
          headers: { 'X-Offsite-Event': body.type, 'X-Offsite-Delivery': d.id },
        },
        timeoutMs,
      );
      const code = Number(/^(\d{3})/.exec(sent.response)?.[1] ?? 250);
      return { ok: true, code, gone: false, error: null };
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      return {
        ok: false,
        code: typeof e.responseCode === 'number' ? e.responseCode : null,
        gone: false,
        error: (e.message ?? String(err)).slice(0, 500),
      };
    }
  }
}
