import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import type { Compression } from '../environments/environment.entity.js';
import { SourceError } from '../environments/source-error.js';
import type { StorageDriver } from '../storage/storage-driver.js';
import { markDisposable, noteStreamed, spansItsBuffer } from '../storage/stream-utils.js';
import { ParallelGzip } from './parallel-gzip.js';

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

/** Counts without hashing (source-side progress); the first step after a backup's source. */
export class Counter extends Transform {
  constructor(private readonly onChunk: (n: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.onChunk(chunk.length);
    // the uncompressed source chunks are most of a backup's garbage (the upload notes the rest);
    // pg_dump's pipe and node-tar read into a fresh buffer each (node-tar slices one for a short
    // read), which the next step may free
    noteStreamed(chunk.length);
    cb(null, spansItsBuffer(chunk) ? markDisposable(chunk) : chunk);
  }
}

export function compressor(compression: Compression): Transform {
  switch (compression) {
    case 'gzip':
      return new ParallelGzip(6);
    case 'zstd':
      // 256 KiB output chunks rather than 16 KiB: fewer trips through the pipeline (restores likewise)
      return zlib.createZstdCompress({
        chunkSize: 256 * 1024,
        params: { [zlib.constants.ZSTD_c_compressionLevel]: 3 },
      });
  }
}

export const COMPRESSION_SUFFIX: Record<Compression, string> = { gzip: 'gz', zstd: 'zst' };

export interface StreamedObject {
  size: number;
  sha256: string;
}

/** The error a part failed with, and which side (source or storage) it came from. */
export class PartError extends Error {
  constructor(
    readonly side: 'source' | 'storage',
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * source → transforms → sha256/count → driver.upload, without a temporary file or a whole-object
 * buffer. A source failure fails the upload (the driver never sees a clean end), and a storage
 * failure stops the source. Resolves only when both sides succeeded and the sizes agree.
 */
export async function streamToStorage(
  driver: StorageDriver,
  key: string,
  source: Readable,
  transforms: Transform[],
  opts: { signal: AbortSignal; sizeEstimate?: number; onSourceBytes: (n: number) => void },
): Promise<StreamedObject> {
  const hasher = new HashCounter();
  let sourceError: unknown;
  const piped = new Promise<void>((resolve) => {
    pipeline([source, new Counter(opts.onSourceBytes), ...transforms, hasher], (err) => {
      if (err) sourceError ??= err;
      resolve();
    });
  });
  let result;
  try {
    result = await driver.upload(key, hasher, { signal: opts.signal, sizeEstimate: opts.sizeEstimate });
  } catch (err) {
    hasher.destroy();
    source.destroy();
    await piped;
    // A source failure surfaces in the upload as a broken body: report the cause, not the symptom.
    // A storage failure also breaks the pipeline, so only errors the source itself raised count.
    if (isSourceFailure(sourceError)) throw new PartError('source', sourceError);
    throw new PartError('storage', err);
  }
  await piped;
  if (sourceError) throw new PartError('source', sourceError);
  if (result.size !== hasher.bytes) {
    throw new PartError(
      'storage',
      new Error(`Storage reported ${result.size} bytes for ${key}, ${hasher.bytes} were sent.`),
    );
  }
  return { size: hasher.bytes, sha256: hasher.digest() };
}

const FS_SYSCALLS = new Set(['open', 'read', 'lstat', 'stat', 'readdir', 'scandir', 'readlink', 'opendir']);

/** pg_dump failures (typed at the source) and file-system errors of the tar walk. */
function isSourceFailure(err: unknown): boolean {
  if (!err) return false;
  if (err instanceof SourceError) return true;
  const e = err as { syscall?: unknown; tarCode?: unknown };
  return (typeof e.syscall === 'string' && FS_SYSCALLS.has(e.syscall)) || typeof e.tarCode === 'string';
}

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
