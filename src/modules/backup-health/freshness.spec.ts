import fc from 'fast-check';
import { freshness } from './freshness.js';

const HOUR = 3600_000;
const now = new Date('2026-03-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const base = { intervalMs: HOUR, now, lateFactor: 1.5, staleFactor: 3 };

describe('freshness', () => {
  it('is never without a completed backup', () => {
    expect(freshness({ ...base, newestCompletedAt: null })).toEqual({
      freshness: 'never',
      ageMs: null,
      lateAt: null,
      staleAt: null,
    });
  });

  it.each([
    [0, 'fresh'],
    [HOUR, 'fresh'],
    [1.5 * HOUR, 'fresh'],
    [1.5 * HOUR + 1, 'late'],
    [3 * HOUR, 'late'],
    [3 * HOUR + 1, 'stale'],
    [72 * HOUR, 'stale'],
  ])('an hourly environment whose newest backup is %d ms old is %s', (age, expected) => {
    expect(freshness({ ...base, newestCompletedAt: ago(age) }).freshness).toBe(expected);
  });

  it('reports when it turns late and stale', () => {
    const r = freshness({ ...base, newestCompletedAt: ago(HOUR) });
    expect(r.ageMs).toBe(HOUR);
    expect(r.lateAt?.toISOString()).toBe('2026-03-01T12:30:00.000Z');
    expect(r.staleAt?.toISOString()).toBe('2026-03-01T14:00:00.000Z');
  });

  it('uses the platform thresholds', () => {
    const r = freshness({ ...base, lateFactor: 2, staleFactor: 5, newestCompletedAt: ago(4 * HOUR) });
    expect(r.freshness).toBe('late');
  });

  it('treats a completion in the future (clock skew) as just now', () => {
    expect(freshness({ ...base, newestCompletedAt: new Date(now.getTime() + 60_000) })).toMatchObject({
      freshness: 'fresh',
      ageMs: 0,
    });
  });

  it('refuses nonsense inputs', () => {
    expect(() => freshness({ ...base, intervalMs: 0, newestCompletedAt: null })).toThrow(RangeError);
    expect(() => freshness({ ...base, lateFactor: 3, staleFactor: 3, newestCompletedAt: null })).toThrow(
      RangeError,
    );
  });

  it('is monotonic: an older backup is never fresher', () => {
    const rank = { fresh: 0, late: 1, stale: 2, never: 3 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 60_000, max: 30 * 24 * HOUR }),
        fc.nat({ max: 100 * 24 * HOUR }),
        fc.nat({ max: 100 * 24 * HOUR }),
        (interval, a, b) => {
          const [younger, older] = a <= b ? [a, b] : [b, a];
          const r1 = freshness({ ...base, intervalMs: interval, newestCompletedAt: ago(younger) });
          const r2 = freshness({ ...base, intervalMs: interval, newestCompletedAt: ago(older) });
          return rank[r1.freshness] <= rank[r2.freshness];
        },
      ),
    );
  });
});
