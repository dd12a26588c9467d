export const FRESHNESS = ['fresh', 'late', 'stale', 'never'] as const;
export type Freshness = (typeof FRESHNESS)[number];

export interface FreshnessInput {
  /** The expected interval between backups (the shortest of the environment's enabled schedules). */
  intervalMs: number;
  /** Completion time of the newest completed backup; null when there is none. */
  newestCompletedAt: Date | null;
  now: Date;
  /** Late when the newest completed backup is older than lateFactor × interval (platform default 1.5). */
  lateFactor: number;
  /** Stale past staleFactor × interval (platform default 3). */
  staleFactor: number;
}

export interface FreshnessResult {
  freshness: Freshness;
  /** Age of the newest completed backup (ms), null when there is none. */
  ageMs: number | null;
  /** When it turns (or turned) late and stale, null when there is no backup. */
  lateAt: Date | null;
  staleAt: Date | null;
}

/**
 * Backup freshness of an environment: fresh while the newest completed backup is at most
 * lateFactor × the interval old, late after that, stale past staleFactor ×, never without one.
 * A completion time in the future (clock skew between machines) counts as age 0.
 */
export function freshness(input: FreshnessInput): FreshnessResult {
  const { intervalMs, newestCompletedAt, now, lateFactor, staleFactor } = input;
  if (!(intervalMs > 0)) throw new RangeError('intervalMs must be positive');
  if (!(lateFactor >= 1) || !(staleFactor > lateFactor))
    throw new RangeError('factors must satisfy 1 <= lateFactor < staleFactor');
  if (!newestCompletedAt) return { freshness: 'never', ageMs: null, lateAt: null, staleAt: null };
  const ageMs = Math.max(0, now.getTime() - newestCompletedAt.getTime());
  const lateAt = new Date(newestCompletedAt.getTime() + lateFactor * intervalMs);
  const staleAt = new Date(newestCompletedAt.getTime() + staleFactor * intervalMs);
  const state: Freshness =
    ageMs > staleFactor * intervalMs ? 'stale' : ageMs > lateFactor * intervalMs ? 'late' : 'fresh';
  return { freshness: state, ageMs, lateAt, staleAt };
}
