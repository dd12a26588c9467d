import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument, serializeOpenApi } from '../../src/common/openapi/openapi.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe('foundation (HTTP, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves liveness', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports readiness: database, migrations and queue', async () => {
    const res = await t.request('GET', '/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.info).sort()).toEqual(['database', 'migrations', 'queue']);
  });

  it('serves the OpenAPI UI and JSON', async () => {
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    const json = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as any;
    expect(json.openapi).toMatch(/^3\./);
    expect(Object.keys(json.paths)).toContain('/api/v1/health');
  });

  it('answers unknown routes with problem+json 404 and echoes the request id', async () => {
    const res = await t.request('GET', '/no-such-route', { headers: { 'x-request-id': 'test-req-0001' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('x-request-id')).toBe('test-req-0001');
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', request_id: 'test-req-0001' });
    expect(res.body.type).toMatch(/^urn:offsite:problem:/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.request('POST', '/health', {
      rawBody: '{"broken":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('takes a bodyless POST sent with Content-Type: application/json as having no body', async () => {
    // Generated clients send the header on every POST; cancel, test and verify take no body.
    const res = await t.request('POST', '/restores/00000000-0000-4000-8000-000000000000/cancel', {
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.request('POST', '/health', { body: { blob: 'x'.repeat(4096) } });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('committed openapi.json matches the code (run `npm run openapi` after changing routes)', () => {
    const committed = readFileSync(path.resolve('openapi.json'), 'utf8');
    expect(serializeOpenApi(buildOpenApiDocument(t.app))).toBe(committed);
  });

  it('migrations match the entities (generating a migration would yield nothing)', async () => {
    const ds = t.app.get(DataSource);
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
