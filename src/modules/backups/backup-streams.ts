import { Transform, type TransformCallback } from 'node:stream';
import type { Compression } from '../environments/environment.entity.js';

export const COMPRESSION_SUFFIX: Record<Compression, string> = { gzip: 'gz', zstd: 'zst' };

/** Passes bytes [start, end] (inclusive) of a stream through and drops the rest (HTTP Range). */
export class ByteRange extends Transform {
  private pos = 0;

  constructor(
    private readonly first: number,
    private readonly last: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.pos > this.last) return cb();
    const from = Math.max(this.first - this.pos, 0);
    const to = Math.min(this.last + 1 - this.pos, chunk.length);
    this.pos += chunk.length;
    if (to > from) this.push(chunk.subarray(from, to));
    if (this.pos > this.last) {
      this.push(null);
      this.emit('range-complete');
    }
    cb();
  }
}
