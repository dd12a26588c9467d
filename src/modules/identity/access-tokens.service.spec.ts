import { JwtService } from '@nestjs/jwt';
import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/config.js';
import { AccessTokensService } from './access-tokens.service.js';
import type { UsersRepository } from './users.repository.js';

// Token verification without a database: the checks every request's bearer token goes through
// before anything is read (the user and revocation are the e2e tests' part).
const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const config = {
  auth: { jwtSecret: SECRET, jwtIssuer: 'offsite', jwtAudience: 'offsite-api', jwtTtlSeconds: 900 },
} as unknown as AppConfig;
const service = new AccessTokensService(config, {} as UsersRepository);
const NOW = Math.floor(Date.now() / 1000);
const SUB = randomUUID();
const JTI = randomUUID();
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const request = (token: string) =>
  ({ headers: { authorization: `Bearer ${token}` } }) as unknown as FastifyRequest;

function sign(payload: Record<string, unknown>, opts: Record<string, unknown> = {}, secret = SECRET): string {
  return new JwtService({ secret }).sign(
    { exp: NOW + 60, jti: JTI, ...payload },
    { algorithm: 'HS256', issuer: 'offsite', audience: 'offsite-api', subject: SUB, ...opts },
  );
}

/** Signs any claims, even ones the token library refuses to produce. */
function raw(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
) {
  const signed = `${b64(header)}.${b64({ iss: 'offsite', aud: 'offsite-api', exp: NOW + 60, sub: SUB, jti: JTI, ...claims })}`;
  return `${signed}.${createHmac('sha256', SECRET).update(signed).digest('base64url')}`;
}

describe('AccessTokensService.verify', () => {
  it('returns the token of one it issued, and of one signed by the token library with the same key (controls)', async () => {
    const issued = service.issue(SUB).accessToken;
    await expect(service.verify(request(issued))).resolves.toMatchObject({ userId: SUB });
    await expect(service.verify(request(sign({})))).resolves.toMatchObject({
      userId: SUB,
      tokenId: JTI,
      expiresAt: new Date((NOW + 60) * 1000),
    });
    // An audience list naming this API is accepted.
    await expect(
      service.verify(request(sign({}, { audience: ['other', 'offsite-api'] }))),
    ).resolves.toBeTruthy();
    await expect(service.verify(request(raw({ nbf: NOW })))).resolves.toBeTruthy();
  });

  it.each([
    ['expired (exp = now)', () => sign({ exp: NOW })],
    ['no exp', () => raw({ exp: undefined })],
    ['exp not a number', () => raw({ exp: String(NOW + 60) })],
    ['not yet valid (nbf)', () => sign({ nbf: NOW + 30 })],
    ['nbf not a number', () => raw({ nbf: 'now' })],
    ['no jti (cannot be revoked)', () => raw({ jti: undefined })],
    ['sub not a user id', () => raw({ sub: 'admin' })],
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
        const [h, , s] = sign({}).split('.');
        return `${h}.${b64({ sub: randomUUID(), jti: JTI, iss: 'offsite', aud: 'offsite-api', exp: NOW + 60 })}.${s}`;
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
    ['two segments', () => sign({}).split('.').slice(0, 2).join('.')],
    ['four segments', () => `${sign({})}.x`],
    ['payload not JSON', () => `${b64({ alg: 'HS256' })}.bm90IGpzb24.abc`],
    ['garbage', () => 'not.a.jwt'],
  ])('refuses %s with the one 401', async (_name, token) => {
    await expect(service.verify(request(token()))).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a request without a bearer token', async () => {
    await expect(service.verify({ headers: {} } as unknown as FastifyRequest)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(
      service.verify({ headers: { authorization: `Basic ${sign({})}` } } as unknown as FastifyRequest),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
