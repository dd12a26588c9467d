import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FakeClock } from '../../src/common/clock/clock.js';
import { RetentionService } from '../../src/modules/schedules/retention.service.js';
import { SchedulerService } from '../../src/modules/schedules/scheduler.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFilestore, createSourceDatabase, waitForBackup } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import {
  addMember,
  createManagedEnvironment,
  createOrg,
  platformAdmin,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';
import { createBucket, startS3Server } from '../support/storage-servers.js';

const HOUR = 3_600_000;
const START = '2026-12-01T00:00:00.000Z';

/** Every file under a directory, relative to it (what the storage server holds, not the catalog). */
function filesOnDisk(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const n of readdirSync(path.join(root, rel))) {
      const r = rel ? `${rel}/${n}` : n;
      if (statSync(path.join(root, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Schedules through HTTP on a real PostgreSQL, real pg_dump of a real source and a real local
 * storage directory; time is a FakeClock the test moves, and the scheduler's tick and the
 * retention sweep are called directly (their timers are set far apart so they do not interfere).
 */
describe('schedules and retention (fake clock, real PostgreSQL, local storage)', () => {
  let t: TestApp;
  let clock: FakeClock;
  let owner: TestUser;
  let org: TestOrg;
  let source: TestDatabase;
  let filestore: string;
  let localDir: string;
  let scheduler: SchedulerService;
  let retention: RetentionService;
  let localConfigId: string;

  const call = async (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const environment = async () => {
    const res = await createManagedEnvironment(t, org.id, {
      name: `env-${randomBytes(3).toString('hex')}`,
      database: {
        host: '127.0.0.1',
        port: 5432,
        name: source.name,
        username: 'postgres',
        sslmode: 'disable',
      },
      filestore_path: filestore,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const schedule = async (envId: string, body: Record<string, unknown>) => {
    const res = await call('POST', `/environments/${envId}/schedules`, {
      name: `s-${randomBytes(3).toString('hex')}`,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const backupsOf = async (envId: string) => {
    const res = await call(
      'GET',
      `/backups/organization/${org.id}/backups?environment_id=${envId}&limit=200`,
    );
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  /** Waits until every backup of the environment is finished. */
  const settle = async (envId: string) => {
    for (const b of await backupsOf(envId)) await waitForBackup(t, owner.token, b.id, { timeoutMs: 60_000 });
  };
  const db = () => t.app.get(DataSource);
  /**
   * Moves the clock to each due time (every `step` hours from START, `n` times), ticks, waits for
   * the backup and for the retention run it queued. Returns the backups made, in order.
   */
  const drive = async (envId: string, scheduleId: string, step: number, n: number) => {
    const made: string[] = [];
    for (let i = 1; i <= n; i++) {
      clock.set(Date.parse(START) + i * step * HOUR);
      await scheduler.tick();
      const now = clock.now().toISOString();
      const newest = (await backupsOf(envId))[0];
      expect(newest.created_at).toBe(now);
      made.push(newest.id);
      const done = await waitForBackup(t, owner.token, newest.id, { timeoutMs: 60_000 });
      expect(done.status).toBe('completed');
      const deadline = Date.now() + 30_000;
      while ((await call('GET', `/schedules/${scheduleId}`)).body.last_retention_at !== now) {
        if (Date.now() > deadline) throw new Error(`retention after ${now} did not run`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return made;
  };

  beforeAll(async () => {
    clock = new FakeClock(START);
    t = await startTestApp(
      { BACKUP_RETRY_LIMIT: '0', SCHEDULER_TICK_SECONDS: '3600', RETENTION_SWEEP_SECONDS: '86400' },
      () => undefined,
      undefined,
      { clock },
    );
    scheduler = t.app.get(SchedulerService);
    retention = t.app.get(RetentionService);
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    source = await createSourceDatabase(300);
    filestore = createFilestore();
    localDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-schedules-storage-'));
    const admin = await platformAdmin(t);
    const cfg = await call(
      'POST',
      '/admin/storage-configs',
      { name: 'platform local', provider: 'local', bucket: localDir, is_default: true },
      admin.token,
    );
    expect(cfg.status).toBe(201);
    localConfigId = cfg.body.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await source?.drop();
    for (const d of [filestore, localDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  describe('CRUD and validation', () => {
    let env: { id: string; name: string };
    beforeAll(async () => {
      env = await environment();
    });

    it('refuses a bad cron, a bad zone, a too frequent cron and a bad policy, naming the field', async () => {
      const post = (body: Record<string, unknown>) =>
        call('POST', `/environments/${env.id}/schedules`, { name: 'x', cron: '0 3 * * *', ...body });
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ cron: '61 3 * * *' }, 'cron', /minute/],
        [{ cron: '0 3 * * * *' }, 'cron', /5 fields/],
        [{ cron: '@reboot' }, 'cron', /alias/],
        [{ timezone: 'Europe/Atlantis' }, 'timezone', /IANA/],
        [{ cron: '*/5 * * * *' }, 'cron', /minimum interval is 60 minutes \(min_schedule_interval_minutes\)/],
        [{ retention: { keep_within: 'soon' } }, 'retention.keep_within', /duration/],
        [{ retention: { keep_daily: -2 } }, 'retention.keep_daily', /.+/],
        [{ jitter_seconds: 99999 }, 'jitter_seconds', /.+/],
      ];
      for (const [body, field, message] of cases) {
        const res = await post(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        const err = res.body.errors.find((e: any) => e.field === field);
        expect({ body, field: err?.field }).toEqual({ body, field });
        expect(err.messages.join(' ')).toMatch(message);
      }
    });

    it('creates, shows next runs in UTC and in the zone, disables and re-enables, deletes', async () => {
      const s = await schedule(env.id, {
        name: 'nightly',
        cron: '30 2 * * *',
        timezone: 'Europe/Berlin',
        retention: { keep_daily: 7, keep_weekly: 4, keep_within: '2w3d' },
      });
      expect(s).toMatchObject({
        environment_id: env.id,
        enabled: true,
        next_run_at: '2026-12-01T01:30:00.000Z',
        last_run_at: null,
        last_status: null,
        retention: { keep_daily: 7, keep_weekly: 4, keep_within: '2w3d', keep_last: null },
      });
      const next = await call('GET', `/schedules/${s.id}/next-runs?count=3`);
      expect(next.status).toBe(200);
      expect(next.body.items).toEqual([
        { at: '2026-12-01T01:30:00.000Z', local: '2026-12-01T02:30:00+01:00' },
        { at: '2026-12-02T01:30:00.000Z', local: '2026-12-02T02:30:00+01:00' },
        { at: '2026-12-03T01:30:00.000Z', local: '2026-12-03T02:30:00+01:00' },
      ]);
      expect((await call('GET', `/schedules/${s.id}/next-runs?count=500`)).status).toBe(400);
      expect(
        (await call('POST', `/environments/${env.id}/schedules`, { name: 'nightly', cron: '@daily' })).status,
      ).toBe(409);

      const off = await call('PATCH', `/schedules/${s.id}`, { enabled: false });
      expect(off.body).toMatchObject({ enabled: false, next_run_at: null });
      const on = await call('PATCH', `/schedules/${s.id}`, { enabled: true, cron: '0 4 * * 1' });
      expect(on.body).toMatchObject({ enabled: true, next_run_at: '2026-12-07T03:00:00.000Z' });
      const list = await call('GET', `/environments/${env.id}/schedules`);
      expect(list.body.map((x: any) => x.id)).toContain(s.id);
      expect((await call('DELETE', `/schedules/${s.id}`)).status).toBe(204);
      expect((await call('GET', `/schedules/${s.id}`)).status).toBe(404);
    });

    it('a platform admin may lower min_schedule_interval_minutes; a viewer can list but not create', async () => {
      const admin = await platformAdmin(t);
      const put = await call(
        'PUT',
        '/backups/storage-settings',
        { min_schedule_interval_minutes: 5 },
        admin.token,
      );
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ min_schedule_interval_minutes: 5, failed_backups_keep_days: 30 });
      const s = await schedule(env.id, { cron: '*/5 * * * *' });
      expect(s.next_run_at).toBe('2026-12-01T00:05:00.000Z');
      expect(
        (await call('POST', `/environments/${env.id}/schedules`, { name: 'y', cron: '* * * * *' })).status,
      ).toBe(400);
      await call('PUT', '/backups/storage-settings', { min_schedule_interval_minutes: 60 }, admin.token);
      const viewer = await registerAndLogin(t);
      await addMember(t, org, owner, viewer, 'viewer');
      expect((await call('GET', `/schedules/${s.id}`, undefined, viewer.token)).status).toBe(200);
      expect(
        (await call('POST', `/environments/${env.id}/schedules`, { name: 'v', cron: '@daily' }, viewer.token))
          .status,
      ).toBe(403);
      expect((await call('DELETE', `/schedules/${s.id}`)).status).toBe(204);
    });

    it('deleting the environment deletes its schedules', async () => {
      const other = await environment();
      const s = await schedule(other.id, { cron: '@daily' });
      const admin = await platformAdmin(t);
      expect((await call('DELETE', `/admin/environments/${other.id}`, undefined, admin.token)).status).toBe(
        204,
      );
      expect((await call('GET', `/schedules/${s.id}`)).status).toBe(404);
      const [row] = await db().query('SELECT count(*)::int AS n FROM schedules WHERE id = $1', [s.id]);
      expect(row.n).toBe(0);
    });
  });

  describe('running', () => {
    it('each due time once; skipped while the previous backup runs; caught up once after downtime; disabled stops', async () => {
      clock.set(START);
      const env = await environment();
      const s = await schedule(env.id, { cron: '0 * * * *' });
      // Not due yet: nothing happens.
      await scheduler.tick();
      expect(await backupsOf(env.id)).toHaveLength(0);

      // Due: one backup, however often the workers tick.
      clock.set(Date.parse(START) + HOUR);
      const ticks = await Promise.all([scheduler.tick(), scheduler.tick(), scheduler.tick()]);
      expect(ticks.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      let list = await backupsOf(env.id);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ trigger: 'schedule', schedule_id: s.id, protected: false });
      const first = await waitForBackup(t, owner.token, list[0].id);
      expect(first.status).toBe('completed');

      // The previous backup still running at the next due time: recorded as skipped, not queued.
      const fakeRunning = '00000000-0000-4000-8000-00000000beef';
      await db().query(
        `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status,
            dump_format, compression, trigger) SELECT $1, organization_id, environment_id, storage_config_id,
            'x/', 'running', dump_format, compression, 'manual' FROM backups WHERE id = $2`,
        [fakeRunning, first.id],
      );
      clock.set(Date.parse(START) + 2 * HOUR);
      await scheduler.tick();
      expect((await backupsOf(env.id)).filter((b) => b.trigger === 'schedule')).toHaveLength(1);
      let got = (await call('GET', `/schedules/${s.id}`)).body;
      expect(got).toMatchObject({
        last_status: 'skipped',
        next_run_at: new Date(Date.parse(START) + 3 * HOUR).toISOString(),
      });
      expect(got.last_reason).toContain(fakeRunning);
      await db().query(`DELETE FROM backups WHERE id = $1`, [fakeRunning]);

      // Every worker down for 10 hours: one run when one comes back, the 9 missed times recorded.
      clock.set(Date.parse(START) + 12 * HOUR + 5 * 60_000);
      await scheduler.tick();
      await scheduler.tick();
      list = (await backupsOf(env.id)).filter((b) => b.trigger === 'schedule');
      expect(list).toHaveLength(2);
      const runs = (await call('GET', `/schedules/${s.id}/runs`)).body;
      expect(runs.map((r: any) => r.status)).toEqual(['started', 'skipped', 'started']);
      expect(runs[0]).toMatchObject({
        due_at: new Date(Date.parse(START) + 12 * HOUR).toISOString(),
        missed_count: 9,
        backup_id: list[0].id,
      });
      expect(runs[0].missed_times[0]).toBe(new Date(Date.parse(START) + 3 * HOUR).toISOString());
      expect(runs[0].missed_times).toHaveLength(9);
      got = (await call('GET', `/schedules/${s.id}`)).body;
      expect(got).toMatchObject({
        last_status: 'started',
        last_backup_id: list[0].id,
        next_run_at: new Date(Date.parse(START) + 13 * HOUR).toISOString(),
      });
      await settle(env.id);

      // Disabled: no more runs.
      await call('PATCH', `/schedules/${s.id}`, { enabled: false });
      clock.set(Date.parse(START) + 20 * HOUR);
      await scheduler.tick();
      expect((await backupsOf(env.id)).filter((b) => b.trigger === 'schedule')).toHaveLength(2);
    }, 120_000);

    it('a scheduled backup left pending by a worker that died before queueing it is queued again by the next tick', async () => {
      const env = await environment();
      const s = await schedule(env.id, { cron: '@daily' });
      const [cfg] = await db().query(
        'SELECT id FROM storage_configs WHERE organization_id IS NULL AND is_default',
      );
      const id = randomUUID();
      await db().query(
        `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status,
            dump_format, compression, trigger, schedule_id, updated_at)
          VALUES ($1, $2, $3, $4, $5, 'pending', 'plain', 'gzip', 'schedule', $6, now() - interval '11 minutes')`,
        [id, org.id, env.id, cfg.id, `${org.slug}/${env.name}/stranded-${id}/`, s.id],
      );
      await scheduler.tick();
      const done = await waitForBackup(t, owner.token, id);
      expect(done).toMatchObject({ status: 'completed', trigger: 'schedule', schedule_id: s.id });
    }, 60_000);

    it("a deleted organization's schedules never run", async () => {
      clock.set(START);
      const other = await registerAndLogin(t);
      const org2 = await createOrg(t, other);
      const env = await createManagedEnvironment(t, org2.id, {
        name: 'gone',
        database: {
          host: '127.0.0.1',
          port: 5432,
          name: source.name,
          username: 'postgres',
          sslmode: 'disable',
        },
      });
      expect(env.status).toBe(201);
      const s = await t.request('POST', `/environments/${env.body.id}/schedules`, {
        token: other.token,
        body: { name: 'hourly', cron: '0 * * * *' },
      });
      expect(s.status).toBe(201);
      expect((await t.request('DELETE', `/organizations/${org2.id}`, { token: other.token })).status).toBe(
        204,
      );
      clock.set(Date.parse(START) + 3 * HOUR);
      await scheduler.tick();
      const [row] = await db().query('SELECT count(*)::int AS n FROM backups WHERE environment_id = $1', [
        env.body.id,
      ]);
      expect(row.n).toBe(0);
    });

    it('manual backups carry trigger "manual"; PATCH protected needs org.backup.delete; a protected backup cannot be deleted', async () => {
      const env = await environment();
      const res = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.id });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ trigger: 'manual', schedule_id: null, protected: false });
      await waitForBackup(t, owner.token, res.body.id);
      const operator = await registerAndLogin(t);
      await addMember(t, org, owner, operator, 'operator');
      expect(
        (await call('PATCH', `/backups/${res.body.id}`, { protected: true }, operator.token)).status,
      ).toBe(403);
      const p = await call('PATCH', `/backups/${res.body.id}`, { protected: true });
      expect(p.body.protected).toBe(true);
      expect((await call('PATCH', `/backups/${res.body.id}`, { protected: 'yes' })).status).toBe(400);
      expect((await call('DELETE', `/backups/${res.body.id}`)).status).toBe(409);
      await call('PATCH', `/backups/${res.body.id}`, { protected: false });
      // Being restored (or verified): not deleted now, by hand or by retention.
      const restoreId = randomUUID();
      await db().query(
        `INSERT INTO restores (id, organization_id, backup_id, target_environment_id, kind, mode, status)
           VALUES ($1, $2, $3, $4, 'verify', 'replace', 'running')`,
        [restoreId, org.id, res.body.id, env.id],
      );
      const busy = await call('DELETE', `/backups/${res.body.id}`);
      expect(busy.status).toBe(409);
      expect(busy.body.detail).toMatch(/being restored or verified/);
      expect((await call('GET', `/backups/${res.body.id}`)).body.status).toBe('completed');
      await db().query(`UPDATE restores SET status = 'completed' WHERE id = $1`, [restoreId]);
      expect((await call('DELETE', `/backups/${res.body.id}`)).status).toBe(204);
    }, 60_000);
  });

  describe('retention', () => {
    it('hourly for three simulated days with a GFS policy: the storage holds exactly the kept backups; a foreign object survives; one audit row per run', async () => {
      clock.set(START);
      const env = await environment();
      const s = await schedule(env.id, { cron: '0 * * * *', retention: { keep_hourly: 6, keep_daily: 3 } });
      // Objects Offsite did not write, under the environment's folder.
      const envDir = path.join(localDir, org.slug, env.name);
      mkdirSync(path.join(envDir, 'not-offsite'), { recursive: true });
      writeFileSync(path.join(envDir, 'notes.txt'), 'mine');
      writeFileSync(path.join(envDir, 'not-offsite', 'other-product.tar'), 'theirs');

      const made = await drive(env.id, s.id, 1, 72);
      // Dec 4 00:00 (newest), Dec 3 19:00–23:00 (hourly), Dec 3 23:00 and Dec 2 23:00 (daily).
      const expectedTimes = [
        '2026-12-04T00:00:00.000Z',
        '2026-12-03T23:00:00.000Z',
        '2026-12-03T22:00:00.000Z',
        '2026-12-03T21:00:00.000Z',
        '2026-12-03T20:00:00.000Z',
        '2026-12-03T19:00:00.000Z',
        '2026-12-02T23:00:00.000Z',
      ];
      const catalog = await backupsOf(env.id);
      expect(catalog.map((b) => b.created_at)).toEqual(expectedTimes);
      expect(catalog.every((b) => b.status === 'completed')).toBe(true);
      const expectedFiles = [
        'not-offsite/other-product.tar',
        'notes.txt',
        ...catalog.flatMap((b) =>
          ['database.sql.gz', 'filestore.tar.gz', 'metadata.json'].map(
            (f) => `${b.object_prefix.slice(`${org.slug}/${env.name}/`.length)}${f}`,
          ),
        ),
      ].sort();
      expect(filesOnDisk(envDir)).toEqual(expectedFiles);
      // The deleted backups' folders went with their files; the stranger's folder stays.
      const foldersOnDisk = () =>
        readdirSync(envDir, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort();
      const folderOf = (b: any) =>
        b.object_prefix.slice(`${org.slug}/${env.name}/`.length).replace(/\/$/, '');
      expect(foldersOnDisk()).toEqual(['not-offsite', ...catalog.map(folderOf)].sort());

      const retentionRows = async () =>
        (
          await db().query(
            `SELECT diff FROM audit_log WHERE action = 'schedule.retention' AND target_id = $1 ORDER BY created_at, id`,
            [s.id],
          )
        ).map((r: any) => r.diff);
      const runs = await retentionRows();
      expect(runs).toHaveLength(72);
      const deleted = runs.flatMap((d: any) => d.deleted);
      expect(deleted).toHaveLength(72 - 7);
      expect(new Set([...deleted, ...catalog.map((b) => b.id)])).toEqual(new Set(made));

      // The preview of another policy is exactly what the sweep then deletes.
      const preview = await call('POST', `/schedules/${s.id}/retention/preview`, {
        retention: { keep_last: 2 },
      });
      expect(preview.status).toBe(200);
      const byId = Object.fromEntries(preview.body.items.map((i: any) => [i.backup_id, i]));
      expect(byId[catalog[0].id]).toMatchObject({ action: 'keep', reasons: ['last 1', 'newest completed'] });
      expect(byId[catalog[1].id]).toMatchObject({ action: 'keep', reasons: ['last 2'] });
      const toDelete = preview.body.items
        .filter((i: any) => i.action === 'delete')
        .map((i: any) => i.backup_id);
      expect(toDelete).toHaveLength(5);
      // Nothing was deleted by the preview.
      expect(await backupsOf(env.id)).toHaveLength(7);
      // A protected backup is kept by the run and says so in the preview.
      await call('PATCH', `/backups/${catalog[6].id}`, { protected: true });
      const p2 = await call('POST', `/schedules/${s.id}/retention/preview`, { retention: { keep_last: 2 } });
      const expectDeleted = p2.body.items
        .filter((i: any) => i.action === 'delete')
        .map((i: any) => i.backup_id);
      expect(expectDeleted).toEqual(toDelete.filter((id: string) => id !== catalog[6].id));
      await call('PATCH', `/schedules/${s.id}`, { retention: { keep_last: 2 } });
      await retention.sweep();
      const after = await backupsOf(env.id);
      expect(after.map((b) => b.id).sort()).toEqual([catalog[0].id, catalog[1].id, catalog[6].id].sort());
      const last = { diff: (await retentionRows()).at(-1) };
      expect(last.diff).toMatchObject({ trigger: 'sweep' });
      expect([...last.diff.deleted].sort()).toEqual([...expectDeleted].sort());
      expect(filesOnDisk(envDir)).toHaveLength(2 + 3 * 3);
      expect(filesOnDisk(envDir)).toContain('notes.txt');
      expect(foldersOnDisk()).toEqual(['not-offsite', ...after.map(folderOf)].sort());
    }, 600_000);

    it('on an S3 server: every 3 hours for three days, GFS with "oldest monthly"; the bucket (listed from the server) holds exactly the kept backups and the foreign objects', async () => {
      const s3 = await startS3Server();
      try {
        const admin = await platformAdmin(t);
        const open = await call(
          'PUT',
          '/backups/storage-settings',
          { allow_private_endpoints: true, allow_insecure_endpoints: true },
          admin.token,
        );
        expect(open.status).toBe(200);
        const bucket = `sched-${randomBytes(4).toString('hex')}`;
        await createBucket(s3, bucket);
        const cfg = await call('POST', `/backups/storage-configs?organization_id=${org.id}`, {
          name: `s3 ${bucket}`,
          provider: 's3_compatible',
          endpoint_url: s3.endpoint,
          region: s3.region,
          bucket,
          access_key: s3.accessKey,
          secret_key: s3.secretKey,
          path_prefix: 'offsite/',
        });
        expect(cfg.status).toBe(201);
        clock.set(START);
        const env = await environment();
        const sched = await schedule(env.id, {
          cron: '0 */3 * * *',
          storage_config_id: cfg.body.id,
          retention: { keep_last: 1, keep_hourly: 2, keep_daily: 3, keep_monthly: 2 },
        });
        const client = new S3Client({
          region: s3.region,
          endpoint: s3.endpoint,
          forcePathStyle: true,
          credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey },
        });
        const envPrefix = `offsite/${org.slug}/${env.name}/`;
        const foreign = [
          `${envPrefix}notes.txt`,
          `${envPrefix}not-offsite/other-product.tar`,
          'other-product/x.tar',
        ];
        for (const Key of foreign)
          await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'not ours' }));
        const made = await drive(env.id, sched.id, 3, 24);
        // Dec 4 00:00 (last, hourly, daily, monthly), Dec 3 21:00 (hourly, daily), Dec 2 21:00 (daily),
        // Dec 1 03:00 (the oldest: monthly still had a count left).
        const catalog = await backupsOf(env.id);
        expect(catalog.map((b) => b.created_at)).toEqual([
          '2026-12-04T00:00:00.000Z',
          '2026-12-03T21:00:00.000Z',
          '2026-12-02T21:00:00.000Z',
          '2026-12-01T03:00:00.000Z',
        ]);
        const keys: string[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(
            new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
          );
          keys.push(...(page.Contents ?? []).map((o) => o.Key!));
          token = page.NextContinuationToken;
        } while (token);
        const expected = [
          ...foreign,
          ...catalog.flatMap((b) =>
            ['database.sql.gz', 'filestore.tar.gz', 'metadata.json'].map(
              (f) => `offsite/${b.object_prefix}${f}`,
            ),
          ),
        ].sort();
        expect(keys.sort()).toEqual(expected);
        const [{ n }] = await db().query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'schedule.retention' AND target_id = $1`,
          [sched.id],
        );
        expect(n).toBe(24);
        expect(made).toHaveLength(24);
        // The storage config's counters follow the deletions.
        const got = await call('GET', `/backups/storage-configs/${cfg.body.id}`);
        expect(got.body.object_count).toBe(4);
        expect(got.body.total_size_bytes).toBe(catalog.reduce((a, b) => a + b.total_size_bytes, 0));
        client.destroy();
      } finally {
        await s3.stop();
      }
    }, 300_000);

    it("an environment's own policy applies to its manual backups, after each one and in the sweep", async () => {
      const env = await environment();
      const bad = await call('PUT', `/environments/${env.id}/retention`, {
        retention: { keep_last: 2 },
        timezone: 'Nowhere/Land',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('timezone');
      expect((await call('GET', `/environments/${env.id}/retention`)).body).toMatchObject({
        retention: null,
      });
      // Manual backups on three days; a scheduled backup of the same environment is not the policy's.
      const manual: string[] = [];
      for (const day of [1, 2, 3]) {
        clock.set(Date.parse(START) + day * 24 * HOUR);
        // The platform's local storage (the S3 test above left an organization default behind).
        const res = await call('POST', `/backups?organization_id=${org.id}`, {
          environment_id: env.id,
          storage_config_id: localConfigId,
        });
        expect(res.status).toBe(202);
        expect((await waitForBackup(t, owner.token, res.body.id)).status).toBe('completed');
        manual.push(res.body.id);
      }
      const preview = await call('POST', `/environments/${env.id}/retention/preview`, {
        retention: { keep_last: 1 },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.items.map((i: any) => [i.backup_id, i.action])).toEqual([
        [manual[2], 'keep'],
        [manual[1], 'delete'],
        [manual[0], 'delete'],
      ]);
      const put = await call('PUT', `/environments/${env.id}/retention`, {
        retention: { keep_last: 2 },
        timezone: 'Europe/Berlin',
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ retention: { keep_last: 2 }, timezone: 'Europe/Berlin' });
      // The next manual backup triggers the run: the two newest stay.
      clock.set(Date.parse(START) + 4 * 24 * HOUR);
      const next = await call('POST', `/backups?organization_id=${org.id}`, {
        environment_id: env.id,
        storage_config_id: localConfigId,
      });
      expect((await waitForBackup(t, owner.token, next.body.id)).status).toBe('completed');
      const deadline = Date.now() + 30_000;
      while ((await backupsOf(env.id)).length !== 2) {
        if (Date.now() > deadline) throw new Error('environment retention did not run');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await backupsOf(env.id)).map((b) => b.id)).toEqual([next.body.id, manual[2]]);
      const [row] = await db().query(
        `SELECT diff FROM audit_log WHERE action = 'environment.retention' AND target_id = $1`,
        [env.id],
      );
      expect([...row.diff.deleted].sort()).toEqual([manual[0], manual[1]].sort());
      // Removing the policy: nothing more is deleted.
      await call('PUT', `/environments/${env.id}/retention`, { retention: null });
      await call('PUT', `/environments/${env.id}/retention`, { retention: null });
      await retention.sweep();
      expect(await backupsOf(env.id)).toHaveLength(2);
    }, 120_000);

    it("the sweep prunes failed backups' rows after failed_backups_keep_days (30 by default)", async () => {
      const env = await environment();
      const [cfg] = await db().query('SELECT id FROM storage_configs WHERE organization_id IS NULL LIMIT 1');
      const now = clock.nowMs();
      const ids = { old: randomUUID(), recent: randomUUID(), pendingCleanup: randomUUID() };
      for (const [id, days, cleanup] of [
        [ids.old, 31, false],
        [ids.recent, 29, false],
        [ids.pendingCleanup, 45, true],
      ] as const) {
        await db().query(
          `INSERT INTO backups (id, organization_id, environment_id, storage_config_id, object_prefix, status,
              dump_format, compression, completed_at, cleanup_pending)
            VALUES ($1, $2, $3, $4, 'x/', 'failed', 'plain', 'gzip', $5, $6)`,
          [id, org.id, env.id, cfg.id, new Date(now - days * 86_400_000), cleanup],
        );
      }
      await retention.sweep();
      const left = (await db().query('SELECT id FROM backups WHERE environment_id = $1', [env.id])).map(
        (r: any) => r.id,
      );
      // A failed backup whose partial objects are still to be removed keeps its row until they are.
      expect(left.sort()).toEqual([ids.recent, ids.pendingCleanup].sort());
      await db().query('DELETE FROM backups WHERE environment_id = $1', [env.id]);
    });
  });
});
