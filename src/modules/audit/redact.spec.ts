import { changes, REDACTED, redactSecrets } from './redact.js';

describe('audit redaction', () => {
  it('redacts secret-looking keys at any depth and keeps the rest', () => {
    const out = redactSecrets({
      name: 'prod',
      secret_key: { from: 'old', to: 'new' },
      config: { accessKey: 'AKIA', bucket: 'b', nested: [{ password: 'pw', host: 'h' }] },
      token: 't',
      password_hash: 'scrypt$…',
    });
    expect(out).toEqual({
      name: 'prod',
      secret_key: REDACTED,
      config: { accessKey: REDACTED, bucket: 'b', nested: [{ password: REDACTED, host: 'h' }] },
      token: REDACTED,
      password_hash: REDACTED,
    });
    expect(JSON.stringify(out)).not.toMatch(/AKIA|"pw"|"old"|"new"/);
  });

  it('lists only changed fields', () => {
    expect(changes({ name: 'a', slug: 's' }, { name: 'b', slug: 's' }, ['name', 'slug'])).toEqual({
      name: { from: 'a', to: 'b' },
    });
    expect(changes(null, { name: 'b' }, ['name'])).toEqual({ name: { from: null, to: 'b' } });
  });
});
