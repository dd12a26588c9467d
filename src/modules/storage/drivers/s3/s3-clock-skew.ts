import { StorageError } from '../../storage-errors.js';

/** S3 signatures (and presigned URLs) are refused past this difference between the two clocks. */
const MAX_SKEW_MS = 15 * 60_000;

/** Server Date minus local time, from an unauthenticated HEAD; null when not available. */
export async function measureClockSkew(
  url: URL,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number | null> {
  try {
    const before = Date.now();
    const res = await fetch(url, {
      method: 'HEAD',
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    });
    const date = res.headers.get('date');
    if (!date) return null;
    const local = (before + Date.now()) / 2;
    const skew = Date.parse(date) - local;
    // Date has 1 s resolution.
    return Number.isFinite(skew) ? (Math.abs(skew) < 1500 ? 0 : Math.round(skew)) : null;
  } catch {
    return null;
  }
}

/** Throws auth_failed when the measured skew is past what S3 signatures tolerate. */
export function assertClockSkewTolerable(skew: number | null): void {
  if (skew !== null && Math.abs(skew) > MAX_SKEW_MS) {
    throw new StorageError(
      'auth_failed',
      `The server clock differs from this server's by ${Math.round(skew / 60_000)} minutes; S3 signatures fail past 15 minutes.`,
      { hint: 'Synchronise the system clock (NTP).' },
    );
  }
}
