import { createHmac } from 'node:crypto';
import { signatureHeader, webhookUrlProblems } from './webhook-sender.js';

const closed = { allowInsecure: false, allowPrivate: false };

describe('webhook signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const body = '{"id":"e1","type":"storage.unhealthy"}';
    const header = signatureHeader('whsec_test', 1767225600, body);
    const expected = createHmac('sha256', 'whsec_test').update(`1767225600.${body}`).digest('hex');
    expect(header).toBe(`t=1767225600,v1=${expected}`);
  });

  it('changes with the body, the time and the secret', () => {
    const a = signatureHeader('s', 1, 'x');
    expect(signatureHeader('s', 1, 'y')).not.toBe(a);
    expect(signatureHeader('s', 2, 'x')).not.toBe(a);
    expect(signatureHeader('t', 1, 'x')).not.toBe(a);
  });
});

describe('webhook URL rules (the storage endpoint rules)', () => {
  it.each([
    ['not a url', /absolute https/],
    ['ftp://example.com/x', /https/],
    ['http://example.com/hook', /http:\/\/ receivers are not allowed/],
    ['https://user:pw@example.com/hook', /credentials/],
    ['https://127.0.0.1/hook', /private or local/],
    ['https://localhost/hook', /private or local/],
    ['https://localhost./hook', /private or local/],
    ['https://[::1]/hook', /private or local/],
    ['https://[::ffff:7f00:1]/hook', /private or local/],
    ['https://169.254.169.254/latest/meta-data', /private or local/],
    ['https://10.1.2.3/hook', /private or local/],
  ])('refuses %s', async (url, message) => {
    const problems = await webhookUrlProblems(url, closed);
    expect(problems.join(' ')).toMatch(message);
  });

  it('accepts a public IP over https, and private or http ones only when the platform allows them', async () => {
    expect(await webhookUrlProblems('https://93.184.215.14/hook?x=1', closed)).toEqual([]);
    expect(
      await webhookUrlProblems('https://127.0.0.1:8443/hook', { ...closed, allowPrivate: true }),
    ).toEqual([]);
    expect(
      await webhookUrlProblems('http://127.0.0.1:8080/hook', { allowInsecure: true, allowPrivate: true }),
    ).toEqual([]);
  });
});
