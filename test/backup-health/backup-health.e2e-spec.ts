import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../../src/common/clock/clock.js';
import { SchedulerService } from '../../src/modules/schedules/scheduler.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFilestore, createSourceDatabase, waitForBackup } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import {
  createManagedEnvironment,
  createOrg,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../support/receivers.js';
import { createBucket, type S3TestServer } from '../support/storage-servers.js';

/** Where the source database lives (the local server, or the embedded one of the test run). */
function sourceLogin(db: TestDatabase) {
  const u = new URL(db.url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    username: decodeURIComponent(u.username) || 'postgres',
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

const START = Date.parse('2026-12-01T00:10:00.000Z');

async function s3rverAt(dir: string, port = 0): Promise<{ port: number; stop(): Promise<void> }> {
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir });
  const address = (await server.run()) as { port: number };
  return { port: address.port, stop: () => server.close() };
}

/**
 * Backup freshness with a FakeClock: an hourly schedule whose backups start failing (the S3 server
 * is stopped) turns late, then stale with exactly one backup.stale per day, and fresh again with
 * backup.fresh once a backup completes. The scheduler's tick is called after each clock move (its
 * timer is set far apart); the freshness sweep runs on its own timer every second.
 */
describe('backup freshness and GET /organizations/{org_id}/backup-health (fake clock, real PostgreSQL, real S3 server)', () => {
  const clock = new FakeClock(START);
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let source: TestDatabase;
  let filestore: string;
  let dir: string;
  let server: { port: number; stop(): Promise<void> } | undefined;
  let port: number;
  let receiver: WebhookReceiver;
  let secret: string;
  let env: { id: string; name: string };
  let configId: string;

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const health = async () => {
    const res = await call('GET', `/organizations/${org.id}/backup-health`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const envHealth = async () => (await health()).environments.find((e: { id: string }) => e.id === env.id);
  /** Waits for the freshness sweep (every second) to have seen `freshness`. */
  const settle = async (expected: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const [row] = await t.app
        .get((await import('typeorm')).DataSource)
        .query('SELECT freshness, checked_at FROM environment_freshness WHERE environment_id = $1', [env.id]);
      if (row?.freshness === expected && new Date(row.checked_at).getTime() >= clock.nowMs()) return;
      if (Date.now() > deadline)
        throw new Error(`freshness did not become ${expected}: ${JSON.stringify(row)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const staleHooks = () => receiver.received.filter((r) => r.headers['x-offsite-event'] === 'backup.stale');
  /** Moves the clock, lets the scheduler run what is due and waits for that backup to end. */
  const hourPasses = async (to: number, expectedStatus: 'failed' | 'completed') => {
    clock.set(to);
    const ran = await t.app.get(SchedulerService).tick();
    expect(ran).toBeGreaterThanOrEqual(1);
    const list = await call('GET', `/backups/organization/${org.id}/backups?environment_id=${env.id}`);
    const newest = (list.body.items ?? list.body)[0];
    const done = await waitForBackup(t, owner.token, newest.id);
    expect(done.status).toBe(expectedStatus);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-fresh-s3-'));
    server = await s3rverAt(dir);
    port = server.port;
    await createBucket(
      {
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        accessKey: 'S3RVER',
        secretKey: 'S3RVER',
      } as S3TestServer,
      'fresh-bucket',
    );
    receiver = await startWebhookReceiver();
    source = await createSourceDatabase(200);
    filestore = createFilestore();
    t = await startTestApp(
      {
        BACKUP_RETRY_LIMIT: '0',
        SCHEDULER_TICK_SECONDS: '3600',
        RETENTION_SWEEP_SECONDS: '86400',
        FRESHNESS_TICK_SECONDS: '1',
        STORAGE_PROBE_TICK_SECONDS: '3600',
        NOTIFICATION_RETRY_BASE_SECONDS: '1',
      },
      undefined,
      undefined,
      { clock },
    );
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    const admin = await platformAdmin(t);
    expect(
      (
        await call(
          'PUT',
          '/backups/storage-settings',
          { allow_private_endpoints: true, allow_insecure_endpoints: true },
          admin.token,
        )
      ).status,
    ).toBe(200);
    const config = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
      name: 'Fresh S3',
      provider: 's3_compatible',
      endpoint_url: `http://127.0.0.1:${port}`,
      bucket: 'fresh-bucket',
      access_key: 'S3RVER',
      secret_key: 'S3RVER',
    });
    expect(config.status).toBe(201);
    configId = config.body.id;
    const created = await createManagedEnvironment(t, org.id, {
      name: 'shop-production',
      database: {
        ...sourceLogin(source),
        name: source.name,
        sslmode: 'disable',
      },
      filestore_path: filestore,
    });
    expect(created.status).toBe(201);
    env = created.body;
    const channel = await call('POST', `/organizations/${org.id}/notification-channels`, {
      name: 'Freshness',
      kind: 'webhook',
      url: receiver.url,
      events: ['backup.stale', 'backup.fresh'],
    });
    expect(channel.status).toBe(201);
    secret = channel.body.secret;
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop().catch(() => undefined);
    await receiver?.close();
    await source?.drop();
    if (filestore) rmSync(filestore, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an environment without a schedule has no freshness; the summary is ok', async () => {
    const h = await health();
    expect(h.status).toBe('ok');
    expect(h.reasons).toEqual([]);
    expect(h.environments).toEqual([
      expect.objectContaining({
        id: env.id,
        name: 'shop-production',
        freshness: null,
        expected_interval_seconds: null,
      }),
    ]);
    expect(h.storage_configs).toEqual([
      expect.objectContaining({ id: configId, health: 'unknown', provider: 's3_compatible' }),
    ]);
    expect(h.last_24h).toEqual({ backups_failed: 0, restores_failed: 0 });
  });

  it('an hourly schedule and no completed backup yet: never (a warning)', async () => {
    const s = await call('POST', `/environments/${env.id}/schedules`, {
      name: 'hourly',
      cron: '@hourly',
      timezone: 'UTC',
    });
    expect(s.status).toBe(201);
    await settle('never');
    const e = await envHealth();
    expect(e).toMatchObject({ freshness: 'never', expected_interval_seconds: 3600, last_completed_at: null });
    expect(e.next_scheduled_run_at).toBe('2026-12-01T01:00:00.000Z');
    const h = await health();
    expect(h.status).toBe('warning');
    expect(h.reasons[0]).toMatchObject({ code: 'backup_never', environment_id: env.id });
  });

  it('a completed scheduled backup makes it fresh', async () => {
    await hourPasses(Date.parse('2026-12-01T01:00:30.000Z'), 'completed');
    await settle('fresh');
    const e = await envHealth();
    expect(e.freshness).toBe('fresh');
    expect(e.last_completed_at).not.toBeNull();
    // Measured from when the backup was taken (01:00:30): late past 1.5 h, stale past 3 h.
    expect(e.late_at).toBe('2026-12-01T02:30:30.000Z');
    expect(e.stale_at).toBe('2026-12-01T04:00:30.000Z');
    expect((await health()).status).toBe('ok');
  });

  it('backups failing (storage stopped): late after 1.5 intervals, stale after 3, one signed backup.stale', async () => {
    await server!.stop();
    await hourPasses(Date.parse('2026-12-01T02:00:30.000Z'), 'failed');
    await settle('fresh');
    let h = await health();
    // The storage error marked the config degraded at once.
    expect(h.storage_configs[0].health).toBe('degraded');
    expect(h.last_24h.backups_failed).toBe(1);
    expect(h.status).toBe('warning');

    await hourPasses(Date.parse('2026-12-01T03:00:30.000Z'), 'failed');
    await settle('late');
    expect((await envHealth()).freshness).toBe('late');
    expect(staleHooks()).toHaveLength(0);

    await hourPasses(Date.parse('2026-12-01T04:00:30.000Z'), 'failed');
    await settle('late'); // exactly 3 intervals old: not yet stale
    await hourPasses(Date.parse('2026-12-01T05:00:30.000Z'), 'failed');
    await settle('stale');
    h = await health();
    expect(h.status).toBe('critical');
    expect(h.reasons[0]).toMatchObject({
      severity: 'critical',
      code: 'backup_stale',
      environment_id: env.id,
    });
    const e = h.environments[0];
    expect(e.last_error.code).toBeTruthy();
    expect(e.last_failed_at).not.toBeNull();
    await receiver.waitFor(() => staleHooks().length >= 1);
    const hook = staleHooks()[0]!;
    expect(verifySignature(hook.headers['x-offsite-signature'], hook.body, secret)).toBe(true);
    expect(hook.json).toMatchObject({
      type: 'backup.stale',
      organization_id: org.id,
      data: {
        environment: { id: env.id, name: 'shop-production' },
        freshness: 'stale',
        expected_interval_seconds: 3600,
      },
    });
  }, 120_000);

  it('exactly one backup.stale per day while it stays stale', async () => {
    for (const at of ['2026-12-01T08:00:30.000Z', '2026-12-01T16:00:30.000Z', '2026-12-02T05:00:29.000Z']) {
      clock.set(Date.parse(at));
      await settle('stale');
    }
    await new Promise((r) => setTimeout(r, 2500));
    expect(staleHooks()).toHaveLength(1);
    clock.set(Date.parse('2026-12-02T05:00:30.000Z'));
    await settle('stale');
    await receiver.waitFor(() => staleHooks().length >= 2);
    clock.set(Date.parse('2026-12-02T10:00:00.000Z'));
    await settle('stale');
    await new Promise((r) => setTimeout(r, 2500));
    expect(staleHooks()).toHaveLength(2);
  }, 60_000);

  it('a completed backup after the storage is back: fresh again and backup.fresh', async () => {
    server = await s3rverAt(dir, port);
    clock.set(Date.parse('2026-12-02T11:00:30.000Z'));
    const ran = await t.app.get(SchedulerService).tick();
    expect(ran).toBeGreaterThanOrEqual(1);
    const list = await call('GET', `/backups/organization/${org.id}/backups?environment_id=${env.id}`);
    const newest = (list.body.items ?? list.body)[0];
    expect((await waitForBackup(t, owner.token, newest.id)).status).toBe('completed');
    await settle('fresh');
    const fresh = await receiver.waitFor((r) =>
      r.some((x) => x.headers['x-offsite-event'] === 'backup.fresh'),
    );
    const hook = fresh.find((x) => x.headers['x-offsite-event'] === 'backup.fresh')!;
    expect(hook.json.data).toMatchObject({ environment: { id: env.id }, freshness: 'fresh' });
    expect(staleHooks()).toHaveLength(2);
  }, 60_000);
});
