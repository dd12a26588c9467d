import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';
import { fillRoute, PARAM_FIXTURES, type TenantFixture } from './identity.js';

/**
 * A property-based fuzzer over the served OpenAPI document: for every operation with a JSON body it
 * builds a plausible body from the schema, mutates it (wrong types, huge arrays, deep nesting,
 * control characters, long strings, odd top-level values, thousands of keys) and sends it as a
 * caller who may use the operation. The property: no 5xx, and a small, timely answer.
 */

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
};
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: any; 'x-permission'?: string }>>;
  components: { schemas: Record<string, Schema> };
};

export interface FuzzOperation {
  method: string;
  path: string;
  adminOnly: boolean;
  schema: Schema;
}

export interface FuzzFinding {
  operation: string;
  mutation: string;
  status: number;
  bytes: number;
  ms: number;
  excerpt: string;
}

export interface FuzzLimits {
  maxResponseBytes: number;
  maxResponseMs: number;
}

export function jsonBodyOperations(doc: OpenApi): FuzzOperation[] {
  const ops: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      if (!schema) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        adminOnly: op['x-permission'] === 'platform_admin',
        schema,
      });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function resolve(doc: OpenApi, schema: Schema): Schema {
  if (schema.$ref)
    return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!);
  const first = schema.allOf?.[0] ?? schema.oneOf?.[0];
  return first ? resolve(doc, first) : schema;
}

/** A plausible body: examples, first enum values, fixture ids for known `*_id` fields. */
export function sampleBody(doc: OpenApi, schema: Schema, f: TenantFixture, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.properties || s.type === 'object') {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([name, prop]) => [
        name,
        PARAM_FIXTURES[name] ? PARAM_FIXTURES[name]!(f) : sampleBody(doc, prop, f, depth + 1),
      ]),
    );
  }
  switch (s.type) {
    case 'array':
      return s.items ? [sampleBody(doc, s.items, f, depth + 1)] : [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return s.format === 'uuid' ? randomUUID() : `fuzz-${depth}`;
  }
}

const DEEP = '__fuzz_deep__';

type Mutation =
  | { kind: 'valid'; field: number; text: string }
  | { kind: 'wrong_type'; field: number; value: unknown }
  | { kind: 'huge_array'; field: number; length: number; item: unknown }
  | { kind: 'deep'; field: number; depth: number; open: string }
  | { kind: 'control'; field: number; text: string; code: number; at: number }
  | { kind: 'long_string'; field: number; length: number }
  | { kind: 'top_level'; value: unknown }
  | { kind: 'empty_objects'; count: number }
  | { kind: 'many_keys'; count: number };

export const mutationArbitrary: fc.Arbitrary<Mutation> = (() => {
  const field = fc.nat(1000);
  const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }));
  return fc.oneof(
    fc.record({
      kind: fc.constant('valid' as const),
      field,
      text: fc.string({ unit: 'binary', maxLength: 40 }),
    }),
    fc.record({ kind: fc.constant('wrong_type' as const), field, value: fc.jsonValue({ maxDepth: 3 }) }),
    fc.record({
      kind: fc.constant('huge_array' as const),
      field,
      length: fc.integer({ min: 1001, max: 100_000 }),
      item: fc.constantFrom<unknown>(0, 'x', {}, [], null),
    }),
    fc.record({
      kind: fc.constant('deep' as const),
      field,
      depth: fc.integer({ min: 20, max: 8000 }),
      open: fc.constantFrom('[', '{"a":'),
    }),
    fc.record({
      kind: fc.constant('control' as const),
      field,
      text: fc.string({ maxLength: 20 }),
      code: control,
      at: fc.nat(),
    }),
    fc.record({
      kind: fc.constant('long_string' as const),
      field,
      length: fc.integer({ min: 1000, max: 1_100_000 }),
    }),
    fc.record({ kind: fc.constant('top_level' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ kind: fc.constant('empty_objects' as const), count: fc.integer({ min: 1, max: 340_000 }) }),
    fc.record({ kind: fc.constant('many_keys' as const), count: fc.integer({ min: 100, max: 40_000 }) }),
  );
})();

/** The raw JSON text a mutation makes of a base body. */
export function mutate(base: unknown, m: Mutation): string {
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {};
  const keys = Object.keys(obj);
  const key = 'field' in m && keys.length ? keys[m.field % keys.length]! : 'fuzz';
  const set = (value: unknown) => JSON.stringify({ ...obj, [key]: value });
  switch (m.kind) {
    case 'valid':
      return set(m.text);
    case 'wrong_type':
      return set(m.value);
    case 'huge_array':
      return set(new Array(m.length).fill(m.item));
    case 'deep': {
      const close = m.open === '[' ? ']' : '}';
      const inner = m.open === '[' ? '' : '1';
      return set(DEEP).replace(`"${DEEP}"`, m.open.repeat(m.depth) + inner + close.repeat(m.depth));
    }
    case 'control': {
      const at = m.at % (m.text.length + 1);
      return set(m.text.slice(0, at) + String.fromCharCode(m.code) + m.text.slice(at));
    }
    case 'long_string':
      return set('x'.repeat(m.length));
    case 'top_level':
      return JSON.stringify(m.value);
    case 'empty_objects':
      return `[${new Array(m.count).fill('{}').join(',')}]`;
    case 'many_keys':
      return JSON.stringify({
        ...obj,
        ...Object.fromEntries(Array.from({ length: m.count }, (_, i) => [`k${i}`, i])),
      });
  }
}

const describeMutation = (m: Mutation) =>
  JSON.stringify(m, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…` : v));

/** Runs `runs` mutated bodies against every JSON-body operation; returns what broke the property. */
export async function fuzzOpenApi(
  t: TestApp,
  doc: OpenApi,
  callers: { fixture: TenantFixture; adminToken: string },
  options: { seed: number; runs: number; limits: FuzzLimits; onRequest?: (ms: number) => void },
): Promise<FuzzFinding[]> {
  const findings: FuzzFinding[] = [];
  for (const [index, op] of jsonBodyOperations(doc).entries()) {
    const url = fillRoute(op.path.replace(/\{([^}]+)\}/g, ':$1'), callers.fixture);
    const token = op.adminOnly ? callers.adminToken : callers.fixture.owner.token;
    const base = sampleBody(doc, op.schema, callers.fixture);
    const operation = `${op.method} ${op.path}`;
    const property = fc.asyncProperty(mutationArbitrary, async (m) => {
      const rawBody = mutate(base, m);
      const started = performance.now();
      const res = await t.request(op.method, url, {
        rawBody,
        token,
        headers: { 'content-type': 'application/json' },
      });
      const ms = performance.now() - started;
      options.onRequest?.(ms);
      const bytes = Buffer.byteLength(res.text);
      if (res.status >= 500 || bytes > options.limits.maxResponseBytes || ms > options.limits.maxResponseMs) {
        findings.push({
          operation,
          mutation: describeMutation(m),
          status: res.status,
          bytes,
          ms: Math.round(ms),
          excerpt: res.text.slice(0, 300),
        });
      }
    });
    // Findings are collected rather than thrown: no shrinking (each case is an HTTP call), and
    // every operation is exercised even when one of them fails.
    // One seed per operation, derived from the run's seed: different mutations per operation.
    await fc.assert(property, { seed: options.seed + index, numRuns: options.runs, endOnFailure: true });
  }
  return findings;
}
