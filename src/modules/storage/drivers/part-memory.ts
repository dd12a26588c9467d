import { Readable, Transform, type TransformCallback } from 'node:stream';
import { detach, dispose } from '../stream-utils.js';

/** Largest piece handed to lib-storage: far below the smallest part (5 MiB), see PartMemory. */
const MAX_PIECE = 1024 * 1024;

/**
 * Frees the memory of a multipart upload as soon as nothing can read it any more.
 *
 * lib-storage gathers each part by concatenating the stream's chunks and sends the concatenated
 * buffer. Chunks and part buffers are then garbage that only a major GC frees, and V8 lets up to
 * 64 MB of such external memory pile up before it runs one: `npm run bench:storage` measured an
 * S3 upload adding ~100 MB where lib-storage only needs about queueSize + 2 parts. Freeing a
 * buffer (detaching its ArrayBuffer) returns its memory at once, so it must only happen when no
 * one can read it any more:
 * - chunks: the stream's chunks may share memory with other buffers (zlib output, Buffer's pool),
 *   so lib-storage is given copies that only this class holds, none larger than MAX_PIECE.
 *   lib-storage's chunker cuts part N, by concatenating everything it holds, as soon as it has
 *   pulled more than N × partSize bytes: synchronously, in the continuation of the pull that
 *   crossed the boundary. So the copies pulled up to that one are released on the next turn of
 *   the event loop (setImmediate), not when the chunker pulls again, which waits for a free
 *   upload slot while both parts are in flight. (A part made of a single piece, which would be a
 *   copy itself, cannot happen: pieces are smaller than parts.)
 * - part buffers: lib-storage cuts a part off a larger concatenation whose tail starts the next
 *   part, so a part's buffer is released when its request has succeeded, parts 1..N+1 have all
 *   been sent (so the tail was copied on) and no request in flight uses it.
 * A part whose body is one of the copies fails the upload: lib-storage changed, and the release
 * rule above no longer holds.
 */
export class PartMemory {
  /** Bytes freed early (copies and part buffers). */
  released = 0;
  private readonly owned = new WeakSet<ArrayBufferLike>();
  private pulled: Buffer[] = [];
  private pulledBytes = 0;
  private cutsReleased = 0;
  /** Parts 1..this have all been sent (parts can be sent out of order, e.g. after the upload's creation). */
  private sentInOrder = 0;
  private readonly sentAhead = new Set<number>();
  private readonly parts = new Map<ArrayBufferLike, { part: number; inFlight: number; done: boolean }>();

  constructor(private readonly partSize: number) {}

  /** The stream to give lib-storage as the body: private copies of source's bytes. */
  body(): Transform {
    const copier = new Transform({
      // One copy per read: a byte-mode Readable would hand out several copies concatenated (or a
      // slice of one), which is not a buffer this class may free.
      readableObjectMode: true,
      readableHighWaterMark: 2,
      transform: (chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) => {
        for (let at = 0; at < chunk.length; at += MAX_PIECE) {
          const copy = Buffer.allocUnsafeSlow(Math.min(MAX_PIECE, chunk.length - at));
          chunk.copy(copy, 0, at, at + copy.length);
          this.owned.add(copy.buffer);
          copier.push(copy);
        }
        dispose(chunk);
        cb();
      },
    });
    // lib-storage reads the body with for await; seeing each pull tells when its chunker cut a part.
    const iterate = Readable.prototype[Symbol.asyncIterator].bind(copier);
    Object.defineProperty(copier, Symbol.asyncIterator, {
      value: () => {
        const inner = iterate();
        const wrapped: AsyncIterableIterator<Buffer> = {
          next: async () => {
            const r = (await inner.next()) as IteratorResult<Buffer>;
            if (!r.done) this.pulledOne(r.value);
            return r;
          },
          return: async () => (await inner.return!()) as IteratorResult<Buffer>,
          [Symbol.asyncIterator]: () => wrapped,
        };
        return wrapped;
      },
    });
    return copier;
  }

  /** Call before lib-storage's request for part partNumber with body. */
  partSent(partNumber: number, body: unknown): void {
    if (!(body instanceof Uint8Array) || this.owned.has(body.buffer)) {
      throw new Error(
        "lib-storage sent a part that is not a buffer of its own; Offsite frees the stream's chunks assuming it concatenates them (see PartMemory).",
      );
    }
    const entry = this.parts.get(body.buffer);
    if (entry) entry.inFlight++;
    else this.parts.set(body.buffer, { part: partNumber, inFlight: 1, done: false });
    this.sentAhead.add(partNumber);
    while (this.sentAhead.delete(this.sentInOrder + 1)) this.sentInOrder++;
    this.releaseParts();
  }

  /** Call when the request for a part sent with body has succeeded. */
  partDone(body: unknown): void {
    const entry = body instanceof Uint8Array ? this.parts.get(body.buffer) : undefined;
    if (!entry) return;
    entry.inFlight--;
    entry.done = true;
    this.releaseParts();
  }

  private pulledOne(copy: Buffer): void {
    this.pulled.push(copy);
    this.pulledBytes += copy.length;
    // Parts cut so far: part N is cut once more than N × partSize bytes have been pulled.
    const cuts = Math.floor((this.pulledBytes - 1) / this.partSize);
    if (cuts === this.cutsReleased) return;
    this.cutsReleased = cuts;
    const concatenated = this.pulled;
    this.pulled = [];
    // after the microtasks that deliver this copy to the chunker, which concatenate it
    setImmediate(() => {
      for (const c of concatenated) this.release(c.buffer);
    });
  }

  private releaseParts(): void {
    for (const [ab, entry] of this.parts) {
      if (entry.done && entry.inFlight === 0 && this.sentInOrder > entry.part) {
        this.parts.delete(ab);
        this.release(ab);
      }
    }
  }

  private release(ab: ArrayBufferLike): void {
    const bytes = ab.byteLength;
    if (detach(ab)) this.released += bytes;
  }
}
