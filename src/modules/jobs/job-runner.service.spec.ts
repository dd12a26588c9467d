import type { Transactions } from '../../common/database/transactions.js';
import {
  JobQueue,
  type JobContext,
  type JobHandler,
  type JobPayload,
  type QueueDefinition,
  type RegisterOptions,
} from '../../common/queue/job-queue.js';
import type { AppConfig } from '../../config/config.js';
import { SourceError } from '../environments/source-error.js';
import { PartError } from '../storage/pipeline/stream-to-storage.js';
import { StorageError } from '../storage/storage-errors.js';
import { Cancelled, classifyFailure, isRetryable, JobStopped } from './job-failure.js';
import type { JobKind, JobStore, RunningJob } from './job-kind.js';
import { JobRunner, sweepThresholds } from './job-runner.service.js';
import type { JobProgress, JobRef } from './job-table.js';

// The runner with its ports faked: no database, no queue, no storage. Heartbeats run on the real
// one-second timer, so the few tests that wait for one take about a second each.

interface Job extends JobPayload {
  id: string;
}

interface Row {
  id: string;
}

/** A queue that keeps what is registered and hands jobs over when a test says so. */
class FakeQueue extends JobQueue {
  readonly registered = new Map<
    string,
    { definition: QueueDefinition; handler: JobHandler<JobPayload>; options?: RegisterOptions<JobPayload> }
  >();
  /** Payloads (as JSON) the queue still holds. */
  readonly held = new Set<string>();

  register<T extends JobPayload>(
    definition: QueueDefinition,
    handler: JobHandler<T>,
    options?: RegisterOptions<T>,
  ) {
    this.registered.set(definition.name, {
      definition,
      handler: handler as JobHandler<JobPayload>,
      options: options as RegisterOptions<JobPayload>,
    });
  }
  send(): Promise<string | null> {
    return Promise.resolve(null);
  }
  isStarted(): boolean {
    return true;
  }
  holds(_name: string, data: JobPayload): Promise<boolean> {
    return Promise.resolve(this.held.has(JSON.stringify(data)));
  }
  deliver(name: string, data: JobPayload, ctx: Partial<JobContext> = {}): Promise<void> {
    const r = this.registered.get(name)!;
    return r.handler(data, { jobId: 'job-1', attempt: 1, signal: new AbortController().signal, ...ctx });
  }
}

/** The table of one row, with every transition recorded. */
class FakeStore implements JobStore<Row, JobProgress> {
  status: 'pending' | 'running' | 'failed' | 'completed' = 'pending';
  cancelRequested = false;
  readonly calls: string[] = [];
  readonly beats: JobProgress[] = [];
  stale: JobRef[] = [];
  waitingRefs: JobRef[] = [];
  orphaned = false;

  claim(ref: JobRef): Promise<Row | null> {
    this.calls.push('claim');
    if (this.status !== 'pending' && this.status !== 'running') return Promise.resolve(null);
    this.status = 'running';
    return Promise.resolve({ id: ref.id });
  }
  heartbeat(_ref: JobRef, progress: JobProgress) {
    this.beats.push({ ...progress });
    return Promise.resolve({ running: this.status === 'running', cancelRequested: this.cancelRequested });
  }
  release(): Promise<void> {
    this.calls.push('release');
    this.status = 'pending';
    return Promise.resolve();
  }
  failIfOrphaned(): Promise<boolean> {
    this.calls.push('failIfOrphaned');
    return Promise.resolve(this.orphaned);
  }
  failStale(): Promise<JobRef[]> {
    return Promise.resolve(this.stale);
  }
  waiting(): Promise<JobRef[]> {
    return Promise.resolve(this.waitingRefs);
  }
  failLost(ref: JobRef): Promise<boolean> {
    this.calls.push(`failLost:${ref.id}`);
    return Promise.resolve(true);
  }
}

class FakeKind implements JobKind<Job, Row, JobProgress> {
  readonly queue = { name: 'test.run' };
  readonly noun = 'test job';
  readonly cancelledMessage = 'Cancelled.';
  cancelAborts = true;
  readonly store = new FakeStore();
  readonly events: string[] = [];
  failures: { code: string; retry: boolean }[] = [];
  work: (job: RunningJob<JobProgress>) => Promise<void> = () => Promise.resolve();

  ref(job: Job): JobRef {
    return { organizationId: 'org', id: job.id };
  }
  payload(ref: JobRef): Job {
    return { id: ref.id };
  }
  logFields(ref: JobRef) {
    return { test_id: ref.id };
  }
  initialProgress(): JobProgress {
    return { phase: 'start', bytes: 0 };
  }
  describe(err: unknown) {
    return err instanceof RangeError ? { code: 'own_code', message: err.message } : undefined;
  }
  run(_row: Row, job: RunningJob<JobProgress>): Promise<void> {
    this.events.push('run');
    return this.work(job);
  }
  retrying(): Promise<void> {
    this.events.push('retrying');
    return Promise.resolve();
  }
  failed(_row: Row, failure: { code: string; retry: boolean }): Promise<void> {
    this.failures.push({ code: failure.code, retry: failure.retry });
    this.store.status = 'failed';
    return Promise.resolve();
  }
  givenUp(ref: JobRef): Promise<void> {
    this.events.push(`givenUp:${ref.id}`);
    return Promise.resolve();
  }
  abandoned(ref: JobRef, how: string): Promise<void> {
    this.events.push(`abandoned:${ref.id}:${how}`);
    return Promise.resolve();
  }
  housekeeping(): Promise<void> {
    this.events.push('housekeeping');
    return Promise.resolve();
  }
}

const config = { workerEnabled: false, backups: { heartbeatSeconds: 30, retryLimit: 2 } } as AppConfig;
const tx = { run: <T>(fn: () => Promise<T>) => fn() } as Transactions;

function setup() {
  const queue = new FakeQueue();
  const runner = new JobRunner(queue, tx, config);
  const kind = new FakeKind();
  runner.register(kind);
  return { queue, runner, kind };
}

/** Resolves when the signal aborts (the handler's view of a cancel or a stop). */
const aborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    signal.addEventListener('abort', () => reject(signal.reason as Error));
  });

describe('classifyFailure (the one retry rule)', () => {
  const live = new AbortController().signal;
  const opts = { noun: 'backup', cancelledMessage: 'Cancelled.' };
  const first = { attempt: 1, retryLimit: 2 };
  const last = { attempt: 3, retryLimit: 2 };

  it('ends a cancelled job without a retry, whatever else failed', () => {
    const c = new AbortController();
    c.abort(new Cancelled());
    expect(classifyFailure(new StorageError('timeout', 'slow'), c.signal, first, opts)).toEqual({
      code: 'cancelled',
      message: 'Cancelled.',
      retry: false,
    });
    expect(classifyFailure(new Cancelled(), live, first, opts).code).toBe('cancelled');
  });

  it('retries a stopped worker while attempts remain, then ends the job', () => {
    const c = new AbortController();
    c.abort(new JobStopped());
    expect(classifyFailure(new Error('aborted'), c.signal, first, opts)).toMatchObject({
      code: 'worker_stopped',
      retry: true,
      message: 'The worker stopped during the backup; it will be retried.',
    });
    expect(classifyFailure(new Error('aborted'), c.signal, last, opts).retry).toBe(false);
  });

  it('retries transient storage failures only, and only while attempts remain', () => {
    const transient = new StorageError('endpoint_unreachable', 'down', { hint: 'Check the host.' });
    expect(classifyFailure(transient, live, first, opts)).toEqual({
      code: 'endpoint_unreachable',
      message: 'down Check the host.',
      retry: true,
      storage: true,
    });
    expect(classifyFailure(transient, live, last, opts).retry).toBe(false);
    expect(classifyFailure(new StorageError('auth_failed', 'no'), live, first, opts)).toMatchObject({
      code: 'auth_failed',
      retry: false,
      storage: true,
    });
    expect(isRetryable(transient, first)).toBe(true);
    expect(isRetryable(transient, last)).toBe(false);
    expect(isRetryable(new Error('x'), first)).toBe(false);
  });

  it('ends the job on a source failure, even one wrapped by the byte pipeline', () => {
    const err = new PartError('source', new SourceError('dump_failed', 'pg_dump died'));
    expect(classifyFailure(err, live, first, opts)).toEqual({
      code: 'dump_failed',
      message: 'pg_dump died',
      retry: false,
    });
  });

  it("reads the kind's own errors first, and anything unknown as internal", () => {
    const describe = (e: unknown) => (e instanceof RangeError ? { code: 'mine', message: 'm' } : undefined);
    expect(classifyFailure(new RangeError('r'), live, first, { ...opts, describe })).toEqual({
      code: 'mine',
      message: 'm',
      retry: false,
    });
    expect(classifyFailure(new Error('boom'), live, first, opts)).toEqual({
      code: 'internal',
      message: 'Unexpected error: boom',
      retry: false,
    });
  });
});

describe('JobRunner', () => {
  it('registers the queue with the runner-wide heartbeat, expiry and retries', () => {
    const { queue } = setup();
    const r = queue.registered.get('test.run')!;
    expect(r.definition).toMatchObject({
      name: 'test.run',
      heartbeatSeconds: 30,
      retryLimit: 2,
      expireInSeconds: 24 * 3600,
    });
    expect(r.options?.onFailedForGood).toBeDefined();
  });

  it('runs a claimed job once; a redelivered job of an ended row does nothing', async () => {
    const { queue, kind } = setup();
    await queue.deliver('test.run', { id: 'a' });
    expect(kind.events).toEqual(['run']);
    kind.store.status = 'completed';
    await queue.deliver('test.run', { id: 'a' });
    expect(kind.events).toEqual(['run']);
    expect(kind.failures).toEqual([]);
  });

  it('beats the heartbeat with the progress the handler reports', async () => {
    const { queue, kind } = setup();
    kind.work = async (job) => {
      job.progress.phase = 'database';
      job.progress.bytes = 42;
      await new Promise((r) => setTimeout(r, 1300));
    };
    await queue.deliver('test.run', { id: 'a' });
    expect(kind.store.beats[0]).toEqual({ phase: 'database', bytes: 42 });
  });

  it('aborts the attempt at the next heartbeat after a cancel request, and ends the job as cancelled', async () => {
    const { queue, kind } = setup();
    kind.store.cancelRequested = true;
    kind.work = (job) => aborted(job.signal);
    await queue.deliver('test.run', { id: 'a' });
    expect(kind.failures).toEqual([{ code: 'cancelled', retry: false }]);
    expect(kind.store.calls).not.toContain('release');
  });

  it('aborts at once on a cancel in this process', async () => {
    const { queue, runner, kind } = setup();
    kind.work = (job) => aborted(job.signal);
    const done = queue.deliver('test.run', { id: 'a' });
    await new Promise((r) => setImmediate(r));
    void runner.cancelRunning('test.run', { organizationId: 'org', id: 'a' }, 'm');
    await done;
    expect(kind.failures).toEqual([{ code: 'cancelled', retry: false }]);
    expect(kind.store.beats).toEqual([]);
  });

  it('a kind that reads cancels itself just stops when its row ended elsewhere', async () => {
    const { queue, kind } = setup();
    kind.cancelAborts = false;
    kind.work = async (job) => {
      kind.store.status = 'failed';
      await aborted(job.signal);
    };
    await queue.deliver('test.run', { id: 'a' });
    expect(kind.failures).toEqual([]);
    expect(kind.store.calls).toEqual(['claim']);
  });

  it('puts the row back and rethrows for the queue to retry, then ends it when retries are spent', async () => {
    const { queue, kind } = setup();
    kind.work = () => Promise.reject(new StorageError('timeout', 'slow'));
    await expect(queue.deliver('test.run', { id: 'a' }, { attempt: 1 })).rejects.toThrow('slow');
    expect(kind.store.calls).toEqual(['claim', 'release']);
    expect(kind.events).toEqual(['run', 'retrying']);
    expect(kind.failures).toEqual([]);
    await queue.deliver('test.run', { id: 'a' }, { attempt: 3 });
    expect(kind.failures).toEqual([{ code: 'timeout', retry: false }]);
  });

  it('turns an expired job or a stopping worker into a retried attempt', async () => {
    const { queue, kind } = setup();
    const expiry = new AbortController();
    kind.work = (job) => {
      expiry.abort();
      return aborted(job.signal);
    };
    await expect(queue.deliver('test.run', { id: 'a' }, { signal: expiry.signal })).rejects.toBeInstanceOf(
      JobStopped,
    );
    expect(kind.store.calls).toContain('release');
  });

  it('hands a job the queue gave up for good to the kind', async () => {
    const { queue, kind } = setup();
    await queue.registered.get('test.run')!.options!.onFailedForGood!({ id: 'gone' });
    expect(kind.events).toEqual(['givenUp:gone']);
  });

  it('ends an orphaned row on cancel and lets the kind drop what it left; a live one is left to its worker', async () => {
    const { runner, kind } = setup();
    expect(await runner.cancelRunning('test.run', { organizationId: 'org', id: 'a' }, 'm')).toBe(false);
    expect(kind.events).toEqual([]);
    kind.store.orphaned = true;
    expect(await runner.cancelRunning('test.run', { organizationId: 'org', id: 'a' }, 'm')).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(kind.events).toEqual(['abandoned:a:cancelled']);
  });

  it('sweeps stale rows, and waiting rows whose job the queue no longer holds, then housekeeps', async () => {
    const { queue, runner, kind } = setup();
    kind.store.stale = [{ organizationId: 'org', id: 'stale' }];
    kind.store.waitingRefs = [
      { organizationId: 'org', id: 'queued' },
      { organizationId: 'org', id: 'lost' },
    ];
    queue.held.add(JSON.stringify({ id: 'queued' }));
    await runner.sweep();
    expect(kind.store.calls).toEqual(['failLost:lost']);
    expect(kind.events).toEqual(['abandoned:stale:stale', 'abandoned:lost:lost', 'housekeeping']);
  });

  it('waits past every retry before it judges a row stale, and twice that before a job is lost', () => {
    expect(sweepThresholds(30, 2)).toEqual({ staleSeconds: 600, lostSeconds: 1200 });
    expect(sweepThresholds(60, 5)).toEqual({ staleSeconds: 1680, lostSeconds: 3360 });
  });
});
