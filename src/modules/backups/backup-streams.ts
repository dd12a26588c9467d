import { Transform, type Duplex, type Readable, type TransformCallback } from 'node:stream';
import type { Compression, DumpFormat } from '../environments/environment.entity.js';
import type { FilestoreReader, FilestoreStats } from '../environments/filestore.service.js';
import type { DbConnection, PgDumpBinary, PgTools } from '../environments/pg-tools.service.js';
import { compressor } from '../storage/pipeline/codec.js';
import { compressedOutput } from '../storage/pipeline/process-pipe.js';

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

/** What a backup part uploads: a stream, and the steps still to run on it in Node. */
export interface PartSource {
  stream: Readable;
  transforms: Duplex[];
}

/**
 * pg_dump's output for a part. Plain dumps are compressed by a codec process that reads pg_dump's
 * stdout through an OS pipe when pigz/zstd are installed, so only compressed bytes reach Node;
 * otherwise (and for custom dumps, compressed by pg_dump itself) Node reads pg_dump's stdout.
 */
export function dumpSource(
  pgTools: PgTools,
  conn: DbConnection,
  binary: PgDumpBinary,
  format: DumpFormat,
  compression: Compression,
  signal: AbortSignal,
): PartSource {
  if (format === 'plain') {
    const piped = compressedOutput(compression, (out) =>
      pgTools.dumpInto(conn, binary, 'plain', signal, out),
    );
    if (piped) return { stream: piped, transforms: [] };
  }
  const dump = pgTools.dump(conn, binary, format, signal);
  return { stream: dump.stdout, transforms: format === 'plain' ? [compressor(compression)] : [] };
}

/**
 * The filestore's compressed tar stream and what it holds. With GNU tar and a codec binary, tar
 * writes into the codec through an OS pipe and Node reads only the compressed bytes; the counts
 * are then those of the walk just before (`scanned`). Otherwise Node's tar writer archives (and
 * counts) as it reads. Both archive the same entries: files, directories, symlinks as symlinks.
 */
export function filestoreSource(
  reader: FilestoreReader,
  dir: string,
  scanned: FilestoreStats,
  compression: Compression,
  signal: AbortSignal,
): PartSource & { stats: FilestoreStats } {
  if (reader.tarFits(scanned)) {
    const piped = compressedOutput(compression, (out) => reader.archiveInto(dir, out, signal));
    if (piped) return { stream: piped, transforms: [], stats: scanned };
  }
  const archive = reader.archive(dir);
  return { stream: archive.stream, transforms: [compressor(compression)], stats: archive.stats };
}
