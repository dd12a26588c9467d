import { Transform, type TransformCallback } from 'node:stream';
import { StorageError } from './storage-errors.js';

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
