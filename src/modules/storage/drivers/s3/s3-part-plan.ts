import { invalidConfig } from '../../storage-errors.js';

export const MiB = 1024 * 1024;
/** The smallest part S3 accepts (all but the last part); the connection test's multipart probe uses it. */
export const MIN_PART = 5 * MiB;
const DEFAULT_PART = 5 * MiB;
const MAX_PART = 5 * 1024 * MiB;
/** Part buffers (partSize × (queueSize + 1): those uploading and the one being filled) stay within this. */
const UPLOAD_BUFFER_BUDGET = 64 * MiB;

export interface S3PartPlan {
  partSize: number;
  queueSize: number;
  maxBytes: number;
}

/** Part size from the known or estimated size and the provider's part-count limit. */
export function planParts(size: number | undefined, maxParts: number, queueSize: number): S3PartPlan {
  let partSize = DEFAULT_PART;
  if (size !== undefined && size > 0) {
    // 20 % headroom: estimates (database size) are rough and dumps can grow.
    const needed = Math.ceil((size * 1.2) / maxParts / MiB) * MiB;
    partSize = Math.max(needed, MIN_PART);
    if (partSize > MAX_PART) {
      throw invalidConfig(
        `An upload of about ${Math.round(size / 1024 ** 3)} GiB does not fit into ${maxParts} parts of at most 5 GiB.`,
        'Split the backup or use a provider with a higher part-count limit.',
      );
    }
  }
  const q = Math.max(1, Math.min(queueSize, Math.floor(UPLOAD_BUFFER_BUDGET / partSize)));
  return { partSize, queueSize: q, maxBytes: partSize * maxParts };
}
