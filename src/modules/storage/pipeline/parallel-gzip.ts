import os from 'node:os';
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Compresses one block on libuv's pool, ended with `flush`, in one trip to the pool (the write
 * carries the flush; zlib.deflateRaw would flush in a second call and concatenate).
 */
function compressBlock(input: Buffer, options: zlib.ZlibOptions & { flush: number }): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    // finishFlush = flush: ending the stream adds nothing after the block
    const deflate = zlib.createDeflateRaw({ ...options, finishFlush: options.flush });
    const out: Buffer[] = [];
    deflate
      .on('data', (chunk: Buffer) => out.push(chunk))
      .once('error', reject)
      .once('end', () => resolve(out));
    deflate.end(input);
  });
}

/** Uncompressed bytes per independently compressed block. */
export const BLOCK_BYTES = 512 * 1024;
/** deflateBound of a block: incompressible data grows by a few bytes per 16 KiB. */
const MAX_OUT_BYTES = BLOCK_BYTES + (BLOCK_BYTES >> 8) + 1024;
/** Deflate's window: each block is primed with the previous block's last 32 KiB. */
const WINDOW_BYTES = 32 * 1024;
// ID1 ID2, CM=deflate, FLG=0, MTIME=0, XFL=0, OS=3 (Unix): what zlib's own gzip writes.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);

/**
 * Blocks compressing at once in this process, across all streams: one per core, at most three of
 * libuv's four pool threads, so DNS lookups, file reads and password hashing still find a free
 * thread. A backup's two streams share them; when the shorter one ends, the other gets them all.
 * This is the fallback used when the pigz binary is absent (see codec.ts).
 */
const POOL_SLOTS = Math.max(1, Math.min(os.availableParallelism(), 3));
let slotsInUse = 0;
const slotWaiters: (() => void)[] = [];

async function acquireSlot(): Promise<void> {
  if (slotsInUse < POOL_SLOTS) {
    slotsInUse++;
    return;
  }
  await new Promise<void>((resolve) => slotWaiters.push(resolve));
}

function releaseSlot(): void {
  const next = slotWaiters.shift();
  if (next) next();
  else slotsInUse--;
}

/**
 * gzip on several cores, as pigz does: the input is cut into 512 KiB blocks that zlib compresses at
 * once on libuv's thread pool, each primed with the previous block's last 32 KiB as its dictionary
 * (so the ratio stays that of plain gzip) and ended with a sync flush, and the raw deflate blocks are
 * written in order between one gzip header and trailer. The output is one ordinary gzip member:
 * gunzip, zcat and `zlib.createGunzip()` read it. A single-threaded gzip is what bounded a backup's
 * wall time, with a core idle once the shorter of its two streams ended.
 */
export class ParallelGzip extends Transform {
  /** The block being filled, and blocks whose compression ended, for reuse (no garbage per block). */
  private block: Buffer | undefined;
  private fill = 0;
  private readonly free: Buffer[] = [];
  private dictionary: Buffer | undefined;
  private crc = 0;
  private size = 0;
  private started = false;
  /** Blocks being compressed, in input order; the oldest is written first. */
  private readonly inFlight: { output: Promise<Buffer[]>; block: Buffer | undefined }[] = [];

  constructor(
    private readonly level = 6,
    /** This stream's blocks compressing or waiting to be written, in order. */
    private readonly maxInFlight = 4,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    this.addToBlocks(chunk).then(() => cb(), cb);
  }

  override _flush(cb: TransformCallback): void {
    (async () => {
      await this.submit(true);
      while (this.inFlight.length > 0) await this.writeOldest();
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(this.crc >>> 0, 0);
      trailer.writeUInt32LE(this.size >>> 0, 4); // ISIZE is the length modulo 2^32
      this.push(trailer);
    })().then(() => cb(), cb);
  }

  private async addToBlocks(chunk: Buffer): Promise<void> {
    for (let offset = 0; offset < chunk.length;) {
      this.block ??= this.free.pop() ?? Buffer.allocUnsafe(BLOCK_BYTES);
      const n = chunk.copy(this.block, this.fill, offset);
      offset += n;
      this.fill += n;
      if (this.fill === BLOCK_BYTES) await this.submit(false);
    }
  }

  private async submit(last: boolean): Promise<void> {
    const block = this.block;
    const input = block ? block.subarray(0, this.fill) : Buffer.alloc(0);
    this.block = undefined;
    this.fill = 0;
    await acquireSlot();
    const output = compressBlock(input, {
      level: this.level,
      // room for an incompressible block: the whole output comes in one trip to the pool
      chunkSize: MAX_OUT_BYTES,
      // a sync flush ends on a byte boundary without a final block, so the next block can follow
      flush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      ...(this.dictionary ? { dictionary: this.dictionary } : {}),
    });
    // frees the slot however it ends (writeOldest awaits the result itself, in order)
    output.then(releaseSlot, releaseSlot);
    this.inFlight.push({ output, block });
    if (!last) {
      // zlib copied the dictionary when the stream above was created, so the buffer is reused;
      // blocks other than the last are full
      this.dictionary ??= Buffer.allocUnsafe(WINDOW_BYTES);
      input.copy(this.dictionary, 0, input.length - WINDOW_BYTES);
    }
    while (this.inFlight.length >= this.maxInFlight) await this.writeOldest();
  }

  private async writeOldest(): Promise<void> {
    const { output, block } = this.inFlight.shift()!;
    const out = await output;
    if (block) this.free.push(block);
    if (!this.started) {
      this.started = true;
      this.push(GZIP_HEADER);
    }
    for (const chunk of out) this.push(chunk);
  }
}
