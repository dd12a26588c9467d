import { FakeClock } from '../../src/common/clock/clock.js';
import { Transactions } from '../../src/common/database/transactions.js';
import { NotificationOutbox } from '../../src/modules/notifications/notification-outbox.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createOrg, platformAdmin, registerAndLogin } from '../support/identity.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/receivers.js';

/** The retry window, with a FakeClock: a receiver that keeps failing gets its last attempt after 24 h. */
describe('webhook retries stop when the 24 h retry window is over (fake clock, real receiver)', () => {
  const clock = new FakeClock('2026-07-01T12:00:00Z');
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ NOTIFICATION_RETRY_BASE_SECONDS: '1' }, undefined, undefined, { clock });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('retries while inside the window, then marks the delivery failed and sends nothing more', async () => {
    const admin = await platformAdmin(t);
    await t.request('PUT', '/backups/storage-settings', {
      token: admin.token,
      body: { allow_private_endpoints: true, allow_insecure_endpoints: true },
    });
    const owner = await registerAndLogin(t);
    const org = await createOrg(t, owner);
    const channel = await t.request('POST', `/organizations/${org.id}/notification-channels`, {
      token: owner.token,
      body: { name: 'Down', kind: 'webhook', url: receiver.url, events: ['backup.failed'] },
    });
    expect(channel.status).toBe(201);
    receiver.respond([], 503);

    const tx = t.app.get(Transactions, { strict: false });
    const outbox = t.app.get(NotificationOutbox, { strict: false });
    await tx.run(() =>
      outbox.emit(org.id, 'backup.failed', { backup: { id: 'b-1', error_code: 'timeout' } }),
    );

    await receiver.waitFor((r) => r.length >= 2);
    const deliveries = async () =>
      (
        await t.request(
          'GET',
          `/organizations/${org.id}/notification-channels/${channel.body.id}/deliveries`,
          {
            token: owner.token,
          },
        )
      ).body;
    const [retrying] = await deliveries();
    expect(retrying).toMatchObject({ status: 'retrying', response_code: 503 });
    expect(retrying.last_error).toMatch(/503/);

    // A day later, the next attempt is the last one.
    clock.advance(24 * 3600_000);
    const before = receiver.received.length;
    await receiver.waitFor((r) => r.length > before);
    const deadline = Date.now() + 10_000;
    let last = await deliveries();
    while (last[0].status !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      last = await deliveries();
    }
    expect(last[0]).toMatchObject({ status: 'failed', response_code: 503, next_attempt_at: null });
    const count = receiver.received.length;
    await new Promise((r) => setTimeout(r, 4000));
    expect(receiver.received.length).toBe(count);
    expect(new Set(receiver.received.map((r) => r.headers['x-offsite-delivery'])).size).toBe(1);
  }, 60_000);
});
