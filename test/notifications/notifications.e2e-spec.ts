import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app.js';
import { waitForBackup } from '../support/backup-sources.js';
import {
  createEnvironment,
  createOrg,
  createStorageConfig,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';
import {
  headerOf,
  plainTextOf,
  startSmtpSink,
  startWebhookReceiver,
  verifySignature,
  type SmtpSink,
  type WebhookReceiver,
} from '../support/receivers.js';

describe('notification channels: webhooks and e-mail (real HTTP receiver, real SMTP server, real PostgreSQL)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let owner: TestUser;
  let org: TestOrg;
  let env: { id: string; name: string };

  const channels = () => `/organizations/${org.id}/notification-channels`;
  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const setPrivate = async (allowed: boolean) => {
    const admin = await platformAdmin(t);
    const res = await call(
      'PUT',
      '/backups/storage-settings',
      { allow_private_endpoints: allowed, allow_insecure_endpoints: allowed },
      admin.token,
    );
    expect(res.status).toBe(200);
  };
  /** A backup of the fixture environment (its database does not exist): fails fast with a source error. */
  const failingBackup = async () => {
    const res = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.id });
    expect(res.status).toBe(202);
    const done = await waitForBackup(t, owner.token, res.body.id);
    expect(done.status).toBe('failed');
    return done;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Offsite Alerts <alerts@offsite.test>',
      NOTIFICATION_RETRY_BASE_SECONDS: '1',
      BACKUP_RETRY_LIMIT: '0',
    });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    await createStorageConfig(t, org, owner);
    env = await createEnvironment(t, org, owner);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('refuses a webhook URL on 127.0.0.1 (and http://) unless the platform allows private endpoints; 400 names the field', async () => {
    await setPrivate(false);
    const res = await call('POST', channels(), { name: 'local', kind: 'webhook', url: receiver.url });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors[0].field).toBe('url');
    for (const url of [
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
    ]) {
      const r = await call('POST', channels(), { name: 'x', kind: 'webhook', url });
      expect({ url, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
        url,
        status: 400,
        field: 'url',
      });
    }
    const missing = await call('POST', channels(), { name: 'x', kind: 'webhook' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('url');
    const badEvent = await call('POST', channels(), {
      name: 'x',
      kind: 'webhook',
      url: 'https://example.com/x',
      events: ['backup.exploded'],
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.errors[0].field).toBe('events');
    await setPrivate(true);
    const ok = await call('POST', channels(), { name: 'local', kind: 'webhook', url: receiver.url });
    expect(ok.status).toBe(201);
    await call('DELETE', `${channels()}/${ok.body.id}`);
  });

  it('a webhook channel: secret shown once (encrypted at rest), test event signed, rotation', async () => {
    await setPrivate(true);
    const created = await call('POST', channels(), { name: 'Ops', kind: 'webhook', url: receiver.url });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      kind: 'webhook',
      url: receiver.url,
      enabled: true,
      has_secret: true,
      events: expect.arrayContaining(['backup.failed', 'storage.unhealthy', 'storage.recovered']),
    });
    expect(created.body.events).not.toContain('backup.completed');
    expect(created.body.events).not.toContain('retention.deleted');
    const got = await call('GET', `${channels()}/${created.body.id}`);
    expect(got.text).not.toContain(secret);
    expect(got.body.secret).toBeUndefined();
    const list = await call('GET', channels());
    expect(list.text).not.toContain(secret);
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT secret_enc FROM notification_channels WHERE id = $1', [created.body.id]);
    expect(row.secret_enc).toMatch(/^v1\./);
    expect(row.secret_enc).not.toContain(secret);

    receiver.respond([], 200);
    const before = receiver.received.length;
    const test = await call('POST', `${channels()}/${created.body.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({
      event_type: 'test',
      status: 'delivered',
      attempts: 1,
      response_code: 200,
    });
    const hit = receiver.received[before]!;
    expect(hit.headers['x-offsite-event']).toBe('test');
    expect(hit.headers['x-offsite-delivery']).toBe(test.body.id);
    expect(verifySignature(hit.headers['x-offsite-signature'], hit.body, secret)).toBe(true);
    expect(verifySignature(hit.headers['x-offsite-signature'], hit.body + ' ', secret)).toBe(false);
    expect(hit.json).toMatchObject({
      type: 'test',
      organization_id: org.id,
      data: { channel: { id: created.body.id } },
    });

    const rotated = await call('POST', `${channels()}/${created.body.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    await call('POST', `${channels()}/${created.body.id}/test`);
    const last = receiver.received[receiver.received.length - 1]!;
    expect(verifySignature(last.headers['x-offsite-signature'], last.body, rotated.body.secret)).toBe(true);
    expect(verifySignature(last.headers['x-offsite-signature'], last.body, secret)).toBe(false);
    await call('DELETE', `${channels()}/${created.body.id}`);
  });

  it('backup.failed reaches a receiver that fails 3 times then answers 200 exactly once, after retries with backoff', async () => {
    await setPrivate(true);
    const ch = await call('POST', channels(), {
      name: 'Flaky',
      kind: 'webhook',
      url: receiver.url,
      events: ['backup.failed'],
    });
    expect(ch.status).toBe(201);
    receiver.respond([500, 503, 502], 200);
    const before = receiver.received.length;
    const backup = await failingBackup();
    const got = await receiver.waitFor((r) => r.slice(before).some((x) => x.status === 200), 45_000);
    // Nothing more arrives after the successful attempt.
    await new Promise((r) => setTimeout(r, 3000));
    const mine = got.slice(before);
    expect(mine.map((x) => x.status)).toEqual([500, 503, 502, 200]);
    const deliveryIds = new Set(mine.map((x) => x.headers['x-offsite-delivery']));
    expect(deliveryIds.size).toBe(1);
    const eventIds = new Set(mine.map((x) => x.json.id));
    expect(eventIds.size).toBe(1);
    for (const x of mine) {
      expect(x.headers['x-offsite-event']).toBe('backup.failed');
      expect(verifySignature(x.headers['x-offsite-signature'], x.body, ch.body.secret)).toBe(true);
    }
    expect(mine[0]!.json).toMatchObject({
      type: 'backup.failed',
      organization_id: org.id,
      data: {
        backup: { id: backup.id, error_code: backup.error_code },
        environment: { id: env.id, name: env.name },
      },
    });
    // Events carry facts, never secrets.
    expect(mine[0]!.body).not.toContain('fixture-db-password');
    expect(mine[0]!.body).not.toContain('fixture-secret-key');

    const deliveries = await call('GET', `${channels()}/${ch.body.id}/deliveries`);
    expect(deliveries.status).toBe(200);
    expect(deliveries.body).toHaveLength(1);
    expect(deliveries.body[0]).toMatchObject({
      event_type: 'backup.failed',
      status: 'delivered',
      attempts: 4,
      response_code: 200,
      last_error: null,
    });
    await call('DELETE', `${channels()}/${ch.body.id}`);
  }, 90_000);

  it('410 Gone disables the channel and says why', async () => {
    await setPrivate(true);
    const ch = await call('POST', channels(), { name: 'Gone', kind: 'webhook', url: receiver.url });
    receiver.respond([410], 200);
    const test = await call('POST', `${channels()}/${ch.body.id}/test`);
    expect(test.body).toMatchObject({ status: 'failed', response_code: 410 });
    const after = await call('GET', `${channels()}/${ch.body.id}`);
    expect(after.body.enabled).toBe(false);
    expect(after.body.disabled_reason).toMatch(/410/);
    const reenabled = await call('PATCH', `${channels()}/${ch.body.id}`, { enabled: true });
    expect(reenabled.body).toMatchObject({ enabled: true, disabled_reason: null });
    await call('DELETE', `${channels()}/${ch.body.id}`);
  });

  it('a webhook re-pointed at a private address after saving is refused at send time', async () => {
    await setPrivate(true);
    const ch = await call('POST', channels(), { name: 'Later', kind: 'webhook', url: receiver.url });
    await setPrivate(false);
    const before = receiver.received.length;
    const test = await call('POST', `${channels()}/${ch.body.id}/test`);
    expect(test.body.status).toBe('failed');
    expect(test.body.last_error).toMatch(/private or local|not allowed/);
    expect(receiver.received.length).toBe(before);
    await setPrivate(true);
    await call('DELETE', `${channels()}/${ch.body.id}`);
  });

  it('e-mail through a real SMTP server: subject and plain-text and HTML bodies say what happened and what to do', async () => {
    const ch = await call('POST', channels(), {
      name: 'On-call',
      kind: 'email',
      recipients: ['oncall@example.test', 'Backup-Team@Example.test'],
      events: ['backup.failed'],
    });
    expect(ch.status).toBe(201);
    expect(ch.body.secret).toBeNull();
    expect(ch.body.recipients).toEqual(['oncall@example.test', 'backup-team@example.test']);

    const test = await call('POST', `${channels()}/${ch.body.id}/test`);
    expect(test.body).toMatchObject({ status: 'delivered', attempts: 1, response_code: 250 });
    await smtp.waitFor((m) => m.some((x) => x.raw.includes('Test notification')));

    const before = smtp.mails.length;
    const backup = await failingBackup();
    const mails = await smtp.waitFor((m) => m.length > before);
    const mail = mails[before]!;
    expect(mail.from).toBe('alerts@offsite.test');
    expect(mail.to.sort()).toEqual(['backup-team@example.test', 'oncall@example.test']);
    expect(headerOf(mail.raw, 'Subject')).toBe(`[Offsite] Backup of "${env.name}" failed`);
    expect(headerOf(mail.raw, 'X-Offsite-Event')).toBe('backup.failed');
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const text = plainTextOf(mail.raw);
    expect(text).toContain(`environment "${env.name}" failed`);
    expect(text).toContain(backup.id);
    expect(text).toContain('What to do:');
    await call('DELETE', `${channels()}/${ch.body.id}`);
  }, 60_000);

  it('validation: e-mail fields on a webhook and the other way round are 400 naming the field', async () => {
    const a = await call('POST', channels(), {
      name: 'x',
      kind: 'email',
      recipients: ['a@example.test'],
      url: 'https://example.com/x',
    });
    expect(a.status).toBe(400);
    expect(a.body.errors[0].field).toBe('url');
    const b = await call('POST', channels(), { name: 'x', kind: 'email', recipients: ['not-an-address'] });
    expect(b.status).toBe(400);
    expect(b.body.errors[0].field).toMatch(/^recipients/);
    const c = await call('POST', channels(), { name: 'x', kind: 'email' });
    expect(c.status).toBe(400);
    expect(c.body.errors[0].field).toBe('recipients');
  });
});
