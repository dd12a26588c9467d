/** Runs fn with a signal that aborts when the caller's signal aborts or after ms (if given). */
export function linkedSignal(signal: AbortSignal | undefined, ms?: number): AbortSignal | undefined {
  const signals = [signal, ms ? AbortSignal.timeout(ms) : undefined].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  if (signals.length === 0) return undefined;
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

/**
 * Rejects with onTimeout() when the promise has not settled within ms; the caller's cleanup
 * (closing the connection) happens in onTimeout's side effects or the caller's finally.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The async iterator of a list, collected (tests, small listings). */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
