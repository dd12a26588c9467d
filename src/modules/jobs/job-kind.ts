import type { JobContext, JobPayload, QueueDefinition } from '../../common/queue/job-queue.js';
import type { DescribeError, JobFailure } from './job-failure.js';
import type { JobRef } from './job-table.js';

/** The state transitions of a kind's table that the runner drives (a JobTable does most of them). */
export interface JobStore<R, P> {
  /** pending (or running after a dead worker) → running; null when the row ended already. */
  claim(ref: JobRef): Promise<R | null>;
  heartbeat(ref: JobRef, progress: P): Promise<{ running: boolean; cancelRequested: boolean }>;
  /** The attempt failed and the queue tries again: the row waits for the next attempt. */
  release(ref: JobRef, failure: JobFailure): Promise<void>;
  failIfOrphaned(ref: JobRef, staleSeconds: number, code: string, message: string): Promise<boolean>;
  failStale(staleSeconds: number): Promise<JobRef[]>;
  waiting(seconds: number): Promise<JobRef[]>;
  failLost(ref: JobRef, seconds: number, code: string, message: string): Promise<boolean>;
}

/** One attempt of a job as the kind's handler sees it. */
export interface RunningJob<P> {
  ref: JobRef;
  ctx: JobContext;
  /** Aborted on cancel, on a lost row, or when the worker stops or the job expires. */
  signal: AbortSignal;
  /** Reported with each heartbeat; the handler moves it along. */
  progress: P;
  /** The log context of this attempt (ids, job id, attempt). */
  log: Record<string, unknown>;
}

/**
 * A job kind: its queue, its table and its handler. Everything else (registration, claim,
 * heartbeat, cancel, expiry, retries and the sweep of rows whose worker died) is the runner's.
 */
export interface JobKind<J extends JobPayload, R, P> {
  /** The queue: name, policy and concurrency (heartbeat, expiry and retries are the runner's). */
  queue: Pick<QueueDefinition, 'name' | 'policy' | 'concurrency'>;
  /** What the job is called in messages and logs: 'backup', 'restore', 'migration'. */
  noun: string;
  store: JobStore<R, P>;
  ref(job: J): JobRef;
  payload(ref: JobRef): J;
  /** The log fields naming a row (organization_id, backup_id, ...). */
  logFields(ref: JobRef): Record<string, unknown>;
  /** The progress a claimed row starts from, reported with every heartbeat. */
  initialProgress(row: R): P;
  /**
   * true: a cancel request (or the row ending elsewhere) aborts the running attempt at the next
   * heartbeat. false: the handler reads the request itself at safe points, and a row that ended
   * elsewhere just stops the attempt.
   */
  cancelAborts: boolean;
  cancelledMessage: string;
  /** The kind's own errors (others: storage, source, cancel, stop are read by the runner). */
  describe?: DescribeError;
  /** The work. A failing handler cleans up what its attempt left before it throws. */
  run(row: R, job: RunningJob<P>): Promise<void>;
  /** In the transaction that puts the row back for a retry (e.g. the storage's health). */
  retrying?(row: R, failure: JobFailure): Promise<void>;
  /** The attempt ended the job: end the row and record it (audit, notifications, metrics). */
  failed(row: R, failure: JobFailure, job: RunningJob<P>): Promise<void>;
  /** The queue gave the job up for good (every attempt's worker died or overran). */
  givenUp(ref: JobRef): Promise<void>;
  /**
   * The runner ended the row without its worker: `stale` (no heartbeat, no retry), `lost` (the
   * queue no longer held its job), `cancelled` (cancelled while orphaned). Drop what it left.
   */
  abandoned(ref: JobRef, how: 'stale' | 'lost' | 'cancelled'): Promise<void>;
  /** The kind's periodic housekeeping (e.g. retrying cleanups a storage refused). */
  housekeeping?(): Promise<void>;
}

/** The payload of a tenant job: its organization and the id of its row under `K`. */
export type TenantJob<K extends string> = { [key: string]: string } & Record<'organizationId' | K, string>;

/**
 * ref, payload and logFields of a tenant job kind whose payload names its row by `idKey` and whose
 * logs by `logKey` (e.g. 'backupId', 'backup_id').
 */
export function tenantJobIds<K extends string>(idKey: K, logKey: string) {
  return {
    ref: (job: TenantJob<K>): JobRef => ({ organizationId: job.organizationId, id: job[idKey] }),
    payload: (ref: JobRef) => ({ organizationId: ref.organizationId!, [idKey]: ref.id }) as TenantJob<K>,
    logFields: (ref: JobRef): Record<string, unknown> => ({
      organization_id: ref.organizationId,
      [logKey]: ref.id,
    }),
  };
}
