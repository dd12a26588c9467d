import { Writable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';

/**
 * Data bytes per SFTP WRITE request: a request (data plus a header of 17 bytes and the handle, at
 * most 256 bytes) fits one SSH channel packet of 32 KiB, the size every server accepts. A full
 * 32 KiB of data would spill a few bytes into a second packet each time (measured: 0.45× of
 * rclone's SFTP throughput instead of 0.65–0.70×).
 */
const REQUEST_BYTES = 32 * 1024 - 512;
/** WRITE requests awaiting the server's answer: enough to fill a fast link's round trip (2 MiB). */
const MAX_IN_FLIGHT = 64;

/**
 * Writes a stream into a remote file with up to MAX_IN_FLIGHT positioned WRITE requests
 * outstanding, as OpenSSH's sftp and rclone do, instead of one request per chunk and a round trip
 * each (ssh2's WriteStream). The write callback waits while the window is full, so back-pressure
 * reaches the source and the bytes in flight stay at MAX_IN_FLIGHT × 32 KiB. The file is opened
 * with `mode` and closed at the end; the first failed request fails the stream.
 */
export class SftpFileWriter extends Writable {
  private handle: Buffer | undefined;
  private position = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private waiting: (() => void) | undefined;

  constructor(
    private readonly sftp: SFTPWrapper,
    private readonly path: string,
    private readonly mode: number,
  ) {
    super({ highWaterMark: 256 * 1024 });
  }

  /** Requests sent and not yet answered, or bytes waiting to be sent (the stall watchdog's test). */
  get busy(): boolean {
    return this.inFlight > 0 || this.writableLength > 0;
  }

  override _construct(cb: (err?: Error | null) => void): void {
    this.sftp.open(this.path, 'w', { mode: this.mode }, (err, handle) => {
      if (err) return cb(err);
      this.handle = handle;
      cb();
    });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    for (let off = 0; off < chunk.length; off += REQUEST_BYTES) {
      const len = Math.min(REQUEST_BYTES, chunk.length - off);
      this.inFlight++;
      this.sftp.write(this.handle!, chunk, off, len, this.position, (err) => {
        this.inFlight--;
        if (err) this.failure ??= err;
        const wake = this.waiting;
        this.waiting = undefined;
        wake?.();
      });
      this.position += len;
    }
    this.whenBelow(MAX_IN_FLIGHT, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.whenBelow(1, (err) => {
      if (err) return cb(err);
      this.sftp.close(this.handle!, (closeErr) => {
        this.handle = undefined;
        cb(closeErr ?? null);
      });
    });
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const handle = this.handle;
    this.handle = undefined;
    const wake = this.waiting;
    this.waiting = undefined;
    wake?.();
    if (handle) this.sftp.close(handle, () => cb(err));
    else cb(err);
  }

  /** Calls cb once fewer than n requests are in flight (or with the first failure). */
  private whenBelow(n: number, cb: (err?: Error | null) => void): void {
    if (this.failure) return cb(this.failure);
    if (this.inFlight < n) return cb();
    if (this.destroyed) return cb(new Error('The SFTP upload was stopped.'));
    this.waiting = () => this.whenBelow(n, cb);
  }
}
