import { createHash } from 'node:crypto';
import path from 'node:path';
import { finished, PassThrough, pipeline, Writable, type Duplex, type Readable } from 'node:stream';
import { Parser, Unpack, type ReadEntry } from 'tar';
import { decompressor } from '../storage/pipeline/codec.js';
import { decompressInto } from '../storage/pipeline/process-pipe.js';
import { RestoreError } from './restore-error.js';

/** What the manifest (and the catalog) promise about one stored object. */
export interface ExpectedPart {
  name: string;
  key: string;
  sizeBytes: number;
  sha256: string;
  /** From the catalog: the sha256 (first 128 bits) of every `size` stored bytes, when recorded. */
  blocks?: { size: number; sha256: string[] };
}

/** The decompressor of a stored part; null when the part is stored as it is (custom dumps). */
export function decompressorFor(compression: string): Duplex | null {
  return compression === 'gzip' || compression === 'zstd' ? decompressor(compression) : null;
}

/**
 * Where a stored part's bytes go to reach a client's stdin (psql): `head` takes the stored bytes,
 * `piped` resolves with the error that broke the way in, if any. With a codec binary, the
 * decompressor writes into the client's stdin through an OS pipe, so the decompressed bytes never
 * pass through Node; otherwise Node decompresses and writes them.
 */
export function intoClient(
  compression: string,
  stdin: Writable,
): { head: Writable; piped: Promise<unknown> } {
  const direct = compression === 'gzip' || compression === 'zstd' ? decompressInto(compression, stdin) : null;
  if (direct) return { head: direct, piped: new Promise((resolve) => finished(direct, (e) => resolve(e))) };
  const head = decompressorFor(compression) ?? new PassThrough();
  return { head, piped: new Promise((resolve) => pipeline(head, stdin, (e) => resolve(e))) };
}

/**
 * A reader's stdin that may close before the stream ends: a reader such as pg_restore stops once it
 * has what it needs, and a write after that fails with EPIPE — a race a loaded machine loses now and
 * then. Bytes after the reader closed are dropped, so the part is still read to its end (size and
 * sha256 checked) and the reader's exit status alone says whether it could read the archive.
 * Any other error of the stdin fails the stream.
 */
export function toleratingEarlyClose(stdin: Writable): Writable {
  let closed = false;
  let waiting: (() => void) | null = null;
  const release = () => {
    closed = true;
    const cb = waiting;
    waiting = null;
    cb?.();
  };
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (closed) return cb();
      if (stdin.write(chunk)) return cb();
      waiting = cb;
      stdin.once('drain', () => {
        if (waiting === cb) {
          waiting = null;
          cb();
        }
      });
    },
    final(cb) {
      if (closed) return cb();
      stdin.end(cb);
    },
  });
  stdin.on('error', (err: NodeJS.ErrnoException) =>
    err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' ? release() : sink.destroy(err),
  );
  stdin.once('close', release);
  sink.once('close', () => {
    if (!stdin.writableEnded) stdin.destroy();
  });
  return sink;
}

export function integrityFailed(part: ExpectedPart, what: string): RestoreError {
  return new RestoreError(
    'integrity_failed',
    `Part ${part.name} (${part.key}) ${what}; nothing was changed.`,
  );
}

/**
 * Reads the stored object to its end, hashing and counting every byte, and writes it into `sink`
 * as it goes. The object is read to the end even when the sink failed (a corrupted archive breaks
 * the decompressor first), so a changed object is always reported as integrity_failed naming the
 * part rather than as the decompressor's symptom. Returns the sink's error, if any, for the caller.
 */
export async function feedVerified(
  source: Readable,
  part: ExpectedPart,
  sink: Writable,
  opts: { signal: AbortSignal; onBytes: (n: number) => void },
): Promise<unknown> {
  const hash = createHash('sha256');
  let bytes = 0;
  let sinkError: unknown;
  const onError = (err: unknown) => {
    sinkError ??= err;
  };
  sink.on('error', onError);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      opts.signal.throwIfAborted();
      hash.update(chunk);
      bytes += chunk.length;
      opts.onBytes(chunk.length);
      if (bytes > part.sizeBytes) {
        throw integrityFailed(part, `is larger than the ${part.sizeBytes} bytes the manifest records`);
      }
      if (sinkError === undefined && !sink.destroyed && !sink.write(chunk)) await drained(sink);
    }
  } catch (err) {
    source.destroy();
    sink.destroy();
    throw err;
  }
  const sha256 = hash.digest('hex');
  // A sink that checks blocks (BlockGate) found the first bad one: that names the damage best.
  if (sinkError instanceof RestoreError && sinkError.code === 'integrity_failed') throw sinkError;
  if (bytes !== part.sizeBytes) {
    sink.destroy();
    throw integrityFailed(part, `has ${bytes} bytes, the manifest records ${part.sizeBytes}`);
  }
  if (sha256 !== part.sha256) {
    sink.destroy();
    throw integrityFailed(part, `has sha256 ${sha256}, the manifest records ${part.sha256}`);
  }
  if (sinkError === undefined && !sink.destroyed) sink.end();
  return sinkError;
}

function drained(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.off('drain', done);
      sink.off('error', done);
      sink.off('close', done);
      resolve();
    };
    sink.once('drain', done);
    sink.once('error', done);
    sink.once('close', done);
  });
}

/** Why an archive entry may not be extracted under root; null when it is safe. */
export function unsafeEntry(entryPath: string, type: string, linkpath: string | undefined): string | null {
  const p = entryPath.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return 'an absolute path';
  if (p.split('/').includes('..')) return 'a ".." path segment';
  if (type === 'SymbolicLink' || type === 'Link') {
    const target = (linkpath ?? '').replace(/\\/g, '/');
    if (target.startsWith('/')) return `a link to the absolute path "${target}"`;
    // Symlinks resolve from the entry's directory, hard links from the archive root.
    const base = type === 'SymbolicLink' ? path.posix.dirname(p) : '.';
    const resolved = path.posix.normalize(path.posix.join(base, target));
    if (resolved === '..' || resolved.startsWith('../'))
      return `a link pointing outside the target ("${target}")`;
  }
  if (!['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link'].includes(type))
    return `an unsupported entry type (${type})`;
  return null;
}

export interface Extraction {
  /** Write the decompressed tar here. */
  sink: Writable;
  /** Resolves when every entry is on disk; rejects naming the first refused entry. */
  done: Promise<{ entries: number }>;
}

/**
 * Extracts a tar stream into dir. Every entry is checked before node-tar sees it (node-tar would
 * strip absolute paths and skip `..` silently; a backup with such entries is refused instead).
 * Modes and mtimes are restored exactly (no umask).
 */
export function extractTar(dir: string): Extraction {
  let refused: RestoreError | undefined;
  let entries = 0;
  const unpack = new Unpack({
    cwd: dir,
    strict: true,
    preserveOwner: false,
    chmod: true,
    processUmask: 0,
    filter: (p: string, entry: unknown) => {
      const e = entry as ReadEntry;
      const why = unsafeEntry(p, e.type, e.linkpath);
      if (why) {
        refused ??= new RestoreError(
          'unsafe_archive',
          `The filestore archive contains the entry "${p}" with ${why}; the restore was refused and nothing was changed.`,
        );
        unpack.abort(refused);
        return false;
      }
      entries++;
      return true;
    },
  });
  const done = new Promise<{ entries: number }>((resolve, reject) => {
    unpack.on('error', (err: Error) => reject(refused ?? archiveInvalid(err)));
    unpack.on('finish', () => (refused ? reject(refused) : resolve({ entries })));
  });
  done.catch(() => undefined);
  return { sink: unpack as unknown as Writable, done };
}

/** Parses a tar stream to its end (verification), counting entries and checking each path. */
export function parseTar(): Extraction {
  let refused: RestoreError | undefined;
  let entries = 0;
  const parser = new Parser({
    strict: true,
    onReadEntry: (e: ReadEntry) => {
      const why = unsafeEntry(e.path, e.type, e.linkpath);
      if (why && !refused)
        refused = new RestoreError(
          'unsafe_archive',
          `The filestore archive contains the entry "${e.path}" with ${why}.`,
        );
      entries++;
      e.resume();
    },
  });
  const done = new Promise<{ entries: number }>((resolve, reject) => {
    parser.on('error', (err: Error) => reject(refused ?? archiveInvalid(err)));
    parser.on('end', () => (refused ? reject(refused) : resolve({ entries })));
  });
  done.catch(() => undefined);
  return { sink: parser as unknown as Writable, done };
}

function archiveInvalid(err: Error): RestoreError {
  if (err instanceof RestoreError) return err;
  return new RestoreError('archive_invalid', `The filestore archive could not be read: ${err.message}`, {
    cause: err,
  });
}
