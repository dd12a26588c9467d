import { fuzzOpenApi, jsonBodyOperations } from '../support/openapi-fuzz.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createTenantFixture, registerAndLogin, type TenantFixture } from '../support/identity.js';

/** The reproducible slice of the fuzzer (fixed seed, few runs); `npm run fuzz` runs it longer. */
const SEED = 19;
const RUNS_PER_OPERATION = 12;

describe('OpenAPI fuzz: mutated JSON bodies never get a 5xx or a large answer', () => {
  let t: TestApp;
  let fixture: TenantFixture;
  let adminToken: string;
  let doc: any;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'false', PLATFORM_ADMIN_EMAILS: 'fuzz-admin@example.test' });
    fixture = await createTenantFixture(t);
    adminToken = (await registerAndLogin(t, { email: 'fuzz-admin@example.test' })).token;
    doc = await (await fetch(`${t.baseUrl}/api/docs-json`)).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every operation with a JSON body', () => {
    expect(jsonBodyOperations(doc).length).toBeGreaterThanOrEqual(20);
  });

  it(`holds for ${RUNS_PER_OPERATION} mutations per operation (seed ${SEED})`, async () => {
    let requests = 0;
    const findings = await fuzzOpenApi(
      t,
      doc,
      { fixture, adminToken },
      {
        seed: SEED,
        runs: RUNS_PER_OPERATION,
        limits: { maxResponseBytes: 64 * 1024, maxResponseMs: 5000 },
        onRequest: () => requests++,
      },
    );
    expect(requests).toBe(jsonBodyOperations(doc).length * RUNS_PER_OPERATION);
    expect(findings).toEqual([]);
  }, 120_000);
});
