import { startTestApp, type TestApp } from '../support/app.js';
import { registerAndLogin } from '../support/identity.js';
import { headerOf, plainTextOf, startSmtpSink, type SmtpSink } from '../support/receivers.js';

/** Password reset by e-mail through a real SMTP server on loopback (smtp-server), when SMTP_URL is set. */
describe('password reset by e-mail (real SMTP sink, real PostgreSQL)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, SMTP_FROM: 'Offsite <no-reply@offsite.test>' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails a single-use token to a known address; an unknown one gets the same answer and no mail', async () => {
    const user = await registerAndLogin(t);
    const unknown = await t.request('POST', '/auth/password-reset', {
      body: { email: 'nobody@example.test' },
    });
    const known = await t.request('POST', '/auth/password-reset', {
      body: { email: ` ${user.email.toUpperCase()} ` },
    });
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);

    const [mail] = await smtp.waitFor((m) => m.some((x) => x.to.includes(user.email)));
    expect(headerOf(mail!.raw, 'Subject')).toBe('Reset your Offsite password');
    const text = plainTextOf(mail!.raw);
    const token = /single use, valid until [^)]+\):\r?\n([A-Za-z0-9_-]{40,})/.exec(text)?.[1];
    expect(token).toBeDefined();
    expect(text).toMatch(/\/api\/v1\/auth\/password-reset\/confirm/);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes('nobody@example.test'))).toEqual([]);

    const confirm = await t.request('POST', '/auth/password-reset/confirm', {
      body: { token, new_password: 'a brand new password' },
    });
    expect(confirm.status).toBeLessThan(300);
    const login = await t.request('POST', '/auth/login', {
      body: { email: user.email, password: 'a brand new password' },
    });
    expect(login.status).toBe(200);
    // Single use.
    const again = await t.request('POST', '/auth/password-reset/confirm', {
      body: { token, new_password: 'yet another password' },
    });
    expect(again.status).toBe(400);
  });
});
