import { exceedsJsonDepth } from './json-body.js';

const deep = (n: number) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`);

describe('exceedsJsonDepth', () => {
  it('counts object and array nesting up to the limit', () => {
    expect(exceedsJsonDepth(deep(32), 32)).toBe(false);
    expect(exceedsJsonDepth(deep(33), 32)).toBe(true);
    expect(exceedsJsonDepth(Buffer.from('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
    expect(exceedsJsonDepth(Buffer.from('{"a":{"b":[{"c":[]}]}}'), 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(Buffer.from(JSON.stringify({ s: '[[[[[[' })), 1)).toBe(false);
    expect(exceedsJsonDepth(Buffer.from(JSON.stringify({ s: 'a"[[[\\"[[[' })), 1)).toBe(false);
    expect(exceedsJsonDepth(Buffer.from(JSON.stringify({ s: 'é[€[😀' })), 1)).toBe(false);
    expect(exceedsJsonDepth(Buffer.from(`{"s":"\\\\",${'['.repeat(3)}`), 2)).toBe(true);
  });
});
