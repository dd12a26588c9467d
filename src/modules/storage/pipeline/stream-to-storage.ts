import { pipeline, type Duplex, type Readable } from 'node:stream';
import { SourceError } from '../../environments/source-error.js';
import type { StorageDriver } from '../storage-driver.js';
import { HashCounter } from './byte-counter.js';

export interface StreamedObject {
  size: number;
  sha256: string;
  /** With opts.blockSize: the sha256 (first 128 bits) of every block of that size. */
  blocks?: { size: number; sha256: string[] };
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
 * The one place a backup's bytes flow: source → transforms (compression) → sha256/count →
 * driver.upload, composed by pipeline() so back-pressure holds end to end: each step holds at most
 * its high-water mark, the compressor a fixed number of blocks (or two pipe buffers when it is a
 * child process), and the driver a fixed pool of part buffers (S3) or one socket's buffer. Memory
 * is therefore bounded by construction whatever the volume. No temporary file, no whole-object
 * buffer. A source failure fails the upload (the driver never sees a clean end), and a storage
 * failure stops the source. Resolves only when both sides succeeded and the sizes agree.
 */
export async function streamToStorage(
  driver: StorageDriver,
  key: string,
  source: Readable,
  transforms: Duplex[],
  opts: {
    signal: AbortSignal;
    sizeEstimate?: number;
    /**
     * Progress: the bytes going to storage (compressed), the one count every engine sees: when
     * pg_dump or tar write straight into a codec process, Node never sees the uncompressed bytes.
     */
    onBytes: (n: number) => void;
    /** Also hash every block of this many stored bytes (a restore can then check each block first). */
    blockSize?: number;
  },
): Promise<StreamedObject> {
  const hasher = new HashCounter(opts.onBytes, opts.blockSize);
  let sourceError: unknown;
  const piped = new Promise<void>((resolve) => {
    pipeline([source, ...transforms, hasher], (err) => {
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
  const blocks = hasher.blockDigests();
  return {
    size: hasher.bytes,
    sha256: hasher.digest(),
    ...(blocks ? { blocks: { size: opts.blockSize!, sha256: blocks } } : {}),
  };
}

const FS_SYSCALLS = new Set(['open', 'read', 'lstat', 'stat', 'readdir', 'scandir', 'readlink', 'opendir']);

/** pg_dump failures (typed at the source) and file-system errors of the tar walk. */
function isSourceFailure(err: unknown): boolean {
  if (!err) return false;
  if (err instanceof SourceError) return true;
  const e = err as { syscall?: unknown; tarCode?: unknown };
  return (typeof e.syscall === 'string' && FS_SYSCALLS.has(e.syscall)) || typeof e.tarCode === 'string';
}
