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

/** The hex characters kept of each block's sha256: 128 bits, as strong as needed to name bytes. */
const BLOCK_HASH_CHARS = 32;

/** The sha256 of every `blockSize` bytes of a stream (the last block may be shorter). */
export class BlockHasher {
  readonly blocks: string[] = [];
  private hash = createHash('sha256');
  private fill = 0;

  constructor(readonly blockSize: number) {}

  /**
   * Hashes `chunk`; `onPiece` (optional) gets it cut at block boundaries, each piece with whether it
   * ended a block (whose hash is then the last of `blocks`).
   */
  update(chunk: Buffer, onPiece?: (piece: Buffer, endedBlock: boolean) => void): void {
    for (let off = 0; off < chunk.length;) {
      const take = Math.min(this.blockSize - this.fill, chunk.length - off);
      const piece = chunk.subarray(off, off + take);
      this.hash.update(piece);
      this.fill += take;
      off += take;
      const ended = this.fill === this.blockSize;
      if (ended) this.close();
      onPiece?.(piece, ended);
    }
  }

  /** Ends the last, partial block; returns every block's hash. */
  end(): string[] {
    if (this.fill > 0) this.close();
    return this.blocks;
  }

  private close(): void {
    this.blocks.push(this.hash.digest('hex').slice(0, BLOCK_HASH_CHARS));
    this.hash = createHash('sha256');
    this.fill = 0;
  }
}

/** sha256 and byte count of what flows through, and per-block hashes when asked. */
export class HashCounter extends Transform {
  private readonly hash = createHash('sha256');
  private readonly blockHasher: BlockHasher | undefined;
  bytes = 0;

  constructor(
    private readonly onChunk?: (n: number) => void,
    blockSize?: number,
  ) {
    super();
    this.blockHasher = blockSize ? new BlockHasher(blockSize) : undefined;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.blockHasher?.update(chunk);
    this.bytes += chunk.length;
    this.onChunk?.(chunk.length);
    cb(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  /** The per-block hashes (after the end); undefined when no block size was given. */
  blockDigests(): string[] | undefined {
    return this.blockHasher?.end();
  }
}
