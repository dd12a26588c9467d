import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_PARTS = ['database', 'filestore', 'manifest'] as const;
export type DownloadPart = (typeof DOWNLOAD_PARTS)[number];

export interface DownloadClaim {
  organizationId: string;
  backupId: string;
  part: DownloadPart;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const PAYLOAD_BYTES = 16 + 16 + 1 + 4;
const MAC_BYTES = 16;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidString = (b: Buffer) =>
  b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Short-lived links to Offsite's own streaming endpoint (FTP/SFTP/local storage, where no
 * presigned URL exists): the token alone authorizes one part of one backup until it expires.
 * Binary payload (org id, backup id, part, expiry) + truncated HMAC-SHA256, base64url: 66
 * characters, within Fastify's path parameter limit.
 */
export class DownloadLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('offsite:backup-download-links:v1').digest();
  }

  sign(claim: DownloadClaim): string {
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    uuidBytes(claim.organizationId).copy(payload, 0);
    uuidBytes(claim.backupId).copy(payload, 16);
    payload.writeUInt8(DOWNLOAD_PARTS.indexOf(claim.part), 32);
    payload.writeUInt32BE(claim.exp, 33);
    return Buffer.concat([payload, this.mac(payload)]).toString('base64url');
  }

  /** The claim, or null when the token is malformed, tampered with or expired. */
  verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): DownloadClaim | null {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
    const raw = Buffer.from(token, 'base64url');
    // Only the canonical encoding: the decoder ignores a final character's spare bits.
    if (raw.length !== PAYLOAD_BYTES + MAC_BYTES || raw.toString('base64url') !== token) return null;
    const payload = raw.subarray(0, PAYLOAD_BYTES);
    if (!timingSafeEqual(this.mac(payload), raw.subarray(PAYLOAD_BYTES))) return null;
    const part = DOWNLOAD_PARTS[payload.readUInt8(32)];
    const exp = payload.readUInt32BE(33);
    if (!part || exp < nowSeconds) return null;
    return {
      organizationId: uuidString(payload.subarray(0, 16)),
      backupId: uuidString(payload.subarray(16, 32)),
      part,
      exp,
    };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, MAC_BYTES);
  }
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range). undefined = whole object; null = unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // malformed or multi-range: serve it whole
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return null;
    start = Math.max(size - n, 0);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return null;
  return { start, end };
}
