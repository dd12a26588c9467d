import { ConnectionTestRateLimit, TESTS_PER_MINUTE } from './connection-test-rate-limit.js';

describe('ConnectionTestRateLimit', () => {
  const limiter = (start = 1_000_000) => {
    const l = new ConnectionTestRateLimit();
    let now = start;
    l.now = () => now;
    return { l, advance: (ms: number) => (now += ms) };
  };

  it(`allows ${TESTS_PER_MINUTE} tests a minute per scope, then 429 with Retry-After`, () => {
    const { l, advance } = limiter();
    for (let i = 0; i < TESTS_PER_MINUTE; i++) {
      l.take('org-1');
      advance(1000);
    }
    let refused: unknown;
    try {
      l.take('org-1');
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429 });
    // The oldest test was 10 s ago: its slot frees in 50 s.
    expect((refused as { extras: { headers: Record<string, string> } }).extras.headers).toEqual({
      'retry-after': '50',
    });
  });

  it('scopes are counted apart; the platform has its own window', () => {
    const { l } = limiter();
    for (let i = 0; i < TESTS_PER_MINUTE; i++) l.take('org-1');
    expect(() => l.take('org-2')).not.toThrow();
    expect(() => l.take(null)).not.toThrow();
    expect(() => l.take('org-1')).toThrow();
  });

  it('the window slides: a slot frees a minute after the test that took it', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < TESTS_PER_MINUTE; i++) {
      l.take('org-1');
      advance(1000);
    }
    advance(49_999); // 59.999 s after the first test
    expect(() => l.take('org-1')).toThrow();
    advance(1); // the first test's slot frees, the second's not yet
    expect(() => l.take('org-1')).not.toThrow();
    expect(() => l.take('org-1')).toThrow();
  });

  it('a refused test does not use a slot', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < TESTS_PER_MINUTE; i++) l.take('org-1');
    for (let i = 0; i < 5; i++) expect(() => l.take('org-1')).toThrow();
    advance(60_000);
    for (let i = 0; i < TESTS_PER_MINUTE; i++) l.take('org-1');
  });
});
