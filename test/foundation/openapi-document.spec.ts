import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Rules over the committed openapi.json (the drift test in foundation.e2e-spec.ts keeps it equal to
 * what the code generates). They restate what the server does, independently of the code that
 * completes the document, so a generator change or a new route that breaks them fails here.
 */
type Json = Record<string, any>;
const document = JSON.parse(readFileSync(path.resolve('openapi.json'), 'utf8')) as Json;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const ops: Array<{ id: string; path: string; method: string; op: Json }> = [];
for (const [p, item] of Object.entries(document.paths as Json)) {
  for (const m of METHODS)
    if (item[m]) ops.push({ id: `${m.toUpperCase()} ${p}`, path: p, method: m, op: item[m] });
}

/** Operations whose services answer 409 (a state or uniqueness conflict). */
const CONFLICTS = [
  'Auth_register',
  'Backups_create',
  'StorageConfigs_update',
  'AdminStorageConfigs_update',
  'Backups_cancel',
  'Backups_remove',
  'Backups_download',
  'Restores_restore',
  'Restores_verify',
  'Restores_cancel',
  'Members_add',
  'Members_update',
  'Members_remove',
  'Organizations_create',
  'Organizations_update',
  'Roles_create',
  'Roles_update',
  'Roles_remove',
  'Environments_create',
  'Environments_update',
  'Environments_remove',
  'AdminEnvironments_create',
  'AdminEnvironments_update',
  'AdminEnvironments_remove',
];

const problemRef = '#/components/schemas/Problem';

describe('OpenAPI document (openapi.json)', () => {
  it('has operations to check', () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  it.each(ops.map((o) => [o.id, o] as const))(
    '%s declares its success response with a schema',
    (_id, { op }) => {
      const success = Object.entries(op.responses as Json).filter(([s]) => /^2\d\d$/.test(s));
      expect(success.length).toBeGreaterThan(0);
      for (const [status, response] of success) {
        if (status === '204') {
          expect(response.content).toBeUndefined();
          continue;
        }
        const media = Object.values(response.content ?? {}) as Json[];
        expect(media.length).toBeGreaterThan(0);
        for (const m of media) expect(m.schema).toBeDefined();
      }
    },
  );

  it.each(ops.map((o) => [o.id, o] as const))(
    '%s declares the 4xx it can answer as problem+json',
    (_id, o) => {
      const { op, path: p } = o;
      const declared = Object.keys(op.responses);
      const expected: string[] = [];
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const health = /^\/api\/v\d+\/health/.test(p);
      if (!isPublic) expected.push('401');
      if (op['x-permission'] && !['authenticated'].includes(op['x-permission'])) expected.push('403');
      if (/\{[a-z_]+\}/.test(p)) expected.push('400', '404');
      if (op.requestBody) expected.push('400', '413');
      if (/organization_id/.test(JSON.stringify(op.parameters ?? []))) expected.push('400', '404');
      if (!health) expected.push('429');
      if (CONFLICTS.includes(op.operationId)) expected.push('409');
      for (const status of expected) expect(declared).toContain(status);
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (!/^[45]\d\d$/.test(status) || status === '416') continue;
        expect(response.content?.['application/problem+json']?.schema?.$ref).toBe(problemRef);
      }
      if (op.responses['429']) expect(op.responses['429'].headers?.['Retry-After']).toBeDefined();
    },
  );

  it('every public operation says security: [] and every other one a bearer token', () => {
    for (const { id, op } of ops) {
      expect([id, op.security]).toEqual([id, op['x-permission'] ? [{ bearer: [] }] : []]);
    }
  });

  it('the problem schema documents the extension members clients read', () => {
    const problem = document.components.schemas.Problem;
    expect(problem.properties.status.type).toBe('integer');
    for (const field of [
      'errors',
      'code',
      'permission',
      'storage_error_code',
      'request_id',
      'errors_omitted',
    ]) {
      expect(problem.properties).toHaveProperty(field);
    }
  });

  it('ids in paths are UUIDs; counters, sizes and ports are integers', () => {
    for (const { id, op } of ops) {
      for (const param of op.parameters ?? []) {
        if (param.in === 'path' && /(^|_)id$/.test(param.name))
          expect([id, param.schema.format]).toEqual([id, 'uuid']);
        if (param.name === 'limit') expect([id, param.schema.type]).toEqual([id, 'integer']);
      }
    }
    const schemas = document.components.schemas as Json;
    expect(schemas.StorageConfigResponse.properties.port.type).toBe('integer');
    expect(schemas.StorageConfigResponse.properties.total_size_bytes.type).toBe('integer');
    expect(schemas.CreateStorageConfigDto.properties.port.type).toBe('integer');
    expect(schemas.BackupResponse.properties.bytes_processed.type).toBe('integer');
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [key, prop] of Object.entries((schema as Json).properties ?? {})) {
        if (/(_bytes|_count|^port|_ms)$/.test(key))
          expect([name, key, (prop as Json).type]).toEqual([name, key, 'integer']);
      }
    }
  });

  it('PATCH bodies carry no defaults; secrets are writeOnly; server fields readOnly', () => {
    const schemas = document.components.schemas as Json;
    const patchBodies = ops
      .filter((o) => o.method === 'patch' && o.op.requestBody)
      .map((o) => String(o.op.requestBody.content['application/json'].schema.$ref).split('/').pop()!);
    expect(patchBodies).toContain('UpdateStorageConfigDto');
    for (const name of patchBodies) {
      expect(JSON.stringify(schemas[name])).not.toContain('"default"');
    }
    expect(JSON.stringify(schemas.UpdateDatabaseInputDto)).not.toContain('"default"');
    for (const field of ['access_key', 'secret_key', 'private_key', 'passphrase']) {
      expect(schemas.CreateStorageConfigDto.properties[field].writeOnly).toBe(true);
      expect(schemas.UpdateStorageConfigDto.properties[field].writeOnly).toBe(true);
    }
    expect(schemas.RegisterDto.properties.password.writeOnly).toBe(true);
    expect(schemas.StorageConfigResponse.properties.id.readOnly).toBe(true);
    expect(schemas.StorageSettingsResponse).toBeDefined();
  });

  it('every request body has an example; tags are described; servers and a license are set', () => {
    for (const { id, op } of ops) {
      if (!op.requestBody) continue;
      for (const media of Object.values(op.requestBody.content as Json)) {
        expect([id, (media as Json).example !== undefined]).toEqual([id, true]);
      }
    }
    const described = new Map((document.tags as Json[]).map((t) => [t.name, t.description]));
    for (const { id, op } of ops) {
      for (const tag of op.tags ?? []) {
        // Add new tags to TAG_DESCRIPTIONS in src/common/openapi/document-rules.ts.
        expect([id, tag, Boolean(described.get(tag))]).toEqual([id, tag, true]);
      }
    }
    expect(document.servers.length).toBeGreaterThan(0);
    expect(document.info.license.name).toBeTruthy();
  });
});

describe('generated TypeScript client (clients/typescript)', () => {
  it('is what openapi-typescript generates from the committed openapi.json (run `npm run openapi`)', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-client.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
