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
