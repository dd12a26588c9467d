import { normalizeKey, normalizeListPrefix, normalizePathPrefix } from './storage-keys.js';

describe('storage keys', () => {
  it('normalizes keys and refuses escapes', () => {
    expect(normalizeKey('a//b/c.txt')).toBe('a/b/c.txt');
    for (const bad of ['', ' ', '../x', 'a/../b', './a', '/abs', 'a\\b', 'dir/', 'a\u0000b']) {
      expect(() => normalizeKey(bad)).toThrow(expect.objectContaining({ code: 'invalid_config' }));
    }
  });

  it('normalizes path and list prefixes', () => {
    expect(normalizePathPrefix(undefined)).toBe('');
    expect(normalizePathPrefix(' /backups//prod ')).toBe('backups/prod/');
    expect(() => normalizePathPrefix('backups/../other')).toThrow();
    expect(normalizeListPrefix('')).toBe('');
    expect(normalizeListPrefix('a//b/')).toBe('a/b/');
    expect(normalizeListPrefix('a/b')).toBe('a/b');
    expect(() => normalizeListPrefix('../')).toThrow();
  });
});
