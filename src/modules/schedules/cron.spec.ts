import { CronProblem, CronSpec, formatInZone } from './cron.js';
import { jitterOffsetMs, nextFireAfter } from './schedule-timing.js';

const runs = (expr: string, tz: string, from: string, n: number) =>
  CronSpec.parse(expr, tz)
    .nextRuns(n, new Date(from))
    .map((d) => d.toISOString());

describe('CronSpec (croner, IANA zones)', () => {
  it('Feb 29 fires only in leap years', () => {
    expect(runs('0 3 29 2 *', 'UTC', '2026-01-01T00:00:00Z', 2)).toEqual([
      '2028-02-29T03:00:00.000Z',
      '2032-02-29T03:00:00.000Z',
    ]);
  });

  it('day 31 skips the short months; L is the last day of each month', () => {
    expect(runs('0 0 31 * *', 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-31T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
      '2026-05-31T00:00:00.000Z',
    ]);
    expect(runs('0 0 L * *', 'UTC', '2028-01-15T00:00:00Z', 2)).toEqual([
      '2028-01-31T00:00:00.000Z',
      '2028-02-29T00:00:00.000Z',
    ]);
  });

  it('aliases, ranges, steps, lists', () => {
    expect(runs('@daily', 'Europe/Berlin', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-01T23:00:00.000Z']);
    expect(runs('15-45/15 9 * * 1-5', 'UTC', '2026-12-04T00:00:00Z', 4)).toEqual([
      '2026-12-04T09:15:00.000Z',
      '2026-12-04T09:30:00.000Z',
      '2026-12-04T09:45:00.000Z',
      '2026-12-07T09:15:00.000Z', // Friday, then Monday
    ]);
  });

  describe('DST', () => {
    it('Berlin spring forward: 02:30 does not exist on 29 March; it runs once at 03:00 CEST', () => {
      expect(runs('30 2 * * *', 'Europe/Berlin', '2026-03-28T00:00:00Z', 3)).toEqual([
        '2026-03-28T01:30:00.000Z', // 02:30 CET
        '2026-03-29T01:00:00.000Z', // 03:00 CEST
        '2026-03-30T00:30:00.000Z', // 02:30 CEST
      ]);
    });

    it('Berlin fall back: 02:30 happens twice on 25 October; it runs once, at the first', () => {
      expect(runs('30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z', 2)).toEqual([
        '2026-10-25T00:30:00.000Z', // 02:30 CEST
        '2026-10-26T01:30:00.000Z', // 02:30 CET next day
      ]);
    });

    it('hourly in Berlin: the skipped hour has no run, the repeated hour runs twice', () => {
      expect(runs('0 * * * *', 'Europe/Berlin', '2026-03-29T00:30:00Z', 2)).toEqual([
        '2026-03-29T01:00:00.000Z', // 03:00 CEST right after 01:00 CET (00:00Z): 02:00 does not exist
        '2026-03-29T02:00:00.000Z',
      ]);
      expect(runs('0 * * * *', 'Europe/Berlin', '2026-10-24T23:30:00Z', 3)).toEqual([
        '2026-10-25T00:00:00.000Z', // 02:00 CEST
        '2026-10-25T01:00:00.000Z', // 02:00 CET
        '2026-10-25T02:00:00.000Z', // 03:00 CET
      ]);
    });

    it('New York: 02:30 on 8 March 2026 runs at 03:00 EDT; 01:30 on 1 November runs once', () => {
      expect(runs('30 2 * * *', 'America/New_York', '2026-03-07T12:00:00Z', 2)).toEqual([
        '2026-03-08T07:00:00.000Z',
        '2026-03-09T06:30:00.000Z',
      ]);
      expect(runs('30 1 * * *', 'America/New_York', '2026-10-31T12:00:00Z', 2)).toEqual([
        '2026-11-01T05:30:00.000Z', // 01:30 EDT, not again at 01:30 EST
        '2026-11-02T06:30:00.000Z',
      ]);
    });
  });

  it('minimum interval over the next runs', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(CronSpec.parse('*/5 * * * *', 'UTC').minIntervalMinutes(at)).toBe(5);
    expect(CronSpec.parse('0,20 3 * * *', 'UTC').minIntervalMinutes(at)).toBe(20);
    expect(CronSpec.parse('0 * * * *', 'Europe/Berlin').minIntervalMinutes(at)).toBe(60);
  });

  it('refuses bad input, naming the field', () => {
    const problem = (expr: string, tz = 'UTC') => {
      try {
        CronSpec.parse(expr, tz);
      } catch (err) {
        expect(err).toBeInstanceOf(CronProblem);
        return { field: (err as CronProblem).field, message: (err as CronProblem).message };
      }
      throw new Error(`accepted ${expr} ${tz}`);
    };
    expect(problem('61 * * * *')).toEqual({ field: 'cron', message: expect.stringContaining('minute') });
    expect(problem('0 0 * * * *')).toEqual({ field: 'cron', message: expect.stringContaining('5 fields') });
    expect(problem('0 0 *')).toEqual({ field: 'cron', message: expect.stringContaining('5 fields') });
    expect(problem('@reboot')).toEqual({ field: 'cron', message: expect.stringContaining('Unknown alias') });
    expect(problem('0 0 30 2 *')).toEqual({ field: 'cron', message: 'The expression never fires.' });
    expect(problem('0 3 * * *', 'Mars/Olympus')).toEqual({
      field: 'timezone',
      message: expect.stringContaining('IANA'),
    });
  });

  it('formats a time in the zone with its offset', () => {
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
    expect(formatInZone(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
    expect(formatInZone(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-05:00',
    );
  });
});

describe('jitter', () => {
  it('a fixed offset per schedule within 0..jitter_seconds, applied to every run', () => {
    const spec = CronSpec.parse('0 3 * * *', 'UTC');
    const s = { id: 'ffffffff-0000-4000-8000-000000000000', jitterSeconds: 600 };
    const off = jitterOffsetMs(s);
    expect(off).toBe((0xffffffff % 601) * 1000);
    const first = nextFireAfter(spec, s, new Date('2026-12-01T00:00:00Z'))!;
    expect(first.toISOString()).toBe(new Date(Date.parse('2026-12-01T03:00:00Z') + off).toISOString());
    // Just after the cron time but before the offset: still today's run.
    expect(nextFireAfter(spec, s, new Date('2026-12-01T03:00:01Z'))).toEqual(first);
    expect(nextFireAfter(spec, s, first)!.getTime() - first.getTime()).toBe(86_400_000);
    expect(jitterOffsetMs({ ...s, jitterSeconds: 0 })).toBe(0);
  });
});
