import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { rmSync } from 'node:fs';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFilestore, createSourceDatabase, waitForBackup } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import { createManagedEnvironment, createOrg, platformAdmin, registerAndLogin } from '../support/identity.js';
import { parsePrometheusText, valueOf } from '../support/prometheus-text.js';
import { createBucket, startS3Server, type S3TestServer } from '../support/storage-servers.js';

const TOKEN = `metrics-${randomBytes(12).toString('hex')}`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('GET /metrics (prom-client; parsed as Prometheus text)', () => {
  it('without METRICS_TOKEN, /metrics does not exist (404)', async () => {
    const t = await startTestApp();
    try {
      const res = await fetch(`${t.baseUrl}/metrics`, {
        headers: { authorization: 'Bearer anything-long-enough' },
      });
      expect(res.status).toBe(404);
    } finally {
      await t.close();
    }
  });

  describe('with METRICS_TOKEN and METRICS_PORT', () => {
    let t: TestApp;
    let s3: S3TestServer;
    let source: TestDatabase;
    let filestore: string;
    let metricsPort: number;

    const scrape = async () => {
      const res = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return parsePrometheusText(await res.text());
    };

    beforeAll(async () => {
      metricsPort = await freePort();
      t = await startTestApp({
        METRICS_TOKEN: TOKEN,
        METRICS_PORT: String(metricsPort),
        BACKUP_RETRY_LIMIT: '0',
      });
      s3 = await startS3Server();
      source = await createSourceDatabase(500);
      filestore = createFilestore();
    });
    afterAll(async () => {
      await t?.close();
      await s3?.stop();
      await source?.drop();
      if (filestore) rmSync(filestore, { recursive: true, force: true });
    });

    it('refuses a missing or wrong bearer token (401)', async () => {
      expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('exposes the documented families with bounded labels (route templates, no ids)', async () => {
      await t.request('GET', `/backups/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
      const m = await scrape();
      const expected: Record<string, string> = {
        offsite_backups_total: 'counter',
        offsite_backup_duration_seconds: 'histogram',
        offsite_backup_size_bytes: 'histogram',
        offsite_restores_total: 'counter',
        offsite_restore_duration_seconds: 'histogram',
        offsite_restore_size_bytes: 'histogram',
        offsite_storage_probes_total: 'counter',
        offsite_notification_deliveries_total: 'counter',
        offsite_http_request_duration_seconds: 'histogram',
        offsite_queue_jobs: 'gauge',
        offsite_queue_oldest_pending_seconds: 'gauge',
        offsite_storage_configs: 'gauge',
        offsite_notification_outbox_pending: 'gauge',
        offsite_notification_deliveries_pending: 'gauge',
        process_cpu_user_seconds_total: 'counter',
        nodejs_heap_size_used_bytes: 'gauge',
      };
      for (const [name, type] of Object.entries(expected)) {
        expect({ name, type: m.get(name)?.type, help: !!m.get(name)?.help }).toEqual({
          name,
          type,
          help: true,
        });
      }
      const routes = m.get('offsite_http_request_duration_seconds')!.samples.map((s) => s.labels.route ?? '');
      expect(routes).toContain('/api/v1/backups/:backup_id');
      for (const f of m.values())
        for (const s of f.samples)
          for (const v of Object.values(s.labels))
            expect({ metric: s.name, value: v }).not.toEqual({
              metric: s.name,
              value: expect.stringMatching(UUID),
            });
      const queues = m.get('offsite_queue_jobs')!.samples.map((s) => s.labels.queue);
      expect(queues).toEqual(expect.arrayContaining(['backup.run', 'notification.deliver']));
    });

    it('moves when a backup runs: backups_total, duration and size histograms, storage configs gauge', async () => {
      const admin = await platformAdmin(t);
      await t.request('PUT', '/backups/storage-settings', {
        token: admin.token,
        body: { allow_private_endpoints: true, allow_insecure_endpoints: true },
      });
      const owner = await registerAndLogin(t);
      const org = await createOrg(t, owner);
      await createBucket(s3, 'metrics-bucket');
      const config = await t.request('POST', `/backups/storage-configs?organization_id=${org.id}`, {
        token: owner.token,
        body: {
          name: 'metrics s3',
          provider: 's3_compatible',
          endpoint_url: s3.endpoint,
          region: s3.region,
          bucket: 'metrics-bucket',
          access_key: s3.accessKey,
          secret_key: s3.secretKey,
        },
      });
      expect(config.status).toBe(201);
      const env = await createManagedEnvironment(t, org.id, {
        name: 'metrics-env',
        database: {
          host: '127.0.0.1',
          port: 5432,
          name: source.name,
          username: 'postgres',
          sslmode: 'disable',
        },
        filestore_path: filestore,
      });
      expect(env.status).toBe(201);

      const before = await scrape();
      const completed = { status: 'completed', trigger: 'manual' };
      const backup = await t.request('POST', `/backups?organization_id=${org.id}`, {
        token: owner.token,
        body: { environment_id: env.body.id },
      });
      expect(backup.status).toBe(202);
      const done = await waitForBackup(t, owner.token, backup.body.id);
      expect({ status: done.status, error: done.error_message }).toEqual({
        status: 'completed',
        error: null,
      });
      const after = await scrape();

      expect(
        valueOf(after, 'offsite_backups_total', completed) -
          valueOf(before, 'offsite_backups_total', completed),
      ).toBe(1);
      const count = (m: typeof after, f: string) => valueOf(m, f, {}, `${f}_count`);
      expect(count(after, 'offsite_backup_size_bytes') - count(before, 'offsite_backup_size_bytes')).toBe(1);
      expect(
        valueOf(after, 'offsite_backup_size_bytes', {}, 'offsite_backup_size_bytes_sum') -
          valueOf(before, 'offsite_backup_size_bytes', {}, 'offsite_backup_size_bytes_sum'),
      ).toBe(done.total_size_bytes);
      expect(
        count(after, 'offsite_backup_duration_seconds') - count(before, 'offsite_backup_duration_seconds'),
      ).toBe(1);
      expect(valueOf(after, 'offsite_storage_configs', { provider: 's3_compatible' })).toBeGreaterThanOrEqual(
        1,
      );
    }, 90_000);

    it('METRICS_PORT serves the same text without authentication, and nothing else', async () => {
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      const m = parsePrometheusText(await res.text());
      expect(m.get('offsite_backups_total')?.type).toBe('counter');
      const nan = [...m.values()].flatMap((f) =>
        f.samples.filter((x) => Number.isNaN(x.value)).map((x) => x.name),
      );
      expect(nan.filter((n) => n.startsWith('offsite_'))).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/api/v1/health`)).status).toBe(404);
    });
  });
});
