import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DATABASE_URL } from '../database/database.module.js';
import {
  JobHandler,
  JobPayload,
  JobQueue,
  QueueDefinition,
  RegisterOptions,
  SendOptions,
} from './job-queue.js';

interface Registration {
  definition: QueueDefinition;
  handler: JobHandler<JobPayload>;
  onFailedForGood?: (data: JobPayload) => Promise<void>;
}

/** The states of a job the queue will still run or is running. */
const LIVE_STATES = new Set<string>(['created', 'retry', 'active']);

/** The dead letter queue of a queue: pg-boss copies a job there when it fails it for good. */
const deadLetterOf = (name: string) => `${name}.failed`;

/** pg-boss in its own schema of the application database. */
@Injectable()
export class PgBossQueue extends JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly registrations = new Map<string, Registration>();
  private boss: PgBoss | undefined;
  private started = false;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {
    super();
  }

  register<T extends JobPayload>(
    definition: QueueDefinition,
    handler: JobHandler<T>,
    options: RegisterOptions<T> = {},
  ): void {
    if (this.started) throw new Error(`Queue ${definition.name} registered after start`);
    this.registrations.set(definition.name, {
      definition,
      handler: handler as JobHandler<JobPayload>,
      onFailedForGood: options.onFailedForGood as ((data: JobPayload) => Promise<void>) | undefined,
    });
  }

  async send<T extends JobPayload>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error('Job queue is not started');
    return this.boss.send(name, data, {
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
    });
  }

  async holds(name: string, data: JobPayload): Promise<boolean> {
    if (!this.boss) return true;
    const jobs = await this.boss.findJobs(name, { data });
    return jobs.some((j) => LIVE_STATES.has(j.state));
  }

  isStarted(): boolean {
    return this.started;
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: 'pgboss',
      application_name: 'offsite-queue',
      max: 4,
      superviseIntervalSeconds: 5,
      // The monitor pass fails jobs whose heartbeat stopped and refreshes the queue's list of active
      // singletons; each process re-reads that list every queueCacheIntervalSeconds and skips the
      // singletons on it. At pg-boss's defaults (60 s each) a job of a killed worker waits up to two
      // minutes, and the next backup of an environment up to a minute after the previous one ended.
      monitorIntervalSeconds: 5,
      queueCacheIntervalSeconds: 2,
      // A job sent now wakes an idle worker at once (NOTIFY) instead of at its next poll: a backup
      // started by hand waited 0.5 s on average, up to 1 s, before anything ran (bench:backup).
      useListenNotify: true,
    });
    // One line per error: pg's errors carry the whole Client (sockets, buffers, parsers), hundreds of
    // lines through the error serializer. While stopping, lost connections are expected noise.
    boss.on('error', (err: Error & { code?: string }) => {
      const line = `pg-boss: ${err.message}${err.code ? ` (${err.code})` : ''}`;
      if (this.stopping) this.logger.debug(line);
      else this.logger.error(line);
    });
    await boss.start();
    this.boss = boss;
    for (const { definition, onFailedForGood } of this.registrations.values()) {
      const deadLetter = onFailedForGood ? deadLetterOf(definition.name) : undefined;
      if (deadLetter) {
        // pg-boss copies a job given up for good here (retries spent, heartbeat or expiry on the
        // last attempt), in the same statement that fails it: no polling of its tables needed.
        await boss.createQueue(deadLetter, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
      }
      await boss.createQueue(definition.name, {
        expireInSeconds: definition.expireInSeconds ?? 900,
        retryLimit: definition.retryLimit ?? 2,
        retryDelay: definition.retryDelaySeconds ?? 5,
        retryBackoff: true,
        policy: definition.policy ?? 'standard',
        notify: true,
        ...(definition.heartbeatSeconds ? { heartbeatSeconds: definition.heartbeatSeconds } : {}),
        ...(deadLetter ? { deadLetter } : {}),
      });
      // createQueue leaves an existing queue as it was: a queue from before gets its dead letter here.
      if (deadLetter) await boss.updateQueue(definition.name, { deadLetter, notify: true });
      else await boss.updateQueue(definition.name, { notify: true });
    }
    if (this.config.workerEnabled) {
      for (const { definition, handler, onFailedForGood } of this.registrations.values()) {
        if (onFailedForGood) {
          await boss.work<JobPayload>(
            deadLetterOf(definition.name),
            { batchSize: 1, localConcurrency: 1, pollingIntervalSeconds: 1 },
            async ([job]) => {
              if (job) await onFailedForGood(job.data);
            },
          );
        }
        await boss.work<JobPayload>(
          definition.name,
          {
            batchSize: 1,
            localConcurrency: definition.concurrency ?? 1,
            pollingIntervalSeconds: 1,
            // Retries and delayed jobs become due without a NOTIFY: polling stays the 1 s backstop.
            notifyPollingIntervalSeconds: 1,
          },
          async ([job]) => {
            if (!job) return;
            await handler(job.data, { jobId: job.id, signal: job.signal, attempt: job.retryCount + 1 });
          },
        );
      }
    }
    this.started = true;
    this.logger.log(
      `Job queue started (${this.registrations.size} queues, worker ${this.config.workerEnabled ? 'on' : 'off'})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    this.stopping = true;
    await this.boss?.stop({ graceful: true, timeout: 20_000 });
    this.boss = undefined;
  }
}
