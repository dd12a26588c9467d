import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BLOCK_BYTES, ParallelGzip } from './parallel-gzip.js';

const MiB = 1024 * 1024;
const WINDOW = 32 * 1024;

async function gzipWith(chunks: Buffer[], gz = new ParallelGzip()): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    gz,
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

/** Text-like data that compresses, with matches that cross block boundaries. */
function text(bytes: number): Buffer {
  const words = ['offsite', 'backup', 'restore', 'manifest', 'filestore', 'database', 'tenant', '\n'];
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = words[(i * 7 + (i >> 5)) % words.length]! + String(i % 1000) + ' ';
    parts.push(w);
    n += w.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

function inChunks(data: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) chunks.push(data.subarray(i, i + size));
  return chunks;
}

describe('ParallelGzip', () => {
  it.each([
    ['empty', 0, 64 * 1024],
    ['smaller than a block', 1000, 64 * 1024],
    ['exactly one block', BLOCK_BYTES, 64 * 1024],
    ['one block and a byte', BLOCK_BYTES + 1, 64 * 1024],
    ['several blocks in odd chunks', 5 * BLOCK_BYTES + 12345, 70_001],
    ['chunks larger than a block', 3 * BLOCK_BYTES + 7, 2 * BLOCK_BYTES + 3],
  ])('round-trips %s through zlib and gzip(1)', async (_name, size, chunk) => {
    const data = Buffer.concat([text(size >> 1), randomBytes(size - (size >> 1))]);
    const gz = await gzipWith(inChunks(data, chunk));
    expect(zlib.gunzipSync(gz).equals(data)).toBe(true);
    // the trailer's CRC-32 and length are checked by GNU gzip too
    expect(execFileSync('gzip', ['-dc'], { input: gz, maxBuffer: 64 * MiB }).equals(data)).toBe(true);
  });

  it('is one gzip member with the header zlib writes', async () => {
    const gz = await gzipWith([text(3 * MiB)]);
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    // one member: the stored length is the whole input
    expect(gz.readUInt32LE(gz.length - 4)).toBe(3 * MiB);
  });

  it('compresses as well as single-threaded gzip (each block primed with the last 32 KiB)', async () => {
    // a 16 KiB random pattern repeated: a block that starts with an empty window stores its
    // first 16 KiB literally, one primed with the previous block's end finds it all
    const data = Buffer.concat(
      Array.from({ length: 512 }, () => randomBytes(16 * 1024)).fill(randomBytes(16 * 1024)),
    );
    const parallel = await gzipWith(inChunks(data, 64 * 1024));
    const serial = zlib.gzipSync(data, { level: 6 });
    expect(parallel.length).toBeLessThan(serial.length * 1.05);
  });

  it('keeps the output in input order whatever order the blocks finish in', async () => {
    // incompressible and highly compressible blocks alternate: they take very different times
    const data = Buffer.concat(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? randomBytes(MiB) : Buffer.alloc(MiB, i))),
    );
    const gz = await gzipWith(inChunks(data, 256 * 1024), new ParallelGzip(6, 6));
    expect(zlib.gunzipSync(gz).equals(data)).toBe(true);
  });

  it('relies on zlib copying the dictionary when a deflate stream is created (ParallelGzip reuses it)', async () => {
    const input = text(256 * 1024);
    const dictionary = Buffer.from(text(WINDOW));
    const deflate = zlib.createDeflateRaw({ dictionary });
    const original = Buffer.from(dictionary);
    dictionary.fill(0x55);
    deflate.end(input);
    const out = Buffer.concat(await deflate.toArray());
    expect(zlib.inflateRawSync(out, { dictionary: original }).equals(input)).toBe(true);
  });

  it('fails the pipeline when the source fails, without an unhandled rejection', async () => {
    const source = new Readable({
      read() {
        this.push(randomBytes(MiB));
        this.destroy(new Error('source broke'));
      },
    });
    await expect(
      pipeline(
        source,
        new ParallelGzip(),
        new Writable({
          write(_c, _e, cb) {
            cb();
          },
        }),
      ),
    ).rejects.toThrow('source broke');
  });
});
