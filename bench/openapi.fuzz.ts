/**
 * The OpenAPI fuzzer, run long (`npm run fuzz [-- RUNS_PER_OPERATION]`): every operation with a JSON
 * body gets RUNS mutated bodies (default 200; FUZZ_RUNS) from a seed (FUZZ_SEED, random when unset
 * and printed, so a failing run can be repeated). Prints request count and latency and every finding
 * (a 5xx, an answer over 64 KiB or slower than 5 s); exits 1 when there is one. Needs PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). The suite runs the same
 * fuzzer with a fixed seed and a few runs (test/hardening/openapi-fuzz.e2e-spec.ts).
 */
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const { startTestApp } = await import('../test/support/app.js');
const { createTenantFixture, registerAndLogin } = await import('../test/support/identity.js');
const { fuzzOpenApi, jsonBodyOperations } = await import('../test/support/openapi-fuzz.js');

const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ADMIN = 'fuzz-admin@example.test';

const t = await startTestApp({ WORKER_ENABLED: 'false', PLATFORM_ADMIN_EMAILS: ADMIN });
try {
  const fixture = await createTenantFixture(t);
  const adminToken = (await registerAndLogin(t, { email: ADMIN })).token;
  const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as Parameters<typeof fuzzOpenApi>[1];
  const operations = jsonBodyOperations(doc).length;
  process.stdout.write(`fuzz: ${operations} operations × ${runs} runs, FUZZ_SEED=${seed}\n`);
  const latencies: number[] = [];
  const started = performance.now();
  const findings = await fuzzOpenApi(
    t,
    doc,
    { fixture, adminToken },
    {
      seed,
      runs,
      limits: { maxResponseBytes: 64 * 1024, maxResponseMs: 5000 },
      onRequest: (ms) => latencies.push(ms),
    },
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(0);
  process.stdout.write(
    `fuzz: ${latencies.length} requests in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; ${findings.length} findings\n`,
  );
  for (const f of findings) process.stdout.write(JSON.stringify(f) + '\n');
  process.exitCode = findings.length ? 1 : 0;
} finally {
  await t.close();
}
