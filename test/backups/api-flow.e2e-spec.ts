import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { readEvents } from '../../clients/typescript/events.js';
import { createOffsiteClient, type OffsiteClient } from '../../clients/typescript/index.js';
import { runTenantFlow } from '../../clients/typescript/tenant-flow.js';
import { ok, problem, type Schemas } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createFilestore, createSourceDatabase } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';
import { startFaultRelay, type FaultRelay } from '../support/fault-relay.js';
import { platformAdmin } from '../support/identity.js';
import { createBucket, startS3Server, type S3TestServer } from '../support/storage-servers.js';

type Backup = Schemas['BackupResponse'];
type Restore = Schemas['RestoreResponse'];

/**
 * The tenant flow as a frontend runs it, through the generated client only: register, log in,
 * organization, environment and storage (platform-managed here), a backup started twice with one
 * Idempotency-Key (one backup), its progress over SSE, download links, and a restore (idempotent too).
 */
describe('frontend flow through the generated client (real PostgreSQL source, local storage)', () => {
  let t: TestApp;
  let source: TestDatabase & { tables: string[] };
  let filestore: string;
  let work: string;
  let api: OffsiteClient;
  let orgId: string;
  let envId: string;
  let backup: Backup;
  const restoredDb = `offsite_flow_${randomBytes(3).toString('hex')}`;
  const exampleRestoredDb = `offsite_example_${randomBytes(3).toString('hex')}`;
  let s3: S3TestServer | undefined;
  let relay: FaultRelay | undefined;
  // pg 8 warns (and pg 9 will refuse) when two queries run on one client at once.
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  const rows = async (sql: string, params: unknown[]) => {
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows;
    } finally {
      await db.end();
    }
  };
  const followBackup = async (id: string) => {
    const res = await api.GET('/api/v1/backups/{backup_id}/events', {
      params: { path: { backup_id: id } },
      parseAs: 'stream',
    });
    expect(res.response.status).toBe(200);
    expect(res.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    if (!res.data) throw new Error('no event stream');
    return readEvents(res.data);
  };

  beforeAll(async () => {
    process.on('warning', onWarning);
    t = await startTestApp({ BACKUP_RETRY_LIMIT: '0' });
    t.config.publicUrl = t.baseUrl;
    source = await createSourceDatabase(500);
    filestore = createFilestore();
    work = mkdtempSync(path.join(os.tmpdir(), 'offsite-flow-'));
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await s3?.stop();
    await relay?.close();
    await t?.close();
    await source?.drop();
    const admin = new pg.Client({ connectionString: source.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    for (const db of [restoredDb, exampleRestoredDb]) {
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.end();
    rmSync(filestore, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('registers, logs in and creates an organization', async () => {
    const anon = createOffsiteClient({ baseUrl: t.baseUrl });
    const email = `flow-${randomBytes(3).toString('hex')}@example.test`;
    const password = 'correct horse battery staple';
    ok(await anon.POST('/api/v1/auth/register', { body: { email, password, name: 'Flow' } }), 201);
    const login = ok(await anon.POST('/api/v1/auth/login', { body: { email, password } }), 200);
    api = createOffsiteClient({ baseUrl: t.baseUrl, token: login.access_token });
    const org = ok(await api.POST('/api/v1/organizations', { body: { name: 'Flow Org' } }), 201);
    orgId = org.id;
    expect(ok(await api.GET('/api/v1/organizations'), 200).map((o) => o.id)).toContain(orgId);
  });

  it('gets storage and an environment (platform-managed on this machine)', async () => {
    const admin = createOffsiteClient({ baseUrl: t.baseUrl, token: (await platformAdmin(t)).token });
    ok(
      await admin.POST('/api/v1/admin/storage-configs', {
        body: { name: 'Platform local', provider: 'local', bucket: path.join(work, 'storage') },
      }),
      201,
    );
    const env = ok(
      await admin.POST('/api/v1/admin/environments', {
        body: {
          organization_id: orgId,
          name: 'production',
          database: {
            host: '127.0.0.1',
            port: 5432,
            name: source.name,
            username: 'postgres',
            password: 'x',
            sslmode: 'disable',
          },
          filestore_path: filestore,
        },
      }),
      201,
    );
    envId = env.id;
    expect(ok(await api.GET('/api/v1/backups/storage-settings'), 200).has_default_storage).toBe(true);
    expect(
      ok(
        await api.GET('/api/v1/environments/{environment_id}', {
          params: { path: { environment_id: envId } },
        }),
      ).name,
    ).toBe('production');
  });

  it('a backup started twice with one Idempotency-Key is one backup; another body with the key is a 409', async () => {
    const key = randomUUID();
    const start = (note: string, idempotencyKey: string) =>
      api.POST('/api/v1/backups', {
        params: { query: { organization_id: orgId }, header: { 'Idempotency-Key': idempotencyKey } },
        body: { environment_id: envId, note },
      });
    const first = await start('nightly', key);
    backup = ok(first, 202);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    const retry = await start('nightly', key);
    expect(ok(retry, 202)).toEqual(backup);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    const other = problem(await start('something else', key), 409);
    expect(other.detail).toMatch(/Idempotency-Key was used with a different request/);
    const count = await rows('SELECT count(*)::int AS n FROM backups WHERE organization_id = $1', [orgId]);
    expect(count[0].n).toBe(1);
    const bad = problem(await start('nightly', 'bad key with spaces'), 400);
    expect(bad.errors?.[0]?.field).toBe('Idempotency-Key');
    // The key is the organization's: another organization may use the same key for its own backup.
    const otherOrg = ok(await api.POST('/api/v1/organizations', { body: { name: 'Other Org' } }), 201);
    const elsewhere = await api.POST('/api/v1/backups', {
      params: { query: { organization_id: otherOrg.id }, header: { 'Idempotency-Key': key } },
      body: { environment_id: envId, note: 'nightly' },
    });
    // Not replayed from the first organization: judged on its own (the environment is not this org's).
    expect(elsewhere.response.headers.get('idempotent-replayed')).toBeNull();
    expect(elsewhere.response.status).toBe(404);
  });

  it('follows the backup over SSE to its final state', async () => {
    const events = await followBackup(backup.id);
    expect(events.length).toBeGreaterThan(0);
    const last = events[events.length - 1]!;
    expect(last.event).toBe('end');
    const final: Backup = JSON.parse(last.data);
    expect(final).toMatchObject({ id: backup.id, status: 'completed' });
    expect(final.bytes_processed).toBeGreaterThan(0);
    for (const e of events.slice(0, -1)) expect(e.event).toBe('progress');
    // A finished backup answers one `end` event at once.
    const again = await followBackup(backup.id);
    expect(again.map((e) => e.event)).toEqual(['end']);
  });

  it('gives download links', async () => {
    const links = ok(
      await api.GET('/api/v1/backups/{backup_id}/download', { params: { path: { backup_id: backup.id } } }),
      200,
    );
    expect(links.parts.map((p) => p.name)).toEqual(['database', 'filestore', 'manifest']);
    expect(links.parts.map((p) => p.file)).toEqual(expect.arrayContaining(['metadata.json']));
    for (const part of links.parts) {
      const got = await fetch(part.url);
      expect([part.name, got.status]).toEqual([part.name, 200]);
      expect(Buffer.from(await got.arrayBuffer()).length).toBe(part.size_bytes);
    }
  });

  it('restores into a new environment, idempotently, and follows it over SSE', async () => {
    const admin = createOffsiteClient({ baseUrl: t.baseUrl, token: (await platformAdmin(t)).token });
    const target = ok(
      await admin.POST('/api/v1/admin/environments', {
        body: {
          organization_id: orgId,
          name: 'restored',
          database: {
            host: '127.0.0.1',
            port: 5432,
            name: restoredDb,
            username: 'postgres',
            password: 'x',
            sslmode: 'disable',
          },
          filestore_path: path.join(work, 'restored-files'),
        },
      }),
      201,
    );
    const key = randomUUID();
    const start = () =>
      api.POST('/api/v1/backups/{backup_id}/restore', {
        params: { path: { backup_id: backup.id }, header: { 'Idempotency-Key': key } },
        body: { target_environment_id: target.id, mode: 'into_empty' },
      });
    const restore: Restore = ok(await start(), 202);
    const retry = await start();
    expect(ok(retry, 202).id).toBe(restore.id);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    const res = await api.GET('/api/v1/restores/{restore_id}/events', {
      params: { path: { restore_id: restore.id } },
      parseAs: 'stream',
    });
    if (!res.data) throw new Error('no event stream');
    const events = await readEvents(res.data);
    const final: Restore = JSON.parse(events[events.length - 1]!.data);
    expect(events[events.length - 1]!.event).toBe('end');
    expect(final).toMatchObject({ id: restore.id, status: 'completed' });
    const count = await rows('SELECT count(*)::int AS n FROM restores WHERE backup_id = $1', [backup.id]);
    expect(count[0].n).toBe(1);
  });

  it('the example tenant flow (clients/typescript/tenant-flow.ts) runs end to end with its own S3 storage', async () => {
    // The platform lets tenants reach loopback servers on this machine (refused by default).
    const admin = createOffsiteClient({ baseUrl: t.baseUrl, token: (await platformAdmin(t)).token });
    ok(
      await admin.PUT('/api/v1/backups/storage-settings', {
        body: { allow_private_endpoints: true, allow_insecure_endpoints: true },
      }),
      200,
    );
    // Tenant environments never reach Offsite's own database server: the source is the same
    // PostgreSQL behind a relay, on a network the platform allows.
    ok(
      await admin.PUT('/api/v1/admin/source-settings', { body: { source_networks: ['127.0.0.1/32'] } }),
      200,
    );
    relay = await startFaultRelay('127.0.0.1', Number(new URL(source.url).port || 5432));
    s3 = await startS3Server();
    const bucket = `flow-${randomBytes(4).toString('hex')}`;
    await createBucket(s3, bucket);
    const database = (name: string) => ({
      host: '127.0.0.1',
      port: relay?.port,
      name,
      username: 'postgres',
      password: 'x',
      sslmode: 'disable' as const,
    });
    const lines: string[] = [];
    const result = await runTenantFlow({
      baseUrl: t.baseUrl,
      email: `example-${randomBytes(3).toString('hex')}@example.test`,
      password: 'correct horse battery staple',
      organizationName: 'Example Org',
      storage: {
        name: 'Loopback S3',
        provider: 's3_compatible',
        endpoint_url: s3.endpoint,
        region: s3.region,
        bucket,
        access_key: s3.accessKey,
        secret_key: s3.secretKey,
        path_prefix: 'example/',
      },
      // Database only: a tenant's filestore must sit under the platform's filestore roots.
      environment: { name: 'production', database: database(source.name) },
      restoreTarget: { name: 'restored', database: database(exampleRestoredDb) },
      idempotencyKey: randomUUID(),
      log: (line) => lines.push(line),
    });
    expect(result.storage).toMatchObject({ provider: 's3_compatible', is_default: true });
    expect(result.retryReplayed).toBe(true);
    expect(result.backup).toMatchObject({ status: 'completed', storage_config_id: result.storage.id });
    expect(result.backupEvents.map((e) => e.event).at(-1)).toBe('end');
    expect(result.downloads.map((p) => p.name)).toEqual(['database', 'manifest']);
    expect(result.restore).toMatchObject({
      status: 'completed',
      result: { database: { name: exampleRestoredDb } },
    });
    const backups = await rows('SELECT count(*)::int AS n FROM backups WHERE organization_id = $1', [
      result.organization.id,
    ]);
    expect(backups[0].n).toBe(1);
    const restored = await rows('SELECT 1 FROM pg_database WHERE datname = $1', [exampleRestoredDb]);
    expect(restored).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(s3.secretKey);
  });

  it('never ran two queries on one database client at once', () => {
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});
