/**
 * A fixed set of equally sized buffers, allocated on first use and reused until the owner is
 * done: take() waits while all are lent out, which is the back-pressure of whatever fills them.
 * fail() wakes every waiter with the error, so nothing waits for a buffer that will never return.
 */
export class PartBuffers {
  private readonly idle: Buffer[] = [];
  private allocated = 0;
  private readonly waiters: { resolve: (b: Buffer) => void; reject: (e: unknown) => void }[] = [];
  private failure: unknown;

  constructor(
    readonly size: number,
    readonly count: number,
  ) {}

  /** Bytes this set may ever hold: size × count. */
  get capacity(): number {
    return this.size * this.count;
  }

  async take(): Promise<Buffer> {
    if (this.failure !== undefined) throw this.failure;
    const b = this.idle.pop();
    if (b) return b;
    if (this.allocated < this.count) {
      this.allocated++;
      return Buffer.allocUnsafe(this.size);
    }
    return new Promise<Buffer>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  give(b: Buffer): void {
    const w = this.waiters.shift();
    if (w) w.resolve(b);
    else this.idle.push(b);
  }

  fail(err: unknown): void {
    this.failure ??= err;
    for (const w of this.waiters.splice(0)) w.reject(this.failure);
  }
}
