import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { FakeClock } from '../../src/common/clock/clock.js';
import { StorageConnectionsService } from '../../src/modules/storage-configs/storage-connections.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  createOrg,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../support/receivers.js';
import { createBucket, type S3TestServer } from '../support/storage-servers.js';

const MINUTE = 60_000;

/** An s3rver on a fixed port and directory, so the test can stop it and start it again. */
async function s3rverAt(dir: string, port = 0): Promise<{ port: number; stop(): Promise<void> }> {
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir });
  const address = (await server.run()) as { port: number };
  return { port: address.port, stop: () => server.close() };
}

describe('storage health probes (injectable clock, a real S3 server stopped and restarted)', () => {
  const clock = new FakeClock('2026-06-01T08:00:00Z');
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let receiver: WebhookReceiver;
  let dir: string;
  let server: { port: number; stop(): Promise<void> } | undefined;
  let configId: string;
  let secret: string;

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const health = async () => (await call('GET', `/backups/storage-configs/${configId}/health`)).body;
  /** Moves the clock and waits for the scheduler (ticking every second) to record `count` probes. */
  const probeAfter = async (ms: number, count: number) => {
    clock.advance(ms);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const h = await health();
      if (h.probes.length >= count) return h;
      if (Date.now() > deadline) throw new Error(`expected ${count} probes, have ${JSON.stringify(h)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    // s3rver even when a real S3 server is configured: this test stops it and starts it again.
    dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-health-s3-'));
    server = await s3rverAt(dir);
    await createBucket(
      {
        endpoint: `http://127.0.0.1:${server.port}`,
        region: 'us-east-1',
        accessKey: 'S3RVER',
        secretKey: 'S3RVER',
      } as S3TestServer,
      'health-bucket',
    );
    receiver = await startWebhookReceiver();
    t = await startTestApp(
      { STORAGE_PROBE_TICK_SECONDS: '1', NOTIFICATION_RETRY_BASE_SECONDS: '1' },
      undefined,
      undefined,
      {
        clock,
      },
    );
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    const admin = await platformAdmin(t);
    const settings = await call(
      'PUT',
      '/backups/storage-settings',
      { allow_private_endpoints: true, allow_insecure_endpoints: true, storage_probe_interval_minutes: 5 },
      admin.token,
    );
    expect(settings.status).toBe(200);
    expect(settings.body.storage_probe_interval_minutes).toBe(5);
    const config = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
      name: 'Probed S3',
      provider: 's3_compatible',
      endpoint_url: `http://127.0.0.1:${server.port}`,
      bucket: 'health-bucket',
      access_key: 'S3RVER',
      secret_key: 'S3RVER',
    });
    expect(config.status).toBe(201);
    configId = config.body.id;
    const channel = await call('POST', `/organizations/${org.id}/notification-channels`, {
      name: 'Storage alerts',
      kind: 'webhook',
      url: receiver.url,
      events: ['storage.unhealthy', 'storage.recovered'],
    });
    expect(channel.status).toBe(201);
    secret = channel.body.secret;
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop().catch(() => undefined);
    await receiver?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a new config is unknown and gets a first probe time spread within the interval', async () => {
    const h = await health();
    expect(h).toMatchObject({
      storage_config_id: configId,
      health: 'unknown',
      health_checked_at: null,
      probes: [],
    });
    await new Promise((r) => setTimeout(r, 1500));
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT next_probe_at FROM storage_configs WHERE id = $1', [configId]);
    const offset = new Date(row.next_probe_at).getTime() - clock.nowMs();
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(5 * MINUTE);
  });

  it('the light probe passes: healthy, with the probe in the history and nothing left in the bucket', async () => {
    const h = await probeAfter(5 * MINUTE, 1);
    expect(h).toMatchObject({ health: 'healthy', health_error_code: null });
    expect(h.last_healthy_at).toBe(clock.now().toISOString());
    expect(h.probes[0]).toMatchObject({ success: true, health: 'healthy', failed_step: null });
    const config = await call('GET', `/backups/storage-configs/${configId}`);
    expect(config.body).toMatchObject({ health: 'healthy', health_checked_at: h.health_checked_at });
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${server!.port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'health-bucket' }));
    client.destroy();
    expect(listed.Contents ?? []).toEqual([]);
    // The light probe: write, read back, delete; no multipart upload, no presigned URLs.
    const report = await t.app.get(StorageConnectionsService).probeLight(org.id, configId);
    const steps = Object.fromEntries(report.steps.map((st) => [st.name, st]));
    expect(report.success).toBe(true);
    for (const name of ['write probe', 'read back', 'delete', 'cleanup verified'])
      expect(steps[name]?.status).toBe('passed');
    for (const name of ['multipart upload', 'presigned GET', 'presigned PUT'])
      expect(steps[name]).toMatchObject({ status: 'skipped', detail: 'not part of the light health probe' });
  });

  it('server stopped: one failed probe → degraded, two → unhealthy and one signed storage.unhealthy webhook', async () => {
    await server!.stop();
    const degraded = await probeAfter(5 * MINUTE, 2);
    expect(degraded.health).toBe('degraded');
    expect(degraded.probes[0]).toMatchObject({
      success: false,
      health: 'degraded',
      failed_step: 'connectivity',
    });
    expect(degraded.health_error_code).toBeTruthy();
    expect(receiver.received).toHaveLength(0);

    const unhealthy = await probeAfter(5 * MINUTE, 3);
    expect(unhealthy.health).toBe('unhealthy');
    const [hook] = await receiver.waitFor((r) => r.length >= 1);
    expect(hook!.headers['x-offsite-event']).toBe('storage.unhealthy');
    expect(verifySignature(hook!.headers['x-offsite-signature'], hook!.body, secret)).toBe(true);
    expect(hook!.json).toMatchObject({
      type: 'storage.unhealthy',
      organization_id: org.id,
      data: {
        storage_config: { id: configId, name: 'Probed S3', provider: 's3_compatible' },
        health: 'unhealthy',
        consecutive_failures: 2,
        error_code: unhealthy.health_error_code,
        failed_step: 'connectivity',
      },
    });
    expect(hook!.body).not.toContain('S3RVER');

    // Still down: no second alert.
    const still = await probeAfter(5 * MINUTE, 4);
    expect(still.health).toBe('unhealthy');
    await new Promise((r) => setTimeout(r, 2000));
    expect(receiver.received).toHaveLength(1);
  });

  it('server restarted: healthy again and storage.recovered', async () => {
    const port = Number(
      new URL((await call('GET', `/backups/storage-configs/${configId}`)).body.endpoint_url).port,
    );
    server = await s3rverAt(dir, port);
    const h = await probeAfter(5 * MINUTE, 5);
    expect(h.health).toBe('healthy');
    expect(h.last_healthy_at).toBe(clock.now().toISOString());
    const hooks = await receiver.waitFor((r) => r.length >= 2);
    expect(hooks[1]!.headers['x-offsite-event']).toBe('storage.recovered');
    expect(verifySignature(hooks[1]!.headers['x-offsite-signature'], hooks[1]!.body, secret)).toBe(true);
    expect(hooks[1]!.json.data).toMatchObject({ storage_config: { id: configId }, health: 'healthy' });
    expect(h.probes.map((p: { health: string }) => p.health)).toEqual([
      'healthy',
      'unhealthy',
      'unhealthy',
      'degraded',
      'healthy',
    ]);
  });

  it('the probe interval and freshness thresholds are platform settings, validated', async () => {
    const admin = await platformAdmin(t);
    const put = (body: unknown) => call('PUT', '/backups/storage-settings', body, admin.token);
    const tooOften = await put({ storage_probe_interval_minutes: 1 });
    expect(tooOften.status).toBe(400);
    expect(tooOften.body.errors[0].field).toBe('storage_probe_interval_minutes');
    const inverted = await put({ freshness_late_factor: 4 });
    expect(inverted.status).toBe(400);
    expect(inverted.body.errors[0].field).toBe('freshness_stale_factor');
    const ok = await put({ freshness_late_factor: 2, freshness_stale_factor: 5 });
    expect(ok.body).toMatchObject({ freshness_late_factor: 2, freshness_stale_factor: 5 });
    expect((await put({ storage_probe_interval_minutes: 5 })).status).toBe(200);
    const notAdmin = await call('PUT', '/backups/storage-settings', { storage_probe_interval_minutes: 10 });
    expect(notAdmin.status).toBe(403);
  });

  it('another organization cannot read the health of this config (404)', async () => {
    const stranger = await registerAndLogin(t);
    await createOrg(t, stranger);
    const res = await call('GET', `/backups/storage-configs/${configId}/health`, undefined, stranger.token);
    expect(res.status).toBe(404);
  });
});
