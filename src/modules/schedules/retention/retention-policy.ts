import { zonedParts } from '../cron.js';

/**
 * A retention policy with the semantics of `restic forget`: each keep_* rule keeps the newest
 * backup of each of the last N hours/days/ISO weeks/months/years that have one (counted in the
 * schedule's time zone), keep_last the N newest, keep_within every backup within that duration of
 * the newest one; a backup kept by any rule is kept. -1 means "all". If a rule still has count left
 * after the oldest backup, that oldest backup is kept as well (restic ≥ 0.17: "oldest daily").
 */
export interface RetentionPolicy {
  keep_last?: number | null;
  keep_hourly?: number | null;
  keep_daily?: number | null;
  keep_weekly?: number | null;
  keep_monthly?: number | null;
  keep_yearly?: number | null;
  /** e.g. 30d, 2w3d, 1y6m, 12h: y=years, m=months, w=weeks, d=days, h=hours. */
  keep_within?: string | null;
}

export const RETENTION_RULES = [
  'keep_last',
  'keep_hourly',
  'keep_daily',
  'keep_weekly',
  'keep_monthly',
  'keep_yearly',
] as const;

export interface RetentionCandidate {
  id: string;
  /** The backup's time: when the schedule started it. */
  createdAt: Date;
  status: 'pending' | 'running' | 'completed' | 'failed' | 'delete_failed';
  protected: boolean;
}

export interface RetentionGuards {
  /** The environment's newest completed backup (any trigger): never deleted. */
  newestCompletedId: string | null;
  /** The environment's newest backup whose verification passed: never deleted. */
  newestVerifiedId: string | null;
}

export interface RetentionDecision {
  id: string;
  createdAt: Date;
  status: RetentionCandidate['status'];
  action: 'keep' | 'delete';
  reasons: string[];
}

export interface Duration {
  years: number;
  months: number;
  days: number;
  hours: number;
}

/** Parses 30d, 2w3d, 1y6m, 12h (units in any order, each once); null when invalid or zero. */
export function parseDuration(text: string): Duration | null {
  const t = text.trim();
  if (!/^(\d{1,6}[ymwdh])+$/.test(t)) return null;
  const v: Record<string, number> = {};
  for (const m of t.matchAll(/(\d+)([ymwdh])/g)) {
    if (v[m[2]!] !== undefined) return null;
    v[m[2]!] = Number(m[1]);
  }
  const d = { years: v.y ?? 0, months: v.m ?? 0, days: (v.w ?? 0) * 7 + (v.d ?? 0), hours: v.h ?? 0 };
  return d.years + d.months + d.days + d.hours === 0 ? null : d;
}

/** Problems of a policy, by field; empty when valid. */
export function policyProblems(p: RetentionPolicy): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const rule of RETENTION_RULES) {
    const v = p[rule];
    if (v === undefined || v === null) continue;
    if (!Number.isInteger(v) || v < -1 || v > 100_000)
      out.push({ field: rule, message: `${rule} must be an integer from 0 to 100000, or -1 for all` });
  }
  if (p.keep_within !== undefined && p.keep_within !== null && !parseDuration(p.keep_within)) {
    out.push({
      field: 'keep_within',
      message: 'keep_within must be a duration such as 30d, 2w3d, 1y6m or 12h (units y, m, w, d, h)',
    });
  }
  return out;
}

export function isEmptyPolicy(p: RetentionPolicy | null | undefined): boolean {
  if (!p) return true;
  return RETENTION_RULES.every((r) => !p[r]) && !p.keep_within;
}

type Bucket = (local: LocalTime, nr: number) => string;

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoWeek(t: LocalTime): { year: number; week: number } {
  // ISO week of the local calendar date (Thursday rule), computed on a UTC date of those fields.
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { year: d.getUTCFullYear(), week };
}

const BUCKETS: { rule: (typeof RETENTION_RULES)[number]; name: string; key: Bucket }[] = [
  { rule: 'keep_last', name: 'last', key: (_t, nr) => String(nr + 1) },
  {
    rule: 'keep_hourly',
    name: 'hourly',
    key: (t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}`,
  },
  { rule: 'keep_daily', name: 'daily', key: (t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}` },
  {
    rule: 'keep_weekly',
    name: 'weekly',
    key: (t) => {
      const w = isoWeek(t);
      return `${pad(w.year, 4)}-W${pad(w.week)}`;
    },
  },
  { rule: 'keep_monthly', name: 'monthly', key: (t) => `${pad(t.year, 4)}-${pad(t.month)}` },
  { rule: 'keep_yearly', name: 'yearly', key: (t) => pad(t.year, 4) },
];

/** `t` minus a duration, calendar-wise (as Go's AddDate, in UTC), then minus the hours. */
function minus(t: Date, d: Duration): Date {
  const r = new Date(t.getTime());
  r.setUTCFullYear(r.getUTCFullYear() - d.years, r.getUTCMonth() - d.months, r.getUTCDate() - d.days);
  return new Date(r.getTime() - d.hours * 3_600_000);
}

/**
 * Decides, for every backup of one schedule, keep or delete with the reasons. Pure: the preview
 * endpoint and the real retention run both call this and nothing else decides.
 * - pending/running backups are kept (not finished); failed ones are not candidates (they hold no
 *   objects; their rows are pruned by age); delete_failed ones are deleted again.
 * - the policy is applied to the completed backups, newest first, exactly as restic does;
 * - protected backups, the environment's newest completed and newest verified backups are kept
 *   whatever the policy says;
 * - an empty policy deletes nothing.
 */
export function applyRetention(
  candidates: RetentionCandidate[],
  policy: RetentionPolicy | null | undefined,
  timezone: string,
  guards: RetentionGuards,
  now: Date,
): RetentionDecision[] {
  const list = candidates
    .filter((c) => c.status !== 'failed')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const completed = list.filter((c) => c.status === 'completed');
  const reasons = new Map<string, string[]>(list.map((c) => [c.id, []]));
  const empty = isEmptyPolicy(policy);

  if (!empty && policy && completed.length) {
    const counts = BUCKETS.map((b) => {
      const v = policy[b.rule] ?? 0;
      return v === -1 ? -1 : v;
    });
    const last: (string | null)[] = BUCKETS.map(() => null);
    const within = policy.keep_within ? parseDuration(policy.keep_within) : null;
    // The newest backup that is not in the future, as restic's "latest".
    const latest = completed.find((c) => c.createdAt.getTime() <= now.getTime())?.createdAt ?? null;
    const withinFrom = within && latest ? minus(latest, within) : null;
    completed.forEach((cur, nr) => {
      const r = reasons.get(cur.id)!;
      if (withinFrom && cur.createdAt.getTime() > withinFrom.getTime())
        r.push(`within ${policy.keep_within}`);
      const p = zonedParts(cur.createdAt, timezone);
      const local = { year: p.year, month: p.month, day: p.day, hour: p.hour };
      const isOldest = nr === completed.length - 1;
      BUCKETS.forEach((b, i) => {
        const count = counts[i]!;
        if (count === 0) return;
        const val = b.key(local, nr);
        if (val !== last[i] || isOldest) {
          const oldest = val === last[i] && isOldest;
          last[i] = val;
          if (count > 0) counts[i] = count - 1;
          r.push(`${oldest ? 'oldest ' : ''}${b.name} ${val}`);
        }
      });
    });
  }

  return list.map((c) => {
    const r = reasons.get(c.id)!;
    if (c.status === 'pending' || c.status === 'running') r.push(c.status);
    if (c.protected) r.push('protected');
    if (c.id === guards.newestCompletedId) r.push('newest completed');
    if (c.id === guards.newestVerifiedId) r.push('newest verified');
    if (c.status === 'completed' && empty) r.push('no retention policy');
    if (c.status === 'delete_failed' && !c.protected) {
      return {
        id: c.id,
        createdAt: c.createdAt,
        status: c.status,
        action: 'delete',
        reasons: ['deletion retried'],
      };
    }
    return {
      id: c.id,
      createdAt: c.createdAt,
      status: c.status,
      action: r.length ? 'keep' : 'delete',
      reasons: r.length ? r : ['no rule keeps it'],
    };
  });
}
