import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import type { JobContext, JobPayload } from '../../common/queue/job-queue.js';
import { JobQueue } from '../../common/queue/job-queue.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Cancelled, classifyFailure, JobStopped, NotOurs } from './job-failure.js';
import type { JobKind, RunningJob } from './job-kind.js';
import type { JobRef } from './job-table.js';

const HEARTBEAT_MS = 1000;
/** A running row that got no heartbeat for this long has no live worker (10 missed beats). */
export const ORPHANED_AFTER_SECONDS = 10;
const SWEEP_MS = 30_000;

// Kinds of any payload, row and progress live in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = JobKind<any, any, any>;

/** How long the sweep waits before it ends rows without a worker, from the queue's settings. */
export function sweepThresholds(heartbeatSeconds: number, retryLimit: number) {
  // Past every retry's heartbeat timeout and backoff, with a wide margin: the queue hands a dead
  // worker's job to another worker long before this.
  const staleSeconds = Math.max(600, heartbeatSeconds * (retryLimit + 2) * 4);
  // A waiting row is judged lost only well after the scheduler re-queues stranded scheduled backups.
  return { staleSeconds, lostSeconds: staleSeconds * 2 };
}

/**
 * The one runner of every job kind (backups, restores and verifications, backup migrations): it
 * registers the kind's queue, claims the row, beats its heartbeat, turns a cancel, a stopping worker
 * or an expiry into an abort, classifies failures into retried or final, and sweeps rows whose
 * worker died or whose job the queue lost. A kind supplies its queue, its table and its handler.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobRunner');
  private readonly kinds = new Map<string, AnyKind>();
  /** Attempts running in this process, so a cancel arriving here aborts at once (others: next heartbeat). */
  private readonly active = new Map<string, AbortController>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register<J extends JobPayload, R, P>(kind: JobKind<J, R, P>): void {
    const { heartbeatSeconds, retryLimit } = this.config.backups;
    this.kinds.set(kind.queue.name, kind);
    this.queue.register<J>(
      {
        ...kind.queue,
        heartbeatSeconds,
        // pg-boss caps a job at 24 h; a longer job is redelivered and its handler resumes or redoes.
        expireInSeconds: 24 * 3600,
        retryLimit,
        retryDelaySeconds: 5,
      },
      (job, ctx) => this.execute(kind, job, ctx),
      { onFailedForGood: (job) => kind.givenUp(kind.ref(job)) },
    );
  }

  onApplicationBootstrap(): void {
    if (!this.config.workerEnabled) return;
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /**
   * Stops a running job whose row just got its cancel request: at once if it runs in this process
   * (elsewhere its worker reads the request at the next heartbeat), and at once too if no worker
   * holds it any more (its worker died and the job waits for a retry or to be given up), which
   * would otherwise wait for a worker that never comes; what it left is then dropped in the
   * background and `orphanMessage` is its error. True when the row ended here.
   */
  async cancelRunning(queue: string, ref: JobRef, orphanMessage: string): Promise<boolean> {
    this.active.get(`${queue}:${ref.id}`)?.abort(new Cancelled());
    const kind = this.kindOf(queue);
    const ended = await kind.store.failIfOrphaned(ref, ORPHANED_AFTER_SECONDS, 'cancelled', orphanMessage);
    if (!ended) return false;
    void kind
      .abandoned(ref, 'cancelled')
      .catch((err: unknown) =>
        this.logger.warn(
          { ...kind.logFields(ref), err },
          `Cleanup of a cancelled orphan ${kind.noun} failed`,
        ),
      );
    return true;
  }

  /**
   * Ends rows no worker will finish: running ones whose worker stopped reporting (and whose job was
   * not retried), and waiting ones whose job the queue no longer holds; then each kind's housekeeping.
   */
  async sweep(queue?: string): Promise<void> {
    if (this.sweeping && !queue) return;
    this.sweeping = true;
    try {
      for (const kind of queue ? [this.kindOf(queue)] : this.kinds.values()) await this.sweepKind(kind);
    } finally {
      this.sweeping = false;
    }
  }

  private async sweepKind(kind: AnyKind): Promise<void> {
    const { staleSeconds, lostSeconds } = sweepThresholds(
      this.config.backups.heartbeatSeconds,
      this.config.backups.retryLimit,
    );
    try {
      const stale = await kind.store.failStale(staleSeconds);
      if (stale.length)
        this.logger.warn({ count: stale.length }, `Failed ${kind.noun}s whose worker stopped`);
      for (const ref of stale) await kind.abandoned(ref, 'stale');
      for (const ref of await kind.store.waiting(lostSeconds)) {
        if (await this.queue.holds(kind.queue.name, kind.payload(ref))) continue;
        const message = `The job of this ${kind.noun} was lost before a worker took it; nothing was done. Start it again.`;
        if (!(await kind.store.failLost(ref, lostSeconds, 'job_lost', message))) continue;
        this.logger.warn(kind.logFields(ref), `Failed a ${kind.noun} whose job the queue lost`);
        await kind.abandoned(ref, 'lost');
      }
      await kind.housekeeping?.();
    } catch (err) {
      this.logger.warn({ err }, `The ${kind.noun} sweep failed`);
    }
  }

  private kindOf(queue: string): AnyKind {
    const kind = this.kinds.get(queue);
    if (!kind) throw new Error(`No job kind registered for queue ${queue}`);
    return kind;
  }

  private async execute<J extends JobPayload, R, P>(
    kind: JobKind<J, R, P>,
    payload: J,
    ctx: JobContext,
  ): Promise<void> {
    const ref = kind.ref(payload);
    const row = await kind.store.claim(ref);
    if (!row) return; // finished already: a redelivered job does nothing
    const log = { ...kind.logFields(ref), job_id: ctx.jobId, attempt: ctx.attempt };
    // "Backup started": operators (and the worker tests) follow a job's attempts by these lines.
    const title = kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
    this.logger.log(log, `${title} started`);

    const controller = new AbortController();
    const key = `${kind.queue.name}:${ref.id}`;
    this.active.set(key, controller);
    const onJobAbort = () => controller.abort(new JobStopped());
    if (ctx.signal.aborted) onJobAbort();
    ctx.signal.addEventListener('abort', onJobAbort, { once: true });
    const job: RunningJob<P> = {
      ref,
      ctx,
      signal: controller.signal,
      progress: kind.initialProgress(row),
      log,
    };
    const timer = setInterval(() => {
      kind.store
        .heartbeat(ref, job.progress)
        .then((r) => {
          if (!r.running) controller.abort(kind.cancelAborts ? new Cancelled() : new NotOurs());
          else if (r.cancelRequested && kind.cancelAborts) controller.abort(new Cancelled());
        })
        .catch((err: unknown) => this.logger.warn({ ...log, err }, `${title} heartbeat failed`));
    }, HEARTBEAT_MS);
    try {
      await kind.run(row, job);
    } catch (err) {
      if ((controller.signal.aborted ? controller.signal.reason : err) instanceof NotOurs) return;
      const failure = classifyFailure(
        err,
        controller.signal,
        { attempt: ctx.attempt, retryLimit: this.config.backups.retryLimit },
        kind,
      );
      this.logger.warn(
        { ...log, code: failure.code, err },
        `${title} attempt failed${failure.retry ? ', retried' : ''}: ${failure.message}`,
      );
      if (failure.retry) {
        await this.tx.run(async () => {
          await kind.store.release(ref, failure);
          await kind.retrying?.(row, failure);
        });
        throw err instanceof Error ? err : new Error(failure.message);
      }
      await kind.failed(row, failure, job);
    } finally {
      this.active.delete(key);
      clearInterval(timer);
      ctx.signal.removeEventListener('abort', onJobAbort);
    }
  }
}
