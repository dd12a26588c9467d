import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { hs256Key, verifyHs256 } from './hs256-token.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const NOW = 1_800_000_000;
const expect_ = { issuer: 'offsite', audience: 'offsite-api', nowSeconds: NOW };
const key = hs256Key(SECRET);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function sign(payload: Record<string, unknown>, opts: Record<string, unknown> = {}, secret = SECRET): string {
  return new JwtService({ secret }).sign(
    { exp: NOW + 60, ...payload },
    { algorithm: 'HS256', issuer: 'offsite', audience: 'offsite-api', ...opts },
  );
}

/** Signs any claims, even ones the token library refuses to produce. */
function raw(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
) {
  const signed = `${b64(header)}.${b64({ iss: 'offsite', aud: 'offsite-api', exp: NOW + 60, ...claims })}`;
  return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
}

describe('verifyHs256', () => {
  it('returns the claims of a token signed by the token library with the same key (control)', () => {
    expect(verifyHs256(sign({ sub: 'u1', jti: 'j1' }), key, expect_)).toMatchObject({
      sub: 'u1',
      jti: 'j1',
      iss: 'offsite',
      aud: 'offsite-api',
      exp: NOW + 60,
    });
    // An audience list naming this API is accepted, as the library does.
    expect(verifyHs256(sign({}, { audience: ['other', 'offsite-api'] }), key, expect_)).not.toBeNull();
  });

  it.each([
    ['expired (exp = now)', () => sign({ exp: NOW })],
    ['no exp', () => raw({ exp: undefined })],
    ['exp not a number', () => raw({ exp: String(NOW + 60) })],
    ['not yet valid (nbf)', () => sign({ nbf: NOW + 1 })],
    ['nbf not a number', () => raw({ nbf: 'now' })],
    ['header without alg', () => raw({}, { typ: 'JWT' })],
    ['header alg in another case', () => raw({}, { alg: 'hs256' })],
    ['another secret', () => sign({}, {}, 'another-secret-another-secret-another-0')],
    ['HS512', () => sign({}, { algorithm: 'HS512' })],
    ['wrong issuer', () => sign({}, { issuer: 'someone-else' })],
    ['no issuer', () => raw({ iss: undefined })],
    ['no audience', () => raw({ aud: undefined })],
    ['wrong audience', () => sign({}, { audience: 'another-api' })],
    ['audience list without this API', () => sign({}, { audience: ['a', 'b'] })],
    [
      'alg none',
      () => `${b64({ alg: 'none' })}.${b64({ iss: 'offsite', aud: 'offsite-api', exp: NOW + 60 })}.`,
    ],
    [
      'tampered payload',
      () => {
        const [h, , s] = sign({ sub: 'u1' }).split('.');
        return `${h}.${b64({ sub: 'u2', iss: 'offsite', aud: 'offsite-api', exp: NOW + 60 })}.${s}`;
      },
    ],
    [
      'header swapped for alg none, signature kept',
      () => {
        const [, p, s] = sign({}).split('.');
        return `${b64({ alg: 'none' })}.${p}.${s}`;
      },
    ],
    ['signature padded (not canonical base64url)', () => `${sign({})}=`],
    ['signature in standard base64', () => sign({}).replace(/-/g, '+').replace(/_/g, '/') + '+'],
    ['two segments', () => sign({}).split('.').slice(0, 2).join('.')],
    ['four segments', () => `${sign({})}.x`],
    ['payload not JSON', () => `${b64({ alg: 'HS256' })}.bm90IGpzb24.abc`],
    ['garbage', () => 'not.a.jwt'],
    ['empty', () => ''],
  ])('refuses %s', (_name, token) => {
    expect(verifyHs256(token(), key, expect_)).toBeNull();
  });

  it('accepts what it should with hand-signed tokens too (control for the cases above)', () => {
    expect(verifyHs256(raw({ nbf: NOW }), key, expect_)).not.toBeNull();
    expect(verifyHs256(raw({ exp: NOW + 1 }), key, expect_)).not.toBeNull();
  });

  it('refuses a payload that is not an object even when correctly signed', () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    for (const payload of [b64([1, 2]), b64('text'), b64(null)]) {
      const sig = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
      expect(verifyHs256(`${header}.${payload}.${sig}`, key, expect_)).toBeNull();
    }
  });
});
