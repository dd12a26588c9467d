import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { StorageError } from '../storage-errors.js';

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

/** sha256 and byte count of what flows through. */
export class HashCounter extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly onChunk?: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onChunk?.(chunk.length);
    cb(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
