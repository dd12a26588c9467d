import { Transform, type TransformCallback } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { StorageError } from './storage-errors.js';

/**
 * Node frees a dead Buffer's memory only when V8 collects its small JS wrapper, and a stream of
 * 64 KiB chunks fills the young generation so slowly that 50+ MB of dead chunks pile up between
 * collections. A minor GC (about 0.1 ms) every few MiB streamed keeps a transfer's resident memory
 * flat: `npm run bench:storage` shows the difference. Falls back to nothing if gc is unavailable.
 */
const collectYoungGarbage = ((): (() => void) => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (options: { type: 'minor' }) => void;
    return () => gc({ type: 'minor' });
  } catch {
    return () => undefined;
  }
})();
const GC_EVERY_BYTES = 4 * 1024 * 1024;
let streamedSinceGc = 0;

/** Call with the size of every chunk a long transfer moves (all transfers share one budget). */
export function noteStreamed(bytes: number): void {
  streamedSinceGc += bytes;
  if (streamedSinceGc >= GC_EVERY_BYTES) {
    streamedSinceGc = 0;
    collectYoungGarbage();
  }
}

/** ArrayBuffers that belong to one chunk alone, which the upload that consumes it may free. */
const disposable = new WeakSet<ArrayBufferLike>();
/** Smaller chunks are not worth it (and below 32 KiB Buffer may take them from its shared pool). */
const MIN_DISPOSABLE_BYTES = 32 * 1024;

/**
 * Declares that chunk's memory is its alone and that nothing reads it once the stream's next
 * consumer is done with it: a fresh output (ParallelGzip's blocks) or a read from a pipe (pg_dump)
 * or file (node-tar). V8 frees large dead buffers lazily (tens of MB pile up between major GCs,
 * `npm run bench:backup`), so the consumers free these at once after their last use: ParallelGzip
 * (its input), the S3 copier, the local driver's writes.
 */
export function markDisposable(chunk: Buffer): Buffer {
  if (chunk.buffer.byteLength >= MIN_DISPOSABLE_BYTES) disposable.add(chunk.buffer);
  return chunk;
}

/** Whether chunk spans its whole ArrayBuffer (it is not a slice of a buffer shared with others). */
export function spansItsBuffer(chunk: Buffer): boolean {
  return chunk.byteOffset === 0 && chunk.length === chunk.buffer.byteLength;
}

/** Called by a chunk's last consumer: frees it if it was marked. */
export function dispose(chunk: Uint8Array): void {
  if (disposable.delete(chunk.buffer)) detach(chunk.buffer);
}

/**
 * Frees an ArrayBuffer's memory now (every view of it becomes empty). Buffer's shared pool cannot
 * be detached (Node marks it so), which is left alone.
 */
export function detach(ab: ArrayBufferLike): boolean {
  if (!(ab instanceof ArrayBuffer) || ab.detached) return false;
  try {
    ab.transfer(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts the bytes flowing through, reports progress and enforces a declared content length, so a
 * short or long source fails the upload instead of storing a truncated object.
 */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(
    private readonly onProgress?: (bytes: number) => void,
    private readonly expectedLength?: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    noteStreamed(chunk.length);
    if (this.expectedLength !== undefined && this.bytes > this.expectedLength) {
      cb(lengthMismatch(this.expectedLength, this.bytes, 'more'));
      return;
    }
    this.onProgress?.(this.bytes);
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.expectedLength !== undefined && this.bytes !== this.expectedLength) {
      cb(lengthMismatch(this.expectedLength, this.bytes, 'fewer'));
      return;
    }
    cb();
  }
}

function lengthMismatch(expected: number, got: number, what: string): StorageError {
  return new StorageError(
    'invalid_config',
    `The upload source produced ${what} bytes (${got}) than the declared content length (${expected}).`,
  );
}

/** Runs fn with a signal that aborts when the caller's signal aborts or after ms (if given). */
export function linkedSignal(signal: AbortSignal | undefined, ms?: number): AbortSignal | undefined {
  const signals = [signal, ms ? AbortSignal.timeout(ms) : undefined].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  if (signals.length === 0) return undefined;
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

/**
 * Rejects with onTimeout() when the promise has not settled within ms; the caller's cleanup
 * (closing the connection) happens in onTimeout's side effects or the caller's finally.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The async iterator of a list, collected (tests, small listings). */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
