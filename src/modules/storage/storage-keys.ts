import { StorageError } from './storage-errors.js';

function invalidKey(key: string, why: string): StorageError {
  return new StorageError('invalid_config', `Invalid object key "${key}": ${why}.`);
}

function segments(value: string, what: string): string[] {
  if (value.includes('\0') || /[\u0000-\u001f\u007f]/.test(value)) {
    throw invalidKey(value, `control characters are not allowed in a ${what}`);
  }
  if (value.includes('\\')) throw invalidKey(value, `backslashes are not allowed in a ${what}`);
  if (value.startsWith('/')) throw invalidKey(value, `absolute ${what}s are not allowed`);
  const parts = value.split('/').filter((s) => s !== '');
  for (const p of parts) {
    if (p === '..' || p === '.') throw invalidKey(value, `"${p}" segments are not allowed`);
  }
  return parts;
}

/** `a//b/c` → `a/b/c`; refuses empty, absolute, `..`/`.` segments, backslashes and a trailing slash. */
export function normalizeKey(key: string): string {
  if (typeof key !== 'string' || key.trim() === '') throw invalidKey(String(key), 'empty key');
  if (key.endsWith('/')) throw invalidKey(key, 'a key must not end with "/"');
  const parts = segments(key, 'key');
  const normalized = parts.join('/');
  if (normalized.length > 900) throw invalidKey(key.slice(0, 40) + '…', 'longer than 900 characters');
  return normalized;
}

/**
 * A listing prefix: '' (everything), 'a/b/' (a folder) or 'a/b' (a partial name); same refusals
 * as keys. Keeps a trailing slash.
 */
export function normalizeListPrefix(prefix: string): string {
  if (!prefix) return '';
  const parts = segments(prefix, 'prefix');
  if (parts.length === 0) return '';
  return parts.join('/') + (prefix.endsWith('/') ? '/' : '');
}

/** A configured path prefix: '' or 'a/b/' (always a folder). */
export function normalizePathPrefix(prefix: string | null | undefined): string {
  const p = prefix?.trim();
  if (!p) return '';
  const parts = segments(p.replace(/^\/+/, ''), 'path prefix');
  return parts.length ? parts.join('/') + '/' : '';
}
