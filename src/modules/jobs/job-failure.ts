import { SourceError } from '../environments/source-error.js';
import { PartError } from '../storage/pipeline/stream-to-storage.js';
import { StorageError } from '../storage/storage-errors.js';

/** A user cancelled, or the row stopped being this attempt's: the attempt stops and cleans up. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'Cancelled';
  }
}

/** The worker stops or the job expired: the queue retries the job elsewhere, this attempt cleans up. */
export class JobStopped extends Error {
  constructor() {
    super('The worker stopped during the job; it will be retried.');
    this.name = 'JobStopped';
  }
}

/** The row ended elsewhere (a kind whose cancel does not abort): this attempt just stops. */
export class NotOurs extends Error {
  constructor() {
    super('The job ended elsewhere.');
    this.name = 'NotOurs';
  }
}

/** Storage failures the next attempt may not meet: the job is retried while attempts remain. */
export const TRANSIENT_STORAGE_CODES: ReadonlySet<string> = new Set([
  'endpoint_unreachable',
  'timeout',
  'dns_failed',
]);

/** Why an attempt failed, as the row records it, and whether the queue tries again. */
export interface JobFailure {
  code: string;
  message: string;
  retry: boolean;
  /** The storage refused or failed (its config's health hears of it). */
  storage?: boolean;
}

/** A kind's reading of its own domain errors (retry: worth another attempt while attempts remain). */
export type DescribeError = (err: unknown) => { code: string; message: string; retry?: boolean } | undefined;

export interface Attempt {
  /** 1 for the first attempt. */
  attempt: number;
  /** Retries the queue makes after the first attempt. */
  retryLimit: number;
}

/** Whether the queue tries a failed attempt again. */
export function retriesLeft(a: Attempt): boolean {
  return a.attempt <= a.retryLimit;
}

/**
 * The one retry rule of every job kind: a cancel ends the job; a stopped worker and a transient
 * storage failure are retried while attempts remain; source and other domain failures end it at
 * once (a second attempt would meet them again); anything unknown is internal and ends it.
 */
export function classifyFailure(
  err: unknown,
  signal: AbortSignal,
  attempt: Attempt,
  opts: { noun: string; cancelledMessage: string; describe?: DescribeError },
): JobFailure {
  const left = retriesLeft(attempt);
  const reason: unknown = signal.aborted ? signal.reason : undefined;
  if (reason instanceof Cancelled || err instanceof Cancelled)
    return { code: 'cancelled', message: opts.cancelledMessage, retry: false };
  if (reason instanceof JobStopped) {
    const message = `The worker stopped during the ${opts.noun}; it will be retried.`;
    return { code: 'worker_stopped', message, retry: left };
  }
  const inner = err instanceof PartError ? err.error : err;
  const own = opts.describe?.(inner);
  if (own) return { code: own.code, message: own.message, retry: !!own.retry && left };
  if (inner instanceof SourceError) return { code: inner.code, message: inner.message, retry: false };
  if (inner instanceof StorageError) {
    return {
      code: inner.code,
      message: inner.hint ? `${inner.message} ${inner.hint}` : inner.message,
      retry: TRANSIENT_STORAGE_CODES.has(inner.code) && left,
      storage: true,
    };
  }
  return {
    code: 'internal',
    message: `Unexpected error: ${(inner as Error)?.message ?? String(inner)}`,
    retry: false,
  };
}

/** Whether an error met mid-job (e.g. on one item of a migration) is worth retrying the whole job. */
export function isRetryable(err: unknown, attempt: Attempt): boolean {
  return err instanceof StorageError && TRANSIENT_STORAGE_CODES.has(err.code) && retriesLeft(attempt);
}
