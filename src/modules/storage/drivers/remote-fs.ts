import path from 'node:path/posix';
import { Transform, type Readable } from 'node:stream';
import type { StorageError } from '../storage-errors.js';

/** `/a/b/c` → [`/a`, `/a/b`, `/a/b/c`] (for mkdir -p over FTP/SFTP). */
export function dirsOf(dir: string): string[] {
  const out: string[] = [];
  let d = path.normalize(dir);
  while (d !== '/' && d !== '.' && d !== '') {
    out.unshift(d);
    d = path.dirname(d);
  }
  return out;
}

export interface StallWatchdog {
  /** Call whenever bytes move. */
  touch(): void;
  stop(): void;
}

/**
 * Fires onStall once when no bytes moved for ms while isWaiting() says we are waiting on the
 * server (and not on a slow source or a slow consumer). A SIGSTOPped server sends nothing, not
 * even a reset, so only this catches it mid-transfer.
 */
export function stallWatchdog(ms: number, isWaiting: () => boolean, onStall: () => void): StallWatchdog {
  let last = Date.now();
  const timer = setInterval(
    () => {
      if (!isWaiting()) {
        last = Date.now();
        return;
      }
      if (Date.now() - last >= ms) {
        clearInterval(timer);
        onStall();
      }
    },
    Math.max(50, Math.min(1000, Math.floor(ms / 5))),
  );
  timer.unref();
  return { touch: () => (last = Date.now()), stop: () => clearInterval(timer) };
}

/**
 * Wraps a server read stream: maps its errors, and destroys it with a timeout error when the
 * consumer is waiting for data and none arrives within ms.
 */
export function watchedDownload(
  source: Readable,
  ms: number,
  mapError: (err: unknown) => StorageError,
  onStall: () => StorageError,
  signal?: AbortSignal,
): Readable {
  const out = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      watchdog.touch();
      cb(null, chunk);
    },
  });
  const watchdog = stallWatchdog(
    ms,
    () => out.readableLength === 0 && !out.readableEnded && !source.readableEnded,
    () => {
      const err = onStall();
      source.destroy();
      out.destroy(err);
    },
  );
  source.on('error', (err) => out.destroy(mapError(err)));
  out.on('close', () => {
    watchdog.stop();
    source.destroy();
  });
  const onAbort = () => out.destroy(mapError(Object.assign(new Error('aborted'), { name: 'AbortError' })));
  signal?.addEventListener('abort', onAbort, { once: true });
  out.on('close', () => signal?.removeEventListener('abort', onAbort));
  source.pipe(out);
  return out;
}

/** One entry of a directory listing, as the walk needs it. */
export interface TreeEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
  /** Size and time of a file; null when it vanished meanwhile. */
  info():
    Promise<{ size: number; modifiedAt: Date | null } | null> | { size: number; modifiedAt: Date | null };
}

/** Upload temp files: hidden from listings, removed with their prefix. */
export const PARTIAL_SUFFIX = '.partial';

/**
 * Lists the files under a key prefix of a directory tree (local, SFTP and FTP drivers), in key
 * order. Only the deepest directory the prefix names and the directories that can hold matching
 * keys are read. `readDir(rel)` lists the directory at a relative key path ('' for the base),
 * null when it does not exist. withPartial: also the temp files of uploads that never finished (a
 * killed worker's), for deletePrefix.
 */
export async function* walkTree(
  prefix: string,
  readDir: (rel: string) => Promise<TreeEntry[] | null>,
  options: { signal?: AbortSignal; withPartial: boolean },
): AsyncGenerator<{ key: string; size: number; modifiedAt: Date | null }> {
  const visit = async function* (
    rel: string,
  ): AsyncGenerator<{ key: string; size: number; modifiedAt: Date | null }> {
    options.signal?.throwIfAborted();
    const entries = await readDir(rel);
    if (!entries) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name === '.' || e.name === '..') continue;
      const key = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory) {
        if (prefix.startsWith(key + '/') || key.startsWith(prefix) || (key + '/').startsWith(prefix)) {
          yield* visit(key);
        }
      } else if (
        e.isFile &&
        (options.withPartial || !e.name.endsWith(PARTIAL_SUFFIX)) &&
        key.startsWith(prefix)
      ) {
        const info = await e.info();
        if (info) yield { key, ...info };
      }
    }
  };
  yield* visit(prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '');
}
