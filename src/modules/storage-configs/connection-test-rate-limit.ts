import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import type { ConfigScope } from './storage-configs.repository.js';

export const TESTS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

/**
 * Connection tests and bucket discovery dial tenant-named endpoints: at most TESTS_PER_MINUTE per
 * scope in a sliding minute, so the API cannot be used to scan hosts. In memory, per process.
 */
@Injectable()
export class ConnectionTestRateLimit {
  private readonly windows = new Map<string, number[]>();
  /** The clock; tests replace it. */
  now: () => number = Date.now;

  /** Counts one test of the scope, or throws rate_limited with Retry-After. */
  take(scope: ConfigScope): void {
    const key = scope ?? 'platform';
    const now = this.now();
    const window = (this.windows.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (window.length >= TESTS_PER_MINUTE) {
      const retryAfter = Math.ceil((WINDOW_MS - (now - window[0]!)) / 1000);
      throw new DomainError(
        'rate_limited',
        `Too many connection tests for this organization (${TESTS_PER_MINUTE} per minute). Retry in ${retryAfter} s.`,
        { headers: { 'retry-after': String(retryAfter) } },
      );
    }
    window.push(now);
    this.windows.set(key, window);
  }
}
