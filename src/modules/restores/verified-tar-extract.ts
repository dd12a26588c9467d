import { spawn } from 'node:child_process';
import { readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, Transform, type TransformCallback, type Writable } from 'node:stream';
import { gnuTarAvailable, TAR_ENV } from '../../common/process/gnu-tar.js';
import { childExitError, keepStderrTail } from '../../common/process/stderr-tail.js';
import { BlockHasher } from '../storage/pipeline/byte-counter.js';
import { codecEngine } from '../storage/pipeline/codec.js';
import { decompressInto } from '../storage/pipeline/process-pipe.js';
import { RestoreError } from './restore-error.js';
import { integrityFailed, unsafeEntry, type Extraction, type ExpectedPart } from './restore-streams.js';

/**
 * The fast filestore restore, for parts whose catalog entry has per-block hashes: the stored bytes
 * pass through BlockGate (each block released only after its hash matched the catalog), then
 * `pigz -d`/`zstd -d` and GNU tar as child processes joined by OS pipes, so the decompressed bytes
 * never enter Node. Because only verified blocks reach tar, tar only ever reads the archive Offsite's
 * own GNU tar wrote from a real directory tree (no `..` names, no absolute names, no device nodes);
 * tar's own defaults refuse those anyway. What a real tree can hold and the restore policy refuses —
 * links leading outside the target — is checked by walking the extracted scratch directory before
 * anything is swapped into place. Older backups (no block hashes) keep node-tar's entry-by-entry
 * extraction (restore-streams.ts).
 */
export function verifiedTarExtraction(
  dir: string,
  part: ExpectedPart,
  compression: string,
): Extraction | null {
  const blocks = part.blocks;
  if (!blocks || !gnuTarAvailable()) return null;
  const codec = compression === 'gzip' || compression === 'zstd' ? compression : null;
  if (compression !== 'none' && (!codec || codecEngine(codec) !== 'process')) return null;

  const tar = spawn(
    'tar',
    [
      '--extract',
      '--file=-',
      `--directory=${dir}`,
      '--no-same-owner',
      '--same-permissions',
      '--delay-directory-restore',
    ],
    { env: TAR_ENV, stdio: ['pipe', 'ignore', 'pipe'], killSignal: 'SIGKILL' },
  );
  const stderr = keepStderrTail(tar.stderr, 4096);
  tar.stdin.on('error', () => undefined); // EPIPE when tar stops early: its exit status says why
  const inner: Writable = codec ? decompressInto(codec, tar.stdin)! : tar.stdin;
  const gate = new BlockGate(part, blocks.size, blocks.sha256);
  // pipeline: a gate destroyed early (a failed or cancelled restore) stops the decompressor and tar.
  const innerDone = new Promise<void>((resolve, reject) =>
    pipeline(gate, inner, (e) => (e ? reject(e) : resolve())),
  );

  const tarExit = new Promise<void>((resolve, reject) => {
    tar.once('error', reject);
    tar.once('close', (code, signal) =>
      code === 0 ? resolve() : reject(childExitError('tar', code, signal, stderr())),
    );
  });
  const done = (async () => {
    try {
      await Promise.all([innerDone, tarExit]);
    } catch (err) {
      tar.kill('SIGKILL');
      if (err instanceof RestoreError) throw err;
      throw new RestoreError(
        'archive_invalid',
        `The filestore archive could not be read: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    return auditTree(dir);
  })();
  done.catch(() => undefined);
  return { sink: gate, done };
}

/**
 * Holds the stored bytes of one block until its sha256 matched the catalog, then passes them on:
 * at most one block (plus the chunk being read) is held, and nothing unverified leaves.
 */
export class BlockGate extends Transform {
  private readonly hasher: BlockHasher;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private failure: RestoreError | undefined;

  constructor(
    private readonly part: ExpectedPart,
    blockSize: number,
    private readonly expected: string[],
  ) {
    super();
    this.hasher = new BlockHasher(blockSize);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hasher.update(chunk, (piece, endedBlock) => {
      if (this.failure) return;
      this.held.push(piece);
      this.heldBytes += piece.length;
      if (endedBlock) this.failure = this.release();
    });
    cb(this.failure);
  }

  override _flush(cb: TransformCallback): void {
    const before = this.hasher.blocks.length;
    const blocks = this.hasher.end();
    // end() closed a last, shorter block: check it like the others.
    if (!this.failure && blocks.length > before) this.failure = this.release();
    if (this.failure) return cb(this.failure);
    if (blocks.length !== this.expected.length)
      return cb(
        integrityFailed(
          this.part,
          `has ${blocks.length} blocks, the catalog records ${this.expected.length}`,
        ),
      );
    cb();
  }

  /** Checks the block just ended; passes its bytes on if it matched. */
  private release(): RestoreError | undefined {
    const index = this.hasher.blocks.length - 1;
    const want = this.expected[index];
    if (this.hasher.blocks[index] !== want) {
      const from = index * this.hasher.blockSize;
      return integrityFailed(
        this.part,
        `block ${index} (bytes ${from}–${from + this.heldBytes - 1}) ${want ? 'does not match the catalog' : 'is beyond the blocks the catalog records'}`,
      );
    }
    for (const b of this.held) this.push(b);
    this.held = [];
    this.heldBytes = 0;
    return undefined;
  }
}

/**
 * Walks the extracted scratch directory before it is swapped into place: files, directories and
 * links that stay inside it are kept; anything else (a link leading outside, a device node or FIFO)
 * refuses the restore naming the entry, as node-tar's extraction does. Returns the entry count.
 */
async function auditTree(root: string): Promise<{ entries: number }> {
  let entries = 0;
  const walk = async (rel: string): Promise<void> => {
    for (const d of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${d.name}` : d.name;
      entries++;
      const type = d.isDirectory()
        ? 'Directory'
        : d.isFile()
          ? 'File'
          : d.isSymbolicLink()
            ? 'SymbolicLink'
            : 'Special';
      const target = type === 'SymbolicLink' ? await readlink(path.join(root, p)) : undefined;
      const why = unsafeEntry(p, type, target);
      if (why)
        throw new RestoreError(
          'unsafe_archive',
          `The filestore archive contains the entry "${p}" with ${why}; the restore was refused and nothing was changed.`,
        );
      if (type === 'Directory') await walk(p);
    }
  };
  await walk('');
  return { entries };
}
