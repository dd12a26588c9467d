import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Duplex } from 'node:stream';
import { childExitError, keepStderrTail } from '../../../common/process/stderr-tail.js';

/** The last characters of a child's stderr kept for its error message. */
const STDERR_TAIL_CHARS = 2048;

/**
 * A compressor or decompressor running as a child process (pigz, zstd), as a Duplex: what is
 * written goes to the child's stdin, its stdout is read. Back-pressure holds in both directions
 * (a full stdin pipe delays the write callback; a full readable side pauses stdout, so the child
 * blocks on its own pipe), so at most two pipe buffers and one read-side high-water mark are in
 * flight whatever the volume. The readable side ends only when the child exited with status 0;
 * any other exit fails the stream with the tail of its stderr. Destroying the stream kills the
 * child.
 */
export class ChildCodec extends Duplex {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly stderrTail: () => string;
  private exited = false;
  private stdoutEnded = false;
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private pendingWrite: ((err?: Error | null) => void) | undefined;

  constructor(
    readonly command: string,
    readonly args: readonly string[],
  ) {
    super({ readableHighWaterMark: 256 * 1024, writableHighWaterMark: 256 * 1024 });
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) this.child.stdout.pause();
    });
    this.child.stdout.once('end', () => {
      this.stdoutEnded = true;
      this.settle();
    });
    this.stderrTail = keepStderrTail(this.child.stderr, STDERR_TAIL_CHARS);
    // EPIPE when the child exits early: its exit status says why.
    this.child.stdin.on('error', () => undefined);
    this.child.stdin.on('drain', () => {
      const cb = this.pendingWrite;
      this.pendingWrite = undefined;
      cb?.();
    });
    this.child.once('error', (err) => this.destroy(err));
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      this.exitStatus = { code, signal };
      // a write waiting for drain will never get it
      const cb = this.pendingWrite;
      this.pendingWrite = undefined;
      if (code !== 0) {
        cb?.(this.exitError());
        this.destroy(this.exitError());
        return;
      }
      cb?.();
      this.settle();
    });
  }

  private exitError(): Error {
    const s = this.exitStatus;
    return childExitError(this.command, s?.code ?? null, s?.signal ?? null, this.stderrTail());
  }

  /** End of the readable side: the child's output is complete and it exited cleanly. */
  private settle(): void {
    if (this.exited && this.stdoutEnded && this.exitStatus?.code === 0) this.push(null);
  }

  override _read(): void {
    this.child.stdout.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.exited) {
      cb(
        this.exitStatus?.code === 0
          ? new Error(`${this.command} exited before its input ended`)
          : this.exitError(),
      );
      return;
    }
    if (this.child.stdin.write(chunk)) cb();
    else this.pendingWrite = cb;
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.exited) return cb();
    this.child.stdin.end(() => cb());
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.exited) this.child.kill('SIGKILL');
    this.child.stdout.destroy();
    this.child.stdin.destroy();
    cb(err);
  }
}

const available = new Map<string, boolean>();

/** Whether `command --version` runs here; checked once per process (a few milliseconds). */
export function binaryAvailable(command: string): boolean {
  let ok = available.get(command);
  if (ok === undefined) {
    const r = spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 5000 });
    ok = !r.error && r.status === 0;
    available.set(command, ok);
  }
  return ok;
}
