import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { BackupPart } from '../backups/backup.entity.js';
import type { ServerSideCopier } from '../storage/drivers/s3/s3-server-copy.js';
import type { PrefixedStorageDriver } from '../storage/storage-driver.factory.js';
import { StorageError } from '../storage/storage-errors.js';

/** A part whose bytes differ from what the backup's catalog (and manifest) records. */
export class IntegrityError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`Part "${part}" ${detail}`);
    this.name = 'IntegrityError';
  }
}

export interface CopyOptions {
  signal: AbortSignal;
  /** Bytes of this part that passed so far (streaming) or the whole part (server-side copy). */
  onBytes: (n: number) => void;
  /** Awaited once, after the first chunk passed (test hook: a worker paused mid-copy). */
  midCopy?: () => Promise<void>;
}

/**
 * Checks size and sha256 of the bytes passing through against the catalog's record: an extra byte
 * fails at once, a short or different stream fails at its end, before the consumer sees the end.
 */
class Verifier extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private first = true;
  failure: IntegrityError | undefined;
  verified = false;

  constructor(
    private readonly part: BackupPart,
    private readonly onBytes: (n: number) => void,
    private readonly midCopy?: () => Promise<void>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    if (this.bytes > this.part.sizeBytes) {
      this.failure = new IntegrityError(
        this.part.name,
        `on the source is larger than the ${this.part.sizeBytes} bytes recorded for it.`,
      );
      return cb(this.failure);
    }
    this.hash.update(chunk);
    this.onBytes(chunk.length);
    if (this.first && this.midCopy) {
      this.first = false;
      this.midCopy().then(
        () => cb(null, chunk),
        (err: Error) => cb(err),
      );
      return;
    }
    cb(null, chunk);
  }

  override _flush(cb: (err?: Error | null) => void) {
    if (this.bytes !== this.part.sizeBytes) {
      this.failure = new IntegrityError(
        this.part.name,
        `on the source has ${this.bytes} bytes, ${this.part.sizeBytes} recorded.`,
      );
      return cb(this.failure);
    }
    const digest = this.hash.digest('hex');
    if (this.part.sha256 && digest !== this.part.sha256) {
      this.failure = new IntegrityError(
        this.part.name,
        `on the source has sha256 ${digest}, ${this.part.sha256} recorded: its bytes changed since the backup.`,
      );
      return cb(this.failure);
    }
    this.verified = true;
    cb();
  }
}

async function openSource(driver: PrefixedStorageDriver, part: BackupPart, signal: AbortSignal) {
  try {
    return await driver.download(part.key, { signal });
  } catch (err) {
    if (err instanceof StorageError && err.code === 'not_found')
      throw new IntegrityError(part.name, `is missing from the source (${part.key}).`);
    throw err;
  }
}

/**
 * Streams one part from the source driver to the target driver (the drivers' bounded uploads),
 * verifying size and sha256 on the way. A failed verification removes the target's copy.
 */
export async function streamPartVerified(
  source: PrefixedStorageDriver,
  target: PrefixedStorageDriver,
  part: BackupPart,
  options: CopyOptions,
): Promise<void> {
  const body = await openSource(source, part, options.signal);
  const verifier = new Verifier(part, options.onBytes, options.midCopy);
  body.on('error', (err) => verifier.destroy(err));
  body.pipe(verifier);
  try {
    await target.upload(part.key, verifier, {
      contentLength: part.sizeBytes,
      signal: options.signal,
    });
  } catch (err) {
    body.destroy();
    if (verifier.failure) {
      await target.delete(part.key).catch(() => undefined);
      throw verifier.failure;
    }
    throw err;
  }
  if (!verifier.verified) {
    // The target accepted the bytes before the check at the end could refuse them.
    await target.delete(part.key).catch(() => undefined);
    throw verifier.failure ?? new IntegrityError(part.name, 'could not be verified while copying.');
  }
}

/**
 * Copies one part inside the storage service, then reads the copy back through the same check: the
 * proof is on the bytes the target holds.
 */
export async function serverCopyPartVerified(
  copier: ServerSideCopier,
  target: PrefixedStorageDriver,
  part: BackupPart,
  options: CopyOptions,
): Promise<void> {
  try {
    await copier.copy(part.key, part.key, part.sizeBytes, options.signal);
  } catch (err) {
    if (err instanceof StorageError && err.code === 'not_found')
      throw new IntegrityError(part.name, `is missing from the source (${part.key}).`);
    throw err;
  }
  await options.midCopy?.();
  const copy: Readable = await target.download(part.key, { signal: options.signal });
  const verifier = new Verifier(part, () => undefined);
  copy.on('error', (err) => verifier.destroy(err));
  copy.pipe(verifier);
  try {
    for await (const _chunk of verifier) {
      // drained: only the check matters
    }
  } catch (err) {
    copy.destroy();
    if (verifier.failure) {
      await target.delete(part.key).catch(() => undefined);
      throw verifier.failure;
    }
    throw err;
  }
  options.onBytes(part.sizeBytes);
}
