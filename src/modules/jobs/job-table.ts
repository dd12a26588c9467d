import type { Transactions } from '../../common/database/transactions.js';

/** A job's row: tenant jobs carry their organization; platform-wide ones (organizationId null) do not. */
export interface JobRef {
  organizationId: string | null;
  id: string;
}

/** What the runner reports with each heartbeat of a kind that tracks a phase and bytes. */
export interface JobProgress {
  phase: string | null;
  bytes: number;
}

/**
 * How a job table differs from the others. Every fragment is a constant of the kind's code, never
 * user input; the values (ids, codes, messages) always travel as parameters.
 */
export interface JobTableSpec {
  table: string;
  /** The table has phase and bytes_processed (reported by the heartbeat) and duration_ms. */
  progress: boolean;
  /** started_at of this attempt (true) or of the first one (false). */
  restartClock: boolean;
  /** Further assignments when a worker claims the row: the kind's own progress columns. */
  claimSet?: string;
  /** Further conditions for a claim. */
  claimWhere?: string;
  /** Further assignments whenever the job ends or goes back to the queue (`:status`: the new status). */
  endSet?: string;
  /** Further assignments when the row is ended without its worker (orphan, stale, lost). */
  abandonSet?: string;
  /** A running row the runner may end without its worker only if this holds too. */
  abandonWhere?: string;
  /** The message of a row whose worker stopped reporting (an SQL expression: it may read the row). */
  staleMessage: string;
  /** What a cancel of a pending row sets: a failed row with this message, or status cancelled. */
  cancelPending: { status: 'failed'; message: string } | { status: 'cancelled' };
}

/**
 * The job-state transitions of one job table, the same for every kind: claim, heartbeat, end or
 * back to the queue, cancel request, and the rows the sweep ends because no worker has them.
 */
export class JobTable {
  constructor(
    private readonly tx: Transactions,
    private readonly spec: JobTableSpec,
  ) {}

  /** The row of a ref: $1 the organization (null: any, for platform-wide jobs), $2 the id. */
  private readonly key = '($1::uuid IS NULL OR organization_id = $1) AND id = $2';

  private query<T>(sql: string, params: unknown[]): Promise<[T[], number]> {
    return this.tx.manager().query(sql, params) as Promise<[T[], number]>;
  }

  /**
   * The assignments of a row that stops running: `status`, `code` and `message` are the SQL of its
   * new status and error (parameters, or for the sweep an expression over the row).
   */
  private ended(status: string, code: string, message: string): string {
    const { progress, endSet } = this.spec;
    return [
      `status = ${status}, error_code = ${code}, error_message = ${message}, heartbeat_at = NULL`,
      `completed_at = CASE WHEN ${status} = 'pending' THEN NULL ELSE now() END`,
      progress
        ? `duration_ms = CASE WHEN ${status} <> 'pending' AND started_at IS NOT NULL
            THEN (extract(epoch FROM now() - started_at) * 1000)::int ELSE NULL END`
        : null,
      endSet?.replaceAll(':status', status) ?? null,
      'updated_at = now()',
    ]
      .filter(Boolean)
      .join(', ');
  }

  /** The assignments of a failed row that its worker no longer holds. */
  private abandoned(message: string, code = '$4'): string {
    const { abandonSet } = this.spec;
    return this.ended(`'failed'`, code, message) + (abandonSet ? `, ${abandonSet}` : '');
  }

  /** pending (or running after a dead worker) → running for this attempt; false when it ended. */
  async claim(ref: JobRef): Promise<boolean> {
    const { restartClock, claimSet, claimWhere, progress } = this.spec;
    const [, count] = await this.query(
      `UPDATE ${this.spec.table} SET status = 'running', attempts = attempts + 1,
          started_at = ${restartClock ? 'now()' : 'COALESCE(started_at, now())'}, heartbeat_at = now(),
          ${progress ? 'bytes_processed = 0,' : ''} ${claimSet ? `${claimSet},` : ''}
          error_code = NULL, error_message = NULL, updated_at = now()
        WHERE ${this.key} AND status IN ('pending', 'running') ${claimWhere ? `AND ${claimWhere}` : ''}`,
      [ref.organizationId, ref.id],
    );
    return count === 1;
  }

  /**
   * Liveness of a running row, with its phase and bytes on a table that tracks them (what else a
   * kind reports, it writes itself); what the worker must know back.
   */
  async heartbeat(ref: JobRef, reported: unknown): Promise<{ running: boolean; cancelRequested: boolean }> {
    const progress = this.spec.progress ? (reported as JobProgress | null) : null;
    const [rows] = await this.query<{ cancel: boolean }>(
      `UPDATE ${this.spec.table} SET heartbeat_at = now()
          ${this.spec.progress ? ', phase = COALESCE($3, phase), bytes_processed = COALESCE($4, bytes_processed)' : ''}
        WHERE ${this.key} AND status = 'running'
        RETURNING cancel_requested_at IS NOT NULL AS cancel`,
      this.spec.progress
        ? [ref.organizationId, ref.id, progress?.phase ?? null, progress?.bytes ?? null]
        : [ref.organizationId, ref.id],
    );
    return { running: rows.length > 0, cancelRequested: rows[0]?.cancel ?? false };
  }

  /**
   * pending/running → `status` (an end, or pending again for the queue's next attempt) with the
   * error, if any; false when the row had ended already.
   */
  async end(ref: JobRef, status: string, error: { code: string; message: string } | null): Promise<boolean> {
    const [, count] = await this.query(
      `UPDATE ${this.spec.table} SET ${this.ended('$3::text', '$4', '$5')}
        WHERE ${this.key} AND status IN ('pending', 'running')`,
      [ref.organizationId, ref.id, status, error?.code ?? null, error?.message.slice(0, 4000) ?? null],
    );
    return count === 1;
  }

  /**
   * running → failed, only if no worker has reported for `staleSeconds` (an orphan: its worker
   * died and no other took the job yet). False when a live worker holds it or it ended already.
   */
  async failIfOrphaned(ref: JobRef, staleSeconds: number, code: string, message: string): Promise<boolean> {
    const { abandonWhere } = this.spec;
    const [, count] = await this.query(
      `UPDATE ${this.spec.table} SET ${this.abandoned('$5')}
        WHERE ${this.key} AND status = 'running' ${abandonWhere ? `AND ${abandonWhere}` : ''}
          AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $3))`,
      [ref.organizationId, ref.id, staleSeconds, code, message.slice(0, 4000)],
    );
    return count === 1;
  }

  /**
   * Running rows whose worker stopped reporting for `staleSeconds` (the job's retries are spent or
   * the queue lost it): failed as worker_lost, so nothing stays running forever.
   */
  async failStale(staleSeconds: number): Promise<JobRef[]> {
    const [rows] = await this.query<{ organization_id: string | null; id: string }>(
      `UPDATE ${this.spec.table} SET ${this.abandoned(this.spec.staleMessage, `'worker_lost'`)}
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)
        RETURNING organization_id, id`,
      [staleSeconds],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, id: r.id }));
  }

  /**
   * Rows waiting for a worker (pending, or running with no heartbeat after its worker let it go)
   * that nothing has touched for `seconds`: the runner asks the queue whether their job still exists.
   */
  async waiting(seconds: number): Promise<JobRef[]> {
    const rows = (await this.tx.manager().query(
      `SELECT organization_id, id FROM ${this.spec.table}
        WHERE (status = 'pending' OR (status = 'running' AND heartbeat_at IS NULL))
          AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT 100`,
      [seconds],
    )) as { organization_id: string | null; id: string }[];
    return rows.map((r) => ({ organizationId: r.organization_id, id: r.id }));
  }

  /** Ends a waiting row whose job the queue no longer holds (unless a worker took it meanwhile). */
  async failLost(ref: JobRef, seconds: number, code: string, message: string): Promise<boolean> {
    const [, count] = await this.query(
      `UPDATE ${this.spec.table} SET ${this.abandoned('$5')}
        WHERE ${this.key} AND (status = 'pending' OR (status = 'running' AND heartbeat_at IS NULL))
          AND updated_at < now() - make_interval(secs => $3)`,
      [ref.organizationId, ref.id, seconds, code, message.slice(0, 4000)],
    );
    return count === 1;
  }

  /** Marks the cancel request; a pending row ends at once. Returns the status after, null if ended. */
  async requestCancel(ref: JobRef): Promise<string | null> {
    const pending = this.spec.cancelPending;
    const failed = pending.status === 'failed';
    const [rows] = await this.query<{ status: string }>(
      `UPDATE ${this.spec.table} SET cancel_requested_at = COALESCE(cancel_requested_at, now()),
          status = CASE WHEN status = 'pending' THEN $3 ELSE status END,
          ${
            failed
              ? `error_code = CASE WHEN status = 'pending' THEN 'cancelled' ELSE error_code END,
          error_message = CASE WHEN status = 'pending' THEN $4 ELSE error_message END,`
              : ''
          }
          completed_at = CASE WHEN status = 'pending' THEN now() ELSE completed_at END,
          updated_at = now()
        WHERE ${this.key} AND status IN ('pending', 'running')
        RETURNING status`,
      failed
        ? [ref.organizationId, ref.id, pending.status, pending.message]
        : [ref.organizationId, ref.id, pending.status],
    );
    return rows[0]?.status ?? null;
  }
}

/**
 * A kind's table as the runner drives it: the JobTable transitions, and the kind's row loaded after
 * a claim. A kind's repository extends it and adds its own columns' queries.
 */
export abstract class JobRows<R, P = JobProgress> {
  protected abstract readonly jobs: JobTable;

  /** The row of a ref, as the handler gets it after a claim. */
  protected abstract load(ref: JobRef): Promise<R | null>;

  async claim(ref: JobRef): Promise<R | null> {
    return (await this.jobs.claim(ref)) ? this.load(ref) : null;
  }

  heartbeat(ref: JobRef, progress: P): Promise<{ running: boolean; cancelRequested: boolean }> {
    return this.jobs.heartbeat(ref, progress);
  }

  /** Back to pending with the attempt's error, for the queue's next attempt. */
  async release(ref: JobRef, failure: { code: string; message: string }): Promise<void> {
    await this.jobs.end(ref, 'pending', failure);
  }

  failIfOrphaned(ref: JobRef, staleSeconds: number, code: string, message: string): Promise<boolean> {
    return this.jobs.failIfOrphaned(ref, staleSeconds, code, message);
  }

  failStale(staleSeconds: number): Promise<JobRef[]> {
    return this.jobs.failStale(staleSeconds);
  }

  waiting(seconds: number): Promise<JobRef[]> {
    return this.jobs.waiting(seconds);
  }

  failLost(ref: JobRef, seconds: number, code: string, message: string): Promise<boolean> {
    return this.jobs.failLost(ref, seconds, code, message);
  }
}
