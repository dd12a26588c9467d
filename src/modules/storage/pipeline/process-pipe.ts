import { spawn, type ChildProcess } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { childExitError, keepStderrTail } from '../../../common/process/stderr-tail.js';
import { codecEngine, codecArgs, type Codec } from './codec.js';

/** The last characters of a child's stderr kept for its error message. */
const STDERR_TAIL_CHARS = 2048;

/**
 * Starts a process whose stdout is `stdout` (pass it as `stdio[1]` of spawn) and returns a
 * promise of its exit: resolved on success, rejected with the error the caller wants reported.
 * It must spawn before returning (the fd is duplicated into the child by spawn itself).
 */
export type Producer = (stdout: Writable) => Promise<void>;

/**
 * `producer | pigz` (or `| zstd -T0`) as two child processes joined by an OS pipe: the
 * uncompressed bytes never enter Node, which reads only the compressed output. Null when the
 * codec runs in-process (no binary, or CODEC_ENGINE=in-process): the caller streams instead.
 *
 * The output ends only after both processes exited successfully; it fails with the producer's
 * error when the producer failed (pg_dump's or tar's own message says more than the codec's),
 * else with the codec's exit status and stderr. Destroying the output kills the codec; the
 * producer then dies of the broken pipe (and its own AbortSignal). Back-pressure: when the output
 * is not read, the codec blocks on its stdout pipe and the producer on the codec's stdin pipe, so
 * at most two pipe buffers and one high-water mark are in flight.
 */
export function compressedOutput(codec: Codec, producer: Producer): Readable | null {
  if (codecEngine(codec) !== 'process') return null;
  const { command, args } = codecArgs(codec, 'compress');
  return new ProducerCodec(command, args, producer);
}

/**
 * `pigz -d | consumer` (or `zstd -d`), the decompressor writing straight into the consumer's
 * stdin (psql) through an OS pipe: the decompressed bytes never enter Node. What is written to the
 * returned stream goes to the decompressor; it finishes after the decompressor exited with
 * status 0 and fails otherwise. Null when the codec runs in-process.
 */
export function decompressInto(codec: Codec, consumerStdin: Writable): Writable | null {
  if (codecEngine(codec) !== 'process') return null;
  const { command, args } = codecArgs(codec, 'decompress');
  return new CodecIntoConsumer(command, args, consumerStdin);
}

/** Collects a child's stderr tail and turns its exit status into an error. */
class ChildExit {
  private readonly stderrTail: () => string;
  code: number | null = null;
  signal: NodeJS.Signals | null = null;
  exited = false;

  constructor(
    readonly command: string,
    child: ChildProcess,
  ) {
    this.stderrTail = keepStderrTail(child.stderr!, STDERR_TAIL_CHARS);
  }

  record(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    this.code = code;
    this.signal = signal;
  }

  get ok(): boolean {
    return this.exited && this.code === 0;
  }

  error(): Error {
    return childExitError(this.command, this.code, this.signal, this.stderrTail());
  }
}

class ProducerCodec extends Readable {
  private readonly child: ChildProcess;
  private readonly exit: ChildExit;
  private stdoutEnded = false;
  private producerDone = false;

  constructor(command: string, args: readonly string[], producer: Producer) {
    super({ highWaterMark: 256 * 1024 });
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exit = new ChildExit(command, this.child);
    const stdout = this.child.stdout!;
    stdout.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) stdout.pause();
    });
    stdout.once('end', () => {
      this.stdoutEnded = true;
      this.settle();
    });
    this.child.once('error', (err) => this.destroy(err));
    this.child.once('exit', (code, signal) => {
      this.exit.record(code, signal);
      if (code !== 0) {
        // A producer failure closes the codec's input early; wait a moment for its own reason.
        setImmediate(() => this.destroy(this.exit.error()));
        return;
      }
      this.settle();
    });
    const stdin = this.child.stdin!;
    stdin.on('error', () => undefined);
    let started: Promise<void>;
    try {
      started = producer(stdin);
    } catch (err) {
      started = Promise.reject(err as Error);
    }
    // The producer holds its own copy of the pipe now; ours would keep the codec's input open.
    stdin.destroy();
    started.then(
      () => {
        this.producerDone = true;
        this.settle();
      },
      (err: unknown) => this.destroy(err as Error),
    );
  }

  private settle(): void {
    if (this.producerDone && this.stdoutEnded && this.exit.ok) this.push(null);
  }

  override _read(): void {
    this.child.stdout!.resume();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.exit.exited) this.child.kill('SIGKILL');
    this.child.stdout!.destroy();
    cb(err);
  }
}

class CodecIntoConsumer extends Writable {
  private readonly child: ChildProcess;
  private readonly exit: ChildExit;
  private readonly exited: Promise<void>;
  private pendingWrite: ((err?: Error | null) => void) | undefined;

  constructor(command: string, args: readonly string[], consumerStdin: Writable) {
    super({ highWaterMark: 256 * 1024 });
    this.child = spawn(command, args, { stdio: ['pipe', consumerStdin, 'pipe'] });
    // The decompressor holds its own copy of the consumer's stdin: ours must close, or the
    // consumer would never see the end of its input.
    consumerStdin.destroy();
    this.exit = new ChildExit(command, this.child);
    const stdin = this.child.stdin!;
    stdin.on('error', () => undefined);
    stdin.on('drain', () => this.release());
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('exit', (code, signal) => {
        this.exit.record(code, signal);
        if (code === 0) resolve();
        else reject(this.exit.error());
      });
    });
    this.exited.then(
      () => this.release(),
      (err: Error) => {
        this.release(err);
        this.destroy(err);
      },
    );
  }

  private release(err?: Error): void {
    const cb = this.pendingWrite;
    this.pendingWrite = undefined;
    cb?.(err);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.exit.exited) {
      cb(this.exit.ok ? new Error(`${this.exit.command} exited before its input ended`) : this.exit.error());
      return;
    }
    if (this.child.stdin!.write(chunk)) cb();
    else this.pendingWrite = cb;
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.child.stdin!.end();
    this.exited.then(() => cb(), cb);
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.exit.exited) this.child.kill('SIGKILL');
    this.child.stdin!.destroy();
    cb(err);
  }
}
