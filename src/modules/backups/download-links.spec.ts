import { DownloadLinks, parseRange } from './download-links.js';

describe('DownloadLinks', () => {
  const links = new DownloadLinks('a-test-secret-a-test-secret-a-test-secret');
  const claim = {
    organizationId: '0b6f4a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    backupId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    part: 'filestore' as const,
    exp: 2_000_000_000,
  };

  it('round-trips a claim in a token short enough for a path parameter', () => {
    const token = links.sign(claim);
    expect(token.length).toBeLessThanOrEqual(100);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(links.verify(token, 1_000)).toEqual(claim);
  });

  it('refuses expired, tampered, truncated and foreign tokens', () => {
    const token = links.sign(claim);
    expect(links.verify(token, claim.exp + 1)).toBeNull();
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    expect(links.verify(flipped, 1_000)).toBeNull();
    expect(links.verify(token.slice(0, -2), 1_000)).toBeNull();
    // Same bytes, non-canonical last character (its spare bits set).
    const last = token[token.length - 1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(
      Buffer.from(token.slice(0, -1) + sibling, 'base64url').equals(Buffer.from(token, 'base64url')),
    ).toBe(true);
    expect(links.verify(token.slice(0, -1) + sibling, 1_000)).toBeNull();
    expect(links.verify('not a token', 1_000)).toBeNull();
    const other = new DownloadLinks('another-secret-another-secret-another-secret');
    expect(other.verify(token, 1_000)).toBeNull();
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=50-500', 100, { start: 50, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
  ])('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it('unsatisfiable ranges are null, absent or unsupported ones mean the whole object', () => {
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('bytes=9-3', 100)).toBeNull();
    expect(parseRange('bytes=-0', 100)).toBeNull();
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange('items=0-1', 100)).toBeUndefined();
  });
});
