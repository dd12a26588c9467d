import { CronSpec } from './cron.js';
import type { Schedule } from './schedule.entity.js';

/** The fixed jitter offset of a schedule (0..jitter_seconds), derived from its id, in ms. */
export function jitterOffsetMs(s: Pick<Schedule, 'id' | 'jitterSeconds'>): number {
  if (!s.jitterSeconds) return 0;
  const n = parseInt(s.id.replace(/-/g, '').slice(0, 8), 16);
  return (n % (s.jitterSeconds + 1)) * 1000;
}

/** The first run (cron time + jitter offset) strictly after `now`. */
export function nextFireAfter(
  spec: CronSpec,
  s: Pick<Schedule, 'id' | 'jitterSeconds'>,
  now: Date,
): Date | null {
  const off = jitterOffsetMs(s);
  const due = spec.next(new Date(now.getTime() - off));
  return due ? new Date(due.getTime() + off) : null;
}
