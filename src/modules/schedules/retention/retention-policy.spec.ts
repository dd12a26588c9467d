import {
  applyRetention,
  parseDuration,
  policyProblems,
  type RetentionCandidate,
  type RetentionPolicy,
} from './retention-policy.js';

const NO_GUARDS = { newestCompletedId: null, newestVerifiedId: null };
const NOW = new Date('2030-01-01T00:00:00Z');

/** Completed backups at the given UTC instants; ids b0, b1, ... in the order given. */
function backups(...times: string[]): RetentionCandidate[] {
  return times.map((t, i) => ({
    id: `b${i}`,
    createdAt: new Date(t),
    status: 'completed',
    protected: false,
  }));
}

function kept(
  list: RetentionCandidate[],
  policy: RetentionPolicy | null,
  tz = 'UTC',
  guards = NO_GUARDS,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of applyRetention(list, policy, tz, guards, NOW))
    if (d.action === 'keep') out[d.id] = d.reasons;
  return out;
}

/** Backups every `hours` hours from `start` (UTC), `n` of them. */
function series(start: string, hours: number, n: number): RetentionCandidate[] {
  const t0 = new Date(start).getTime();
  return Array.from({ length: n }, (_, i) => ({
    id: `s${String(i).padStart(3, '0')}`,
    createdAt: new Date(t0 + i * hours * 3_600_000),
    status: 'completed' as const,
    protected: false,
  }));
}

describe('applyRetention (restic forget semantics)', () => {
  it('keep_last keeps the N newest, with their rank', () => {
    const list = backups('2026-12-01T03:00Z', '2026-12-02T03:00Z', '2026-12-03T03:00Z', '2026-12-04T03:00Z');
    expect(kept(list, { keep_last: 2 })).toEqual({ b3: ['last 1'], b2: ['last 2'] });
  });

  it('keep_daily keeps the newest backup of each of the last N days that have one', () => {
    const list = backups(
      '2026-12-01T03:00Z',
      '2026-12-02T03:00Z',
      '2026-12-02T15:00Z', // the newest of Dec 2
      '2026-12-04T03:00Z', // Dec 3 has none: it does not use up a day
      '2026-12-04T09:00Z',
    );
    expect(kept(list, { keep_daily: 2 })).toEqual({ b4: ['daily 2026-12-04'], b2: ['daily 2026-12-02'] });
  });

  it('a rule with count left after the oldest backup keeps that oldest one too (restic: "oldest")', () => {
    const list = backups('2026-12-01T03:00Z', '2026-12-01T09:00Z', '2026-12-02T03:00Z');
    // Two days exist, keep_daily 5: both days' newest, and the oldest backup as well.
    expect(kept(list, { keep_daily: 5 })).toEqual({
      b2: ['daily 2026-12-02'],
      b1: ['daily 2026-12-01'],
      b0: ['oldest daily 2026-12-01'],
    });
  });

  it('GFS: hourly + daily + weekly + monthly combine; a backup kept by several rules lists every reason', () => {
    // One backup every 6 hours over 40 days.
    const list = series('2026-11-01T00:00Z', 6, 160);
    const k = kept(list, { keep_last: 2, keep_daily: 7, keep_weekly: 4, keep_monthly: 2 });
    const newest = list[list.length - 1]!;
    expect(newest.createdAt.toISOString()).toBe('2026-12-10T18:00:00.000Z');
    expect(k[newest.id]).toEqual(['last 1', 'daily 2026-12-10', 'weekly 2026-W50', 'monthly 2026-12']);
    const daily = Object.values(k)
      .flat()
      .filter((r) => r.startsWith('daily'));
    expect(daily).toHaveLength(7);
    // weeks 50, 49, 48, 47 (Nov 16-22); months 12 and 11
    expect(
      Object.values(k)
        .flat()
        .filter((r) => r.startsWith('weekly'))
        .sort(),
    ).toEqual(['weekly 2026-W47', 'weekly 2026-W48', 'weekly 2026-W49', 'weekly 2026-W50']);
    expect(
      Object.values(k)
        .flat()
        .filter((r) => r.includes('monthly')),
    ).toEqual(['monthly 2026-12', 'monthly 2026-11']);
    // 2 last (1 shared with daily) + 7 daily + weekly beyond the daily window (W48 and W47) + Nov
    expect(Object.keys(k)).toHaveLength(11);
  });

  it('the worked example of docs/schedules.md', () => {
    const list = series('2026-12-01T03:00Z', 24, 8);
    const d = applyRetention(
      list,
      { keep_last: 2, keep_daily: 3, keep_weekly: 2 },
      'UTC',
      { newestCompletedId: 's007', newestVerifiedId: null },
      NOW,
    );
    expect(d.map((x) => [x.createdAt.toISOString().slice(5, 10), x.action, x.reasons.join(', ')])).toEqual([
      ['12-08', 'keep', 'last 1, daily 2026-12-08, weekly 2026-W50, newest completed'],
      ['12-07', 'keep', 'last 2, daily 2026-12-07'],
      ['12-06', 'keep', 'daily 2026-12-06, weekly 2026-W49'],
      ['12-05', 'delete', 'no rule keeps it'],
      ['12-04', 'delete', 'no rule keeps it'],
      ['12-03', 'delete', 'no rule keeps it'],
      ['12-02', 'delete', 'no rule keeps it'],
      ['12-01', 'delete', 'no rule keeps it'],
    ]);
    const weekly3 = kept(list, { keep_last: 2, keep_daily: 3, keep_weekly: 3 });
    expect(weekly3.s000).toEqual(['oldest weekly 2026-W49']);
  });

  it('keep_within counts from the newest backup, not from now (restic)', () => {
    const list = backups('2026-11-01T00:00Z', '2026-11-20T00:00Z', '2026-11-25T00:00Z', '2026-12-01T00:00Z');
    // 2w3d = 17 days before Dec 1: after Nov 14.
    expect(kept(list, { keep_within: '2w3d' })).toEqual({
      b3: ['within 2w3d'],
      b2: ['within 2w3d'],
      b1: ['within 2w3d'],
    });
  });

  it('-1 keeps every bucket', () => {
    const list = series('2026-12-01T00:00Z', 12, 6);
    expect(Object.keys(kept(list, { keep_daily: -1 }))).toHaveLength(3 + 1); // 3 days + the oldest
    expect(Object.keys(kept(list, { keep_last: -1 }))).toHaveLength(6);
  });

  it('an empty policy deletes nothing', () => {
    const list = series('2026-12-01T00:00Z', 1, 5);
    for (const p of [null, {}, { keep_last: 0, keep_within: null }]) {
      const d = applyRetention(list, p, 'UTC', NO_GUARDS, NOW);
      expect(d.every((x) => x.action === 'keep' && x.reasons.includes('no retention policy'))).toBe(true);
    }
  });

  it('protected, newest completed, newest verified, pending and running are kept whatever the policy', () => {
    const list: RetentionCandidate[] = [
      ...backups('2026-12-01T03:00Z', '2026-12-02T03:00Z', '2026-12-03T03:00Z', '2026-12-04T03:00Z'),
      { id: 'p', createdAt: new Date('2026-11-01T00:00Z'), status: 'completed', protected: true },
      { id: 'run', createdAt: new Date('2026-12-05T03:00Z'), status: 'running', protected: false },
      { id: 'pend', createdAt: new Date('2026-12-05T04:00Z'), status: 'pending', protected: false },
      { id: 'f', createdAt: new Date('2026-12-05T05:00Z'), status: 'failed', protected: false },
      { id: 'df', createdAt: new Date('2026-11-02T00:00Z'), status: 'delete_failed', protected: false },
    ];
    const d = applyRetention(
      list,
      { keep_last: 1 },
      'UTC',
      { newestCompletedId: 'b3', newestVerifiedId: 'b1' },
      NOW,
    );
    const by = Object.fromEntries(d.map((x) => [x.id, x]));
    expect(by.b3).toMatchObject({ action: 'keep', reasons: ['last 1', 'newest completed'] });
    expect(by.b1).toMatchObject({ action: 'keep', reasons: ['newest verified'] });
    expect(by.p).toMatchObject({ action: 'keep', reasons: ['protected'] });
    expect(by.run).toMatchObject({ action: 'keep', reasons: ['running'] });
    expect(by.pend).toMatchObject({ action: 'keep', reasons: ['pending'] });
    expect(by.b0).toMatchObject({ action: 'delete', reasons: ['no rule keeps it'] });
    expect(by.b2).toMatchObject({ action: 'delete' });
    expect(by.df).toMatchObject({ action: 'delete', reasons: ['deletion retried'] });
    expect(by.f).toBeUndefined(); // failed backups hold no objects: pruned by age, not by retention
  });

  describe('time zones and DST', () => {
    it("days and ISO weeks are the schedule zone's: 00:30 Monday in Berlin is Sunday 22:30 UTC", () => {
      // Sunday 29 March 2026 (the spring-forward day) 00:30 CET and Monday 30 March 00:30 CEST.
      const list = backups('2026-03-28T23:30Z', '2026-03-29T22:30Z');
      expect(kept(list, { keep_weekly: 1 }, 'UTC')).toEqual({ b1: ['weekly 2026-W13'] });
      expect(kept(list, { keep_weekly: 1 }, 'Europe/Berlin')).toEqual({ b1: ['weekly 2026-W14'] });
      expect(kept(list, { keep_daily: 1 }, 'Europe/Berlin')).toEqual({ b1: ['daily 2026-03-30'] });
    });

    it('a DST week of daily 02:30 backups in Berlin: one per local day, 7 days, the 23-hour day included', () => {
      // 30 2 * * * Europe/Berlin over the week of 23–29 March 2026 (the 29th has no 02:30: 03:00 CEST).
      const list = backups(
        '2026-03-23T01:30Z',
        '2026-03-24T01:30Z',
        '2026-03-25T01:30Z',
        '2026-03-26T01:30Z',
        '2026-03-27T01:30Z',
        '2026-03-28T01:30Z',
        '2026-03-29T01:00Z',
        '2026-03-30T00:30Z',
      );
      const k = kept(list, { keep_daily: 7, keep_weekly: 2 }, 'Europe/Berlin');
      // 7 local days from b7 back to b1; b0 (Monday 23rd) is the 8th day: deleted.
      expect(Object.keys(k)).toEqual(['b7', 'b6', 'b5', 'b4', 'b3', 'b2', 'b1']);
      expect(k.b6).toEqual(['daily 2026-03-29', 'weekly 2026-W13']);
      expect(k.b7).toEqual(['daily 2026-03-30', 'weekly 2026-W14']);
    });

    it('the repeated hour (fall back, Berlin 25 Oct 2026): both 02:30s fall in one local hourly bucket', () => {
      const list = backups('2026-10-25T00:30Z', '2026-10-25T01:30Z', '2026-10-25T02:30Z');
      expect(kept(list, { keep_hourly: 2 }, 'Europe/Berlin')).toEqual({
        b2: ['hourly 2026-10-25T03'],
        b1: ['hourly 2026-10-25T02'],
      });
      expect(kept(list, { keep_hourly: 2 }, 'UTC')).toEqual({
        b2: ['hourly 2026-10-25T02'],
        b1: ['hourly 2026-10-25T01'],
      });
    });

    it('New York: the evening backup is on the previous local day and month', () => {
      const list = backups('2026-11-30T23:00Z', '2026-12-01T03:00Z');
      expect(kept(list, { keep_monthly: 2 }, 'America/New_York')).toEqual({
        b1: ['monthly 2026-11'],
        b0: ['oldest monthly 2026-11'],
      });
      expect(kept(list, { keep_monthly: 2 }, 'UTC')).toEqual({
        b1: ['monthly 2026-12'],
        b0: ['monthly 2026-11'],
      });
    });
  });
});

describe('policy validation', () => {
  it('parses durations with units in any order', () => {
    expect(parseDuration('30d')).toEqual({ years: 0, months: 0, days: 30, hours: 0 });
    expect(parseDuration('2w3d')).toEqual({ years: 0, months: 0, days: 17, hours: 0 });
    expect(parseDuration('1y1d1m')).toEqual({ years: 1, months: 1, days: 1, hours: 0 });
    for (const bad of ['', '0d', '30', 'd', '1d1d', '3 days', '-1d', '1x'])
      expect(parseDuration(bad)).toBeNull();
  });

  it('names the field and what is wrong', () => {
    expect(policyProblems({ keep_daily: -2, keep_within: 'soon' })).toEqual([
      { field: 'keep_daily', message: expect.stringContaining('-1 for all') },
      { field: 'keep_within', message: expect.stringContaining('duration') },
    ]);
    expect(policyProblems({ keep_daily: 7, keep_within: '30d' })).toEqual([]);
  });
});
