/**
 * The queue port. Payloads carry ids only (never secrets, never state): handlers reload what they
 * need, and the tables (backups, restores) are the source of truth for status, not the queue.
 * Handlers must be idempotent: a job whose worker died is delivered again after its expiry.
 */
export type JobPayload = Record<string, string | number | boolean | null>;

export interface JobContext {
  jobId: string;
  /** Aborted when the job expires or the worker stops. */
  signal: AbortSignal;
  attempt: number;
}

export type JobHandler<T extends JobPayload> = (data: T, ctx: JobContext) => Promise<void>;

export interface QueueDefinition {
  name: string;
  /** Seconds a job may stay active before another worker takes it over. */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Jobs one worker process runs at a time. */
  concurrency?: number;
  /**
   * 'singleton': jobs with the same singleton key never run concurrently (e.g. one backup per
   * environment); the others wait in the queue. Default 'standard'.
   */
  policy?: 'standard' | 'singleton';
  /**
   * The worker refreshes the job every heartbeatSeconds / 2; a job whose worker died (SIGKILL) is
   * retried after heartbeatSeconds instead of after expireInSeconds (min 10).
   */
  heartbeatSeconds?: number;
}

export interface RegisterOptions<T extends JobPayload> {
  /**
   * Called (by a worker, with the job's data) once the queue has given the job up for good: every
   * attempt failed, or its worker stopped sending heartbeats or overran its expiry on the last
   * attempt. The table row may still say running: this is where it ends. At least once, so
   * idempotent.
   */
  onFailedForGood?: (data: T) => Promise<void>;
}

export interface SendOptions {
  singletonKey?: string;
  startAfterSeconds?: number;
}

export abstract class JobQueue {
  abstract register<T extends JobPayload>(
    definition: QueueDefinition,
    handler: JobHandler<T>,
    options?: RegisterOptions<T>,
  ): void;
  abstract send<T extends JobPayload>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  abstract isStarted(): boolean;
  /**
   * Whether the queue still holds a job of this queue whose payload contains `data` (waiting,
   * retrying or running). Answers true while the queue is not started: nothing is judged lost then.
   */
  abstract holds(name: string, data: JobPayload): Promise<boolean>;
}
