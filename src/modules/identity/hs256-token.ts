import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/** What a token must say besides its signature: who issued it, for whom, and the current time. */
export interface Hs256Expectations {
  issuer: string;
  audience: string;
  /** Seconds since the epoch; `exp` and `nbf` are compared with it, without tolerance. */
  nowSeconds: number;
}

/** The claims of a verified token; the caller checks the ones it relies on (sub, jti, …). */
export type TokenClaims = Record<string, unknown>;

/** The HMAC key, built once: building a KeyObject from a string on every request is costly. */
export function hs256Key(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

function decodeObject(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a compact JWS signed with HS256 and returns its claims, or null for any failure (the
 * caller answers every failure alike). The checks of the token library it replaces, done by hand
 * on the request path: the header names HS256 and nothing else (`none`, HS512 and RS256 are
 * refused), the signature is the canonical base64url HMAC of the first two segments compared in
 * constant time, `exp` is a number in the future, `nbf` if present is not in the future, `iss` and
 * `aud` (a string or a list) match.
 */
export function verifyHs256(token: string, key: KeyObject, expect: Hs256Expectations): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  if (decodeObject(header)?.alg !== 'HS256') return null;
  const expected = Buffer.from(createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  const claims = decodeObject(payload);
  if (!claims) return null;
  const { exp, nbf, iss, aud } = claims;
  if (typeof exp !== 'number' || expect.nowSeconds >= exp) return null;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > expect.nowSeconds)) return null;
  if (iss !== expect.issuer) return null;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expect.audience)) return null;
  return claims;
}
