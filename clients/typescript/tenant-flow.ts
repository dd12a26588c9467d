// The whole tenant flow as a frontend runs it, through the generated client only (no casts):
// register, log in, organization, storage configuration, environment, a backup started twice with
// one Idempotency-Key (one backup), its progress over Server-Sent Events, download links, and a
// restore into a second environment. docs/api-client.md describes it; the frontend-flow e2e test
// (test/backups/api-flow.e2e-spec.ts) runs it against a real server.
import { readEvents, type ServerSentEvent } from './events.js';
import { createOffsiteClient, type OffsiteClient, type Schemas } from './index.js';

export interface TenantFlowInput {
  /** Where the API is deployed, without /api/v1. */
  baseUrl: string;
  email: string;
  password: string;
  organizationName: string;
  storage: Schemas['CreateStorageConfigDto'];
  environment: Schemas['CreateEnvironmentDto'];
  /** Where to restore: a new environment whose database and filestore do not exist yet. */
  restoreTarget: Schemas['CreateEnvironmentDto'];
  /** Any string of 1-255 visible characters, new for each backup a user starts (a UUID is fine). */
  idempotencyKey: string;
  log?: (line: string) => void;
}

export interface TenantFlowResult {
  organization: Schemas['OrganizationResponse'];
  storage: Schemas['StorageConfigResponse'];
  backup: Schemas['BackupResponse'];
  /** True when the second start answered the first one's backup (`Idempotent-Replayed: true`). */
  retryReplayed: boolean;
  backupEvents: ServerSentEvent[];
  downloads: Schemas['DownloadPartResponse'][];
  restore: Schemas['RestoreResponse'];
}

/** The typed body of a 2xx answer; a problem+json answer becomes an Error with its detail. */
function must<T>(res: { data?: T; error?: { status?: number; detail?: string }; response: Response }): T {
  if (res.data === undefined) {
    throw new Error(`${res.response.status} ${res.error?.detail ?? res.response.statusText}`);
  }
  return res.data;
}

/** The final state a backup or restore stream ends with (`event: end`). */
function finalState(events: ServerSentEvent[]): string {
  const last = events[events.length - 1];
  if (last?.event !== 'end') throw new Error('the event stream ended without its final state');
  return last.data;
}

export async function runTenantFlow(input: TenantFlowInput): Promise<TenantFlowResult> {
  const log = input.log ?? (() => undefined);
  const anon = createOffsiteClient({ baseUrl: input.baseUrl });
  must(
    await anon.POST('/api/v1/auth/register', {
      body: { email: input.email, password: input.password, name: input.organizationName },
    }),
  );
  const login = must(
    await anon.POST('/api/v1/auth/login', { body: { email: input.email, password: input.password } }),
  );
  const api: OffsiteClient = createOffsiteClient({ baseUrl: input.baseUrl, token: login.access_token });

  const organization = must(
    await api.POST('/api/v1/organizations', { body: { name: input.organizationName } }),
  );
  const org = { params: { query: { organization_id: organization.id } } };
  log(`organization ${organization.slug}`);

  const storage = must(await api.POST('/api/v1/backups/storage-configs', { ...org, body: input.storage }));
  const test = must(
    await api.POST('/api/v1/backups/storage-configs/{config_id}/test', {
      params: { path: { config_id: storage.id } },
    }),
  );
  if (!test.success) throw new Error(`storage test failed: ${test.message}`);
  log(`storage ${storage.name} (${storage.provider}), default: ${storage.is_default}`);

  const environment = must(await api.POST('/api/v1/environments', { ...org, body: input.environment }));
  log(`environment ${environment.name}`);

  // A frontend retrying after a timeout sends the same key: the second answer is the first backup.
  const start = () =>
    api.POST('/api/v1/backups', {
      params: { query: org.params.query, header: { 'Idempotency-Key': input.idempotencyKey } },
      body: { environment_id: environment.id, note: 'started from the tenant flow' },
    });
  const backup = must(await start());
  const retry = await start();
  if (must(retry).id !== backup.id) throw new Error('the retry started a second backup');
  const retryReplayed = retry.response.headers.get('idempotent-replayed') === 'true';
  log(`backup ${backup.id} (${backup.status})`);

  const stream = await api.GET('/api/v1/backups/{backup_id}/events', {
    params: { path: { backup_id: backup.id } },
    parseAs: 'stream',
  });
  if (!stream.data) throw new Error(`no event stream: ${stream.response.status}`);
  const backupEvents = await readEvents(stream.data, (e) => log(`  ${e.event} ${e.data.slice(0, 80)}`));
  const done: Schemas['BackupResponse'] = JSON.parse(finalState(backupEvents));
  if (done.status !== 'completed') throw new Error(`backup ${done.status}: ${done.error_message}`);

  const links = must(
    await api.GET('/api/v1/backups/{backup_id}/download', { params: { path: { backup_id: backup.id } } }),
  );
  for (const part of links.parts) log(`download ${part.file} (${part.size_bytes} bytes)`);

  const target = must(await api.POST('/api/v1/environments', { ...org, body: input.restoreTarget }));
  const queued = must(
    await api.POST('/api/v1/backups/{backup_id}/restore', {
      params: {
        path: { backup_id: backup.id },
        header: { 'Idempotency-Key': `${input.idempotencyKey}-restore` },
      },
      body: { target_environment_id: target.id, mode: 'into_empty' },
    }),
  );
  const restoreStream = await api.GET('/api/v1/restores/{restore_id}/events', {
    params: { path: { restore_id: queued.id } },
    parseAs: 'stream',
  });
  if (!restoreStream.data) throw new Error(`no event stream: ${restoreStream.response.status}`);
  const restore: Schemas['RestoreResponse'] = JSON.parse(finalState(await readEvents(restoreStream.data)));
  log(`restore ${restore.id} ${restore.status}`);

  return {
    organization,
    storage,
    backup: done,
    retryReplayed,
    backupEvents,
    downloads: links.parts,
    restore,
  };
}
