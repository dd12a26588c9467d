import { Writable } from 'node:stream';
import { pino } from 'pino';
import { QueryFailedError } from 'typeorm';
import { redactPaths } from './logging.js';

describe('log redaction', () => {
  it('never writes secrets at any nesting level', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = pino({ redact: { paths: redactPaths(), censor: '[redacted]' } }, sink);
    log.info({
      password: 'p1-secret',
      body: {
        secret_key: 's2-secret',
        config: { access_key: 'a3-secret', nested: { private_key: 'k4-secret' } },
      },
      req: { headers: { authorization: 'Bearer t5-secret' } },
      token: 't6-secret',
      passphrase: 'pp7-secret',
    });
    const out = lines.join('');
    for (const s of ['p1-', 's2-', 'a3-', 'k4-', 't5-', 't6-', 'pp7-'])
      expect(out).not.toContain(`${s}secret`);
    expect(out).toContain('[redacted]');
  });

  it("never writes a failed query's parameters (a real QueryFailedError from PostgreSQL's answer)", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = pino({ redact: { paths: redactPaths(), censor: '[redacted]' } }, sink);
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
