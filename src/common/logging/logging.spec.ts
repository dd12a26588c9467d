import { Writable } from 'node:stream';
import { pino } from 'pino';
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
});
