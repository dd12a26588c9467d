import { getMetadataStorage } from 'class-validator';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_DESCRIPTIONS, PROBLEM_SCHEMAS, RETRY_AFTER_HEADER, problemContent } from './problem-schema.js';

/** Root tags: every tag an operation uses must be described here (a test checks it). */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  auth: 'Accounts and sessions: register, log in, log out, password reset, the current user.',
  organizations: 'Organizations, their members and roles.',
  audit: "An organization's audit log.",
  'storage-configs':
    "An organization's storage configurations (S3-compatible, FTP(S), SFTP) and their tests.",
  'storage-settings': 'Which storage providers the platform offers.',
  environments: 'Backup sources: PostgreSQL databases and filestores.',
  backups: 'Backups: start, list, download, cancel, delete, and follow their progress.',
  restores: 'Restores and verification restores of a backup.',
  admin: 'Platform administration: platform storage, managed environments, source settings.',
  health: 'Liveness and readiness probes.',
  schedules: 'Backup schedules of an environment, their runs, next runs and retention.',
  notifications:
    "An organization's notification channels (signed webhooks, e-mail), their tests and deliveries.",
  'storage-health': 'Storage health probes and backup freshness.',
  'backup-migrations': 'Moving backups between storage configurations, verified byte for byte.',
  metrics: 'Prometheus metrics.',
};

type Json = Record<string, unknown>;
type Operation = {
  tags?: string[];
  security?: Json[];
  parameters?: Array<Json & { in: string; name: string; schema?: Json }>;
  requestBody?: { content?: Record<string, { schema?: Json; example?: unknown }> };
  responses: Record<string, Json>;
  'x-permission'?: string;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export function operations(document: OpenAPIObject): Array<{ path: string; method: string; op: Operation }> {
  const out: Array<{ path: string; method: string; op: Operation }> = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, unknown>)[method] as Operation | undefined;
      if (op) out.push({ path, method, op });
    }
  }
  return out;
}

/**
 * The error statuses an operation can answer, derived from what it declares: who may call it
 * (`x-permission`), its parameters and body. 409s are declared per operation (`@ApiConflict`).
 */
export function expectedErrorStatuses(path: string, op: Operation): string[] {
  const statuses = new Set<string>(['500']);
  const access = op['x-permission'];
  const hasInput = Boolean(op.requestBody) || (op.parameters ?? []).length > 0;
  if (hasInput) statuses.add('400');
  if (op.requestBody) statuses.add('413');
  if (access) statuses.add('401');
  if (access && access !== 'authenticated') statuses.add('403');
  if (access && access !== 'authenticated' && access !== 'platform_admin') statuses.add('404');
  if (/\{[a-z_]+\}/.test(path) && !/^\/api\/v\d+\/health/.test(path)) statuses.add('404');
  // An organization named by the query: a stranger's looks exactly like a missing one.
  if ((op.parameters ?? []).some((p) => p.name === 'organization_id')) statuses.add('404');
  if (!/^\/api\/v\d+\/health/.test(path)) statuses.add('429');
  if ((op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
    statuses.add('409');
  return [...statuses].sort();
}

const SECRET_FIELD = /(^|_)(password|secret|secret_key|private_key|passphrase)($|_)|^access_key$/;
const SERVER_FIELD = /^(id|created_at|updated_at)$/;
/** Numbers that are counts, sizes, durations or positions: integers wherever they appear. */
const INTEGER_FIELD =
  /(^|_)(bytes|bytes_processed|count|ms|port|attempts|limit|offset|total|seconds|expires_in|omitted)$/;

/**
 * Completes the document @nestjs/swagger generates so that generated clients get it right: one
 * problem schema behind every error response, the errors each operation can answer, `security: []`
 * on public operations, `format: uuid` on id path parameters, `integer` where class-validator says
 * IsInt, no defaults in PATCH bodies, writeOnly secrets, readOnly server fields, request examples,
 * root tags, servers and a license. Applied to every module, present and future, in one place.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {}) as Json & {
    schemas: Record<string, Json>;
    headers?: Record<string, Json>;
  };
  components.schemas ??= {};
  Object.assign(components.schemas, structuredClone(PROBLEM_SCHEMAS));
  components.headers = { ...(components.headers ?? {}), RetryAfter: RETRY_AFTER_HEADER };
  const schemas = components.schemas;
  applyValidatorTypes(schemas);

  const patchBodies = new Set<string>();
  const requestBodies = new Set<string>();
  for (const { path, method, op } of operations(document)) {
    if (!op.security) {
      op.security = [];
      const described = op as Operation & { description?: string };
      described.description = described.description
        ? `${described.description}\n\nPublic: no token needed.`
        : 'Public: no token needed.';
    }
    for (const param of op.parameters ?? []) {
      if (param.in === 'path' && /(^|_)id$/.test(param.name)) {
        param.schema = { ...(param.schema ?? {}), type: 'string', format: 'uuid' };
      }
      if (param.schema?.type === 'number' && INTEGER_FIELD.test(param.name)) param.schema.type = 'integer';
    }
    for (const media of Object.values(op.requestBody?.content ?? {})) {
      const name = refName(media.schema);
      if (!name) continue;
      requestBodies.add(name);
      if (method === 'patch') patchBodies.add(name);
    }
    for (const status of expectedErrorStatuses(path, op)) {
      op.responses[status] ??= { description: errorDescription(status, op['x-permission']) };
    }
    if ((op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) {
      const conflict = op.responses['409']!;
      const text = ERROR_DESCRIPTIONS.idempotency!;
      conflict.description =
        conflict.description && conflict.description !== ERROR_DESCRIPTIONS['409']
          ? `${String(conflict.description)} Or: ${text}`
          : text;
    }
    for (const [status, response] of Object.entries(op.responses)) {
      // 416 (Range Not Satisfiable) answers with Content-Range and no body.
      if (!/^[45]\d\d$/.test(status) || status === '416') continue;
      response.description ||= ERROR_DESCRIPTIONS[status] ?? 'Error.';
      response.content = problemContent;
      if (status === '429') response.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
    }
  }

  for (const name of patchBodies) stripDefaults(schemas, name, new Set());
  for (const name of requestBodies) markProperties(schemas[name], SECRET_FIELD, 'writeOnly');
  for (const [name, schema] of Object.entries(schemas)) {
    if (/Response$/.test(name)) markProperties(schema, SERVER_FIELD, 'readOnly');
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const [key, prop] of Object.entries(props)) {
      if (prop.type === 'number' && INTEGER_FIELD.test(key)) prop.type = 'integer';
    }
  }
  for (const { op } of operations(document)) {
    for (const media of Object.values(op.requestBody?.content ?? {})) {
      if (media.example === undefined && media.schema) media.example = exampleOf(media.schema, schemas, 0);
    }
  }

  const used = new Set(operations(document).flatMap(({ op }) => op.tags ?? []));
  document.tags = [...used].sort().map((name) => ({
    name,
    description: TAG_DESCRIPTIONS[name] ?? '',
  }));
  document.servers = [
    {
      url: '{origin}',
      description: 'Your Offsite deployment (paths start with /api/v1).',
      variables: { origin: { default: 'http://localhost:3000', description: 'Scheme, host and port' } },
    },
  ];
  document.info.license = { name: 'Proprietary' };
  return document;
}

function errorDescription(status: string, access: string | undefined): string {
  if (status === '403' && access === 'platform_admin') return 'The caller is not a platform administrator.';
  if (status === '403' && access?.startsWith('org.')) {
    return `The caller lacks the \`${access}\` permission (\`permission\` names it).`;
  }
  return ERROR_DESCRIPTIONS[status] ?? 'Error.';
}

function refName(schema: Json | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : undefined;
}

/** PATCH applies no defaults: a default there would tell generators the field is always sent. */
function stripDefaults(schemas: Record<string, Json>, name: string, seen: Set<string>): void {
  if (seen.has(name)) return;
  seen.add(name);
  const props = (schemas[name]?.properties ?? {}) as Record<string, Json>;
  for (const prop of Object.values(props)) {
    delete prop.default;
    for (const nested of [
      prop,
      prop.items as Json | undefined,
      ...((prop.allOf as Json[] | undefined) ?? []),
    ]) {
      const ref = refName(nested);
      if (ref) stripDefaults(schemas, ref, seen);
    }
  }
}

function markProperties(schema: Json | undefined, pattern: RegExp, marker: 'readOnly' | 'writeOnly'): void {
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  for (const [name, prop] of Object.entries(props)) if (pattern.test(name)) prop[marker] = true;
}

/**
 * Integers and UUIDs as class-validator validates them (IsInt, IsUUID), so DTOs need no second
 * declaration for the document. Schemas are named after their DTO classes.
 */
function applyValidatorTypes(schemas: Record<string, Json>): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas?: Map<{ name: string }, Array<{ name?: string; propertyName: string }>>;
  };
  for (const [target, metas] of storage.validationMetadatas ?? new Map()) {
    const schema = schemas[target.name];
    const props = (schema?.properties ?? {}) as Record<string, Json>;
    for (const meta of metas) {
      const prop = props[meta.propertyName];
      if (!prop) continue;
      const holder = prop.type === 'array' && prop.items ? (prop.items as Json) : prop;
      if (meta.name === 'isInt' && holder.type === 'number') holder.type = 'integer';
      if (meta.name === 'isUuid' && holder.type === 'string') holder.format = 'uuid';
    }
  }
}

/** An example for a request body from its schema: property examples first, then type-based values. */
function exampleOf(schema: Json, schemas: Record<string, Json>, depth: number): unknown {
  if (depth > 4) return undefined;
  const name = refName(schema);
  if (name) return exampleOf(schemas[name] ?? {}, schemas, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    return exampleOf(schema.allOf[0] as Json, schemas, depth + 1);
  }
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Json = {};
      for (const [key, prop] of Object.entries(props)) {
        if (!required.has(key) && prop.example === undefined) continue;
        out[key] = exampleOf(prop, schemas, depth + 1);
      }
      return out;
    }
    case 'array':
      return [exampleOf((schema.items ?? {}) as Json, schemas, depth + 1)];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid') return '3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      if (schema.format === 'email') return 'user@example.com';
      return 'x'.repeat(typeof schema.minLength === 'number' ? schema.minLength : 6);
  }
}
