import { Writable } from 'node:stream';
import { pino, type LoggerOptions } from 'pino';
import { QueryFailedError } from 'typeorm';
import { censorSecrets, loggerOptions } from './logging.js';

/** The app's pino options (as pino-http gets them), writing into `lines`. */
function appLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return pino(loggerOptions('info') as LoggerOptions, sink);
}

describe('log redaction', () => {
  it('never writes secrets at any nesting level', () => {
    const lines: string[] = [];
    const log = appLogger(lines);
    log.info({
      password: 'p1-secret',
      body: {
        secret_key: 's2-secret',
        config: { access_key: 'a3-secret', nested: { private_key: 'k4-secret' } },
      },
      req: { headers: { authorization: 'Bearer t5-secret' } },
      token: 't6-secret',
      passphrase: 'pp7-secret',
      list: [{ credentials: 'c8-secret' }, 'kept-9'],
      deep: { a: { b: { c: { d: { e: { password: 'd10-secret' } } } } } },
    });
    log.child({ access_token: 'b11-secret', token: 'b12-secret' }).info('bound');
    log.info({ err: Object.assign(new Error('boom'), { config: { password: 'e13-secret' } }) }, 'failed');
    const out = lines.join('');
    for (const s of ['p1-', 's2-', 'a3-', 'k4-', 't5-', 't6-', 'pp7-', 'c8-', 'd10-', 'b11-', 'b12-', 'e13-'])
      expect(out).not.toContain(`${s}secret`);
    expect(out).toContain('[redacted]');
    expect(out).toContain('kept-9');
    expect(out).toContain('boom');
  });

  it('copies what it censors and returns what it need not touch as it is', () => {
    const clean = { a: { b: [1, { c: 'x' }] }, when: new Date(0) };
    expect(censorSecrets(clean)).toBe(clean);
    const dirty = { a: { password: 'p', keep: 1 }, b: { c: 2 } };
    const out = censorSecrets(dirty) as typeof dirty;
    expect(out).toEqual({ a: { password: '[redacted]', keep: 1 }, b: { c: 2 } });
    expect(dirty.a.password).toBe('p');
    expect(out.b).toBe(dirty.b);
    // A cycle ends at the depth bound instead of looping.
    const cyclic: Record<string, unknown> = { token: 't' };
    cyclic.self = cyclic;
    expect((censorSecrets(cyclic) as Record<string, unknown>).token).toBe('[redacted]');
  });

  it('writes a request line with the request id, method, url and status only', () => {
    const lines: string[] = [];
    const log = appLogger(lines);
    log
      .child({ req: { id: 'r1', method: 'GET', url: '/x', headers: { authorization: 'Bearer h1-secret' } } })
      .info({ res: { statusCode: 200, headers: { 'x-frame-options': 'DENY' } }, responseTime: 3 }, 'done');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.req).toEqual({ id: 'r1', method: 'GET', url: '/x' });
    expect(line.res).toEqual({ statusCode: 200 });
    expect(lines[0]).not.toContain('h1-secret');
  });

  it("never writes a failed query's parameters (a real QueryFailedError from PostgreSQL's answer)", () => {
    const lines: string[] = [];
    const log = appLogger(lines);
    const err = new QueryFailedError(
      'INSERT INTO "users"("id", "password_hash") VALUES ($1, $2)',
      ['a4f1c0de-0000-0000-0000-000000000000', 'scrypt$N=16384$hash-value-secret'],
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    );
    log.error({ err }, 'Unhandled error');
    log.error({ context: { err } }, 'Unhandled error');
    const out = lines.join('');
    expect(out).toContain('invalid byte sequence');
    expect(out).not.toContain('hash-value-secret');
    expect(out).not.toContain('a4f1c0de-0000');
  });
});
