import { Cron } from 'croner';

/**
 * Cron expressions of schedules: 5 fields (minute hour day-of-month month day-of-week) or an alias
 * (@hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually), evaluated in an IANA zone by
 * croner. Day-of-month and day-of-week combine with OR, as in Vixie cron.
 *
 * Across DST changes (croner's behaviour, checked by cron.spec.ts):
 * - a fixed time of day inside the skipped hour (30 2 * * * on a spring-forward night in
 *   Europe/Berlin) runs once, at the first minute after the gap (03:00 local);
 * - a fixed time of day inside the repeated hour runs once, at its first occurrence;
 * - wildcard or stepped hours (0 * * * *, *\/15 * * * *) run at every real instant that matches:
 *   nothing in the skipped hour (it does not exist), both passes of the repeated hour.
 */
export class CronSpec {
  private constructor(
    private readonly cron: Cron,
    readonly expression: string,
    readonly timezone: string,
  ) {}

  /** Throws CronProblem naming the field ('cron' or 'timezone') and what is wrong. */
  static parse(expression: string, timezone: string): CronSpec {
    if (!isValidTimeZone(timezone)) {
      throw new CronProblem('timezone', `"${timezone}" is not an IANA time zone (e.g. Europe/Berlin, UTC).`);
    }
    const expr = expression.trim();
    if (expr.startsWith('@')) {
      if (!ALIASES.includes(expr.toLowerCase())) {
        throw new CronProblem('cron', `Unknown alias "${expr}"; use one of ${ALIASES.join(', ')}.`);
      }
    } else {
      const fields = expr.split(/\s+/).filter(Boolean);
      if (fields.length !== 5) {
        throw new CronProblem(
          'cron',
          `A cron expression has 5 fields (minute hour day-of-month month day-of-week); got ${fields.length}.`,
        );
      }
    }
    let cron: Cron;
    try {
      cron = new Cron(expr, { timezone, paused: true, mode: '5-part' });
    } catch (err) {
      throw new CronProblem('cron', (err as Error).message.replace(/^CronPattern: /, ''));
    }
    const spec = new CronSpec(cron, expr, timezone);
    if (!spec.next(new Date())) throw new CronProblem('cron', 'The expression never fires.');
    return spec;
  }

  /** The first run strictly after `after`, or null. */
  next(after: Date): Date | null {
    return this.cron.nextRun(after);
  }

  nextRuns(count: number, after: Date): Date[] {
    return this.cron.nextRuns(count, after);
  }

  /** Due times in (from, to], at most `limit`. */
  between(from: Date, to: Date, limit: number): Date[] {
    const out: Date[] = [];
    let cursor = from;
    while (out.length < limit) {
      const n = this.next(cursor);
      if (!n || n.getTime() > to.getTime()) break;
      out.push(n);
      cursor = n;
    }
    return out;
  }

  /** The shortest gap in minutes between consecutive runs among the next `sample` runs. */
  minIntervalMinutes(after: Date, sample = 1000): number {
    const runs = this.nextRuns(sample, after);
    let min = Infinity;
    for (let i = 1; i < runs.length; i++) {
      min = Math.min(min, (runs[i]!.getTime() - runs[i - 1]!.getTime()) / 60_000);
    }
    return min;
  }
}

const ALIASES = ['@hourly', '@daily', '@midnight', '@weekly', '@monthly', '@yearly', '@annually'];

export class CronProblem extends Error {
  constructor(
    readonly field: 'cron' | 'timezone',
    message: string,
  ) {
    super(message);
    this.name = 'CronProblem';
  }
}

export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** ISO 8601 with the zone's offset, e.g. 2026-03-29T03:00:00+02:00. */
export function formatInZone(d: Date, timezone: string): string {
  const p = zonedParts(d, timezone);
  const offsetMin = Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
      Math.floor(d.getTime() / 1000) * 1000) /
      60_000,
  );
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(d: Date, timezone: string): ZonedParts {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  const out: Record<string, number> = {};
  for (const part of f.formatToParts(d)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour === 24 ? 0 : out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}
