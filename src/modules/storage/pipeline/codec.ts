import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { ChildCodec, binaryAvailable } from './child-codec.js';
import { ParallelGzip } from './parallel-gzip.js';

export const CODECS = ['gzip', 'zstd'] as const;
export type Codec = (typeof CODECS)[number];

/**
 * How a codec runs: 'process' = the pigz / zstd binary as a child process using every core,
 * 'in-process' = Node's zlib (gzip in parallel blocks on libuv's pool, zstd on one thread).
 * 'auto' picks the binary when it is installed (docs/adr/0004-compression.md has the measurements).
 */
export type CodecEngine = 'auto' | 'process' | 'in-process';

let defaultEngine: CodecEngine = 'auto';

/** The platform's choice (config CODEC_ENGINE), set once at boot; tests and benches switch it. */
export function setCodecEngine(engine: CodecEngine): void {
  defaultEngine = engine;
}

/** zstd's default level; gzip's is 6 (what gzip(1), pigz and zlib use). */
const ZSTD_LEVEL = 3;
const GZIP_LEVEL = 6;
/**
 * Output chunks of 256 KiB instead of zlib's 16 KiB: each chunk is a trip to the thread pool and a
 * write into the next step on the main thread.
 */
const CHUNK_BYTES = 256 * 1024;

const BINARY: Record<Codec, string> = { gzip: 'pigz', zstd: 'zstd' };

/** The engine a codec will use now ('process' only when its binary is installed). */
export function codecEngine(codec: Codec, engine: CodecEngine = defaultEngine): 'process' | 'in-process' {
  if (engine === 'in-process') return 'in-process';
  return binaryAvailable(BINARY[codec]) ? 'process' : 'in-process';
}

/** The command line of a codec's binary (pigz or zstd using every core). */
export function codecArgs(
  codec: Codec,
  direction: 'compress' | 'decompress',
): { command: string; args: string[] } {
  if (direction === 'decompress')
    return { command: BINARY[codec], args: codec === 'gzip' ? ['-d', '-c'] : ['-d', '-q', '-c'] };
  return codec === 'gzip'
    ? // -n: no name or time stamp in the header (the same bytes for the same input)
      { command: 'pigz', args: [`-${GZIP_LEVEL}`, '-n', '-c'] }
    : { command: 'zstd', args: [`-${ZSTD_LEVEL}`, '-T0', '-q', '-c'] };
}

/**
 * A compressing stream. gzip output is one ordinary gzip member, zstd output one or more zstd
 * frames: gunzip, zcat, `zstd -d` and Node's zlib read both whatever engine wrote them.
 */
export function compressor(codec: Codec, engine: CodecEngine = defaultEngine): Duplex {
  if (codecEngine(codec, engine) === 'process') {
    const { command, args } = codecArgs(codec, 'compress');
    return new ChildCodec(command, args);
  }
  return codec === 'gzip'
    ? new ParallelGzip(GZIP_LEVEL)
    : zlib.createZstdCompress({
        chunkSize: CHUNK_BYTES,
        params: { [zlib.constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL },
      });
}

/** A decompressing stream for what compressor() (or gzip(1), pigz, zstd(1)) wrote. */
export function decompressor(codec: Codec, engine: CodecEngine = defaultEngine): Duplex {
  if (codecEngine(codec, engine) === 'process') {
    const { command, args } = codecArgs(codec, 'decompress');
    return new ChildCodec(command, args);
  }
  return codec === 'gzip'
    ? zlib.createGunzip({ chunkSize: CHUNK_BYTES })
    : zlib.createZstdDecompress({ chunkSize: CHUNK_BYTES });
}
