import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
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

/**
 * restore.completed, restore.failed and verification.failed, end to end: real restores and
 * verifications on the platform's local storage, events at a real HTTP receiver, signatures checked.
 */
describe('restore and verification notifications (real PostgreSQL, local storage, real receiver)', () => {
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let receiver: WebhookReceiver;
  let source: TestDatabase;
  let secret: string;
  let backup: { id: string; parts: { name: string; key: string }[] };
  const dirs: string[] = [];
  const restoredDbs: string[] = [];
  const db = { host: '127.0.0.1', port: 5432, username: 'postgres', sslmode: 'disable' };

  const call = (method: string, p: string, body?: unknown, token = owner.token) =>
    t.request(method, p, { token, body });
  const restoreOf = async (id: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < deadline) {
      last = (await call('GET', `/restores/${id}`)).body;
      if (['completed', 'failed'].includes(last.status)) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`restore ${id} did not finish: ${JSON.stringify(last)}`);
  };
  const newTarget = async () => {
    const name = `${source.name}_n${randomBytes(2).toString('hex')}`;
    restoredDbs.push(name);
    const parent = mkdtempSync(path.join(os.tmpdir(), 'offsite-restore-events-'));
    dirs.push(parent);
    const res = await createManagedEnvironment(t, org.id, {
      name: `target-${randomBytes(3).toString('hex')}`,
      database: { ...db, name },
      filestore_path: path.join(parent, 'files'),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const eventsOf = (type: string) => receiver.received.filter((r) => r.json?.type === type);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ STORAGE_LOCAL_DEFAULT: 'true', NOTIFICATION_RETRY_BASE_SECONDS: '1' });
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    const admin = await platformAdmin(t);
    // The receiver listens on 127.0.0.1: the platform allows private endpoints for this test.
    const opened = await call(
      'PUT',
      '/backups/storage-settings',
      { allow_private_endpoints: true, allow_insecure_endpoints: true },
      admin.token,
    );
    expect(opened.status).toBe(200);
    const ch = await call('POST', `/organizations/${org.id}/notification-channels`, {
      name: 'Restores',
      kind: 'webhook',
      url: receiver.url,
      events: ['restore.completed', 'restore.failed', 'verification.failed'],
    });
    expect(ch.status).toBe(201);
    secret = ch.body.secret;

    source = await createSourceDatabase(300);
    const fs = createFilestore();
    dirs.push(fs);
    const env = await createManagedEnvironment(t, org.id, {
      name: 'production',
      database: { ...db, name: source.name },
      filestore_path: fs,
    });
    expect(env.status).toBe(201);
    const created = await call('POST', `/backups?organization_id=${org.id}`, { environment_id: env.body.id });
    expect(created.status).toBe(202);
    backup = await waitForBackup(t, owner.token, created.body.id, { timeoutMs: 60_000 });
    expect((backup as any).status).toBe('completed');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    const admin = new pg.Client({
      connectionString: process.env.OFFSITE_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL,
    });
    await admin.connect();
    for (const name of restoredDbs) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await source?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a completed restore sends restore.completed, signed, naming the restore, backup and target', async () => {
    const target = await newTarget();
    const res = await call('POST', `/backups/${backup.id}/restore`, {
      target_environment_id: target.id,
      mode: 'into_empty',
    });
    expect(res.status).toBe(202);
    expect((await restoreOf(res.body.id)).status).toBe('completed');
    const [event] = await receiver
      .waitFor((r) => r.some((x) => x.json?.data?.restore?.id === res.body.id))
      .then((r) => r.filter((x) => x.json?.data?.restore?.id === res.body.id));
    expect(event!.json).toMatchObject({
      type: 'restore.completed',
      organization_id: org.id,
      data: {
        restore: { id: res.body.id, kind: 'restore', backup_id: backup.id },
        environment: { id: target.id, name: target.name },
      },
    });
    expect(verifySignature(event!.headers['x-offsite-signature'], event!.body, secret)).toBe(true);
  }, 90_000);

  it('a damaged part fails the restore (restore.failed, integrity_failed) and the verification (verification.failed)', async () => {
    // Flip one byte in the middle of the stored database dump.
    const part = backup.parts.find((p) => p.name === 'database')!;
    const file = path.join(t.config.storage.localDir, part.key);
    const fd = openSync(file, 'r+');
    try {
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, 200);
      writeSync(fd, Buffer.from([byte[0]! ^ 0xff]), 0, 1, 200);
    } finally {
      closeSync(fd);
    }
    const target = await newTarget();
    const res = await call('POST', `/backups/${backup.id}/restore`, {
      target_environment_id: target.id,
      mode: 'into_empty',
    });
    expect(res.status).toBe(202);
    expect(await restoreOf(res.body.id)).toMatchObject({ status: 'failed', error_code: 'integrity_failed' });
    await receiver.waitFor((r) => r.some((x) => x.json?.type === 'restore.failed'));
    expect(eventsOf('restore.failed')[0]!.json.data.restore).toMatchObject({
      id: res.body.id,
      error_code: 'integrity_failed',
    });

    const verify = await call('POST', `/backups/${backup.id}/verify`, {});
    expect(verify.status).toBe(202);
    expect((await restoreOf(verify.body.id)).status).toBe('failed');
    await receiver.waitFor((r) => r.some((x) => x.json?.type === 'verification.failed'));
    const [v] = eventsOf('verification.failed');
    expect(v!.json.data.restore).toMatchObject({ id: verify.body.id, kind: 'verify', backup_id: backup.id });
    expect(verifySignature(v!.headers['x-offsite-signature'], v!.body, secret)).toBe(true);
    // Exactly one event per outcome, whatever the retries.
    expect(eventsOf('restore.completed')).toHaveLength(1);
    expect(eventsOf('restore.failed')).toHaveLength(1);
  }, 120_000);
});
