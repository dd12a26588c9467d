/**
 * bench:api — the authenticated request path. Compares Offsite's
 * `GET /api/v1/backups/storage-configs?organization_id=` (10 configs, logging on at info) against a
 * bare Fastify route doing the same work by hand on the same database: verify the HS256 token,
 * load the user, check revocation, check membership, select and map the configs.
 *
 * Two runs per server, the load from its own process (bench/api-load.ts): the most it serves
 * (autocannon, 16 connections, 10 s) and the latency at an even 500 req/s (an open-loop paced
 * client; autocannon's overallRate sends bursts, see api-load.ts). Results go to stderr and bench/.data/api-bench.json; the app's JSON
 * log lines go to stdout (`npm run bench:api` sends them to /dev/null, still written).
 * Needs TEST_DATABASE_URL (a PostgreSQL the test helpers may create databases in).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';

process.env.TEST_LOG_LEVEL ??= 'info';
const { startTestApp } = await import('../test/support/app.js');
const { createOrg, registerAndLogin } = await import('../test/support/identity.js');

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const execFileAsync = promisify(execFile);
const log = (line: string) => process.stderr.write(`${line}\n`);

const t = await startTestApp();
const owner = await registerAndLogin(t);
const org = await createOrg(t, owner);
for (let i = 0; i < 10; i++) {
  const res = await t.request('POST', `/backups/storage-configs?organization_id=${org.id}`, {
    token: owner.token,
    body: {
      name: `bench ${i}`,
      provider: 'cloudflare_r2',
      bucket: `bench-bucket-${i}`,
      account_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      access_key: `AKIABENCHKEY${String(i).padStart(8, '0')}`,
      secret_key: 'bench-secret-bench-secret',
    },
  });
  if (res.status !== 201) throw new Error(`setup: ${res.status} ${res.text}`);
}

// --- the bare route ------------------------------------------------------------------------------
const pool = new pg.Pool({ connectionString: t.db.url, max: 10 });
const secret = Buffer.from(t.config.auth.jwtSecret);
const b64 = (s: string) => Buffer.from(s, 'base64url');
const bare = Fastify({
  logger: { level: 'info', stream: { write: (line: string) => process.stdout.write(line) } },
});
bare.get('/bare/storage-configs', async (req, reply) => {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  const parts = token?.split('.') ?? [];
  if (scheme !== 'Bearer' || parts.length !== 3) return reply.status(401).send({ status: 401 });
  const mac = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const sig = b64(parts[2]!);
  if (sig.length !== mac.length || !timingSafeEqual(sig, mac)) return reply.status(401).send({ status: 401 });
  const claims = JSON.parse(b64(parts[1]!).toString('utf8')) as { sub: string; jti: string; exp: number };
  if (claims.exp * 1000 < Date.now()) return reply.status(401).send({ status: 401 });
  const orgId = (req.query as { organization_id?: string }).organization_id;
  const user = await pool.query(
    'SELECT id, tokens_valid_after FROM users WHERE id = $1 AND disabled_at IS NULL',
    [claims.sub],
  );
  const revoked = await pool.query('SELECT 1 FROM revoked_tokens WHERE jti = $1', [claims.jti]);
  if (!user.rows[0] || revoked.rows[0]) return reply.status(401).send({ status: 401 });
  const member = await pool.query(
    `SELECT m.role, r.permissions FROM memberships m
       JOIN organizations o ON o.id = m.organization_id AND o.deleted_at IS NULL
       LEFT JOIN roles r ON r.organization_id = m.organization_id AND r.id = m.custom_role_id
      WHERE m.organization_id = $1 AND m.user_id = $2`,
    [orgId, claims.sub],
  );
  if (!member.rows[0]) return reply.status(404).send({ status: 404 });
  const configs = await pool.query(
    `SELECT id, organization_id, name, provider, bucket, region, endpoint_url, account_id, path_prefix,
            storage_class, buckets, host, port, use_tls, host_key_fingerprint, access_key_hint, has_secret,
            has_private_key, is_default, is_active, total_size_bytes, object_count, last_used_at, created_at, updated_at
       FROM storage_configs WHERE organization_id = $1 ORDER BY created_at, id`,
    [orgId],
  );
  return configs.rows.map((c) => ({
    ...c,
    access_key_hint: c.access_key_hint ? `…${c.access_key_hint}` : null,
    total_size_bytes: Number(c.total_size_bytes),
    object_count: Number(c.object_count),
  }));
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareAddress = bare.server.address();
const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}`;

const allTargets = {
  offsite: `${t.baseUrl}/api/v1/backups/storage-configs?organization_id=${org.id}`,
  bare: `${bareUrl}/bare/storage-configs?organization_id=${org.id}`,
};
// BENCH_TARGETS=offsite runs one side only (e.g. under `node --cpu-prof`); the ratio needs both.
const only = process.env.BENCH_TARGETS?.split(',');
const targets = Object.fromEntries(
  Object.entries(allTargets).filter(([name]) => !only || only.includes(name)),
);
for (const [name, url] of Object.entries(targets)) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${owner.token}` } });
  const body = (await res.json()) as unknown[];
  if (res.status !== 200 || body.length !== 10)
    throw new Error(`${name}: ${res.status}, ${body.length} configs`);
}

/** What bench/api-load.ts prints: `max` mode fills rps, `paced` mode p90 and max. */
interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  rps?: number;
  p90?: number;
  max?: number;
}
const loadScript = fileURLToPath(new URL('./api-load.js', import.meta.url));
/** Runs the load side in its own process (bench/api-load.ts) and this process's CPU per request. */
async function run(url: string, mode: 'max' | 'burst' | 'paced', arg: number, seconds: number) {
  const cpu = process.cpuUsage();
  const { stdout } = await execFileAsync(
    process.execPath,
    [loadScript, mode, url, owner.token, String(arg), String(seconds)],
    {
      maxBuffer: 1 << 20,
    },
  );
  const result = JSON.parse(stdout) as LoadResult;
  if (result.errors) throw new Error(`${url}: ${result.errors} errors or non-2xx answers`);
  const { user, system } = process.cpuUsage(cpu);
  // This process's CPU per request: the server's work only (the load runs elsewhere), not
  // PostgreSQL's; less swayed by other load on the machine than the request rate.
  return { ...result, cpuMsPerRequest: Number(((user + system) / 1000 / result.requests).toFixed(3)) };
}

const results: Record<string, unknown> = {};
for (const [name, url] of Object.entries(targets)) {
  await run(url, 'max', 16, 2); // warm-up
  const max = await run(url, 'max', 16, DURATION);
  const at500 = await run(url, 'paced', 500, DURATION);
  const burst500 = await run(url, 'burst', 500, DURATION);
  results[name] = { max, at500, burst500 };
  log(
    `${name.padEnd(8)} max ${max.rps} req/s (p50 ${max.p50} ms, p99 ${max.p99} ms, ${max.cpuMsPerRequest} ms server CPU/request); paced at 500 req/s: p50 ${at500.p50} ms, p90 ${at500.p90} ms, p99 ${at500.p99} ms, max ${at500.max} ms; autocannon -R 500 (bursts): p50 ${burst500.p50} ms, p99 ${burst500.p99} ms`,
  );
}
const maxRps = (name: string) => (results[name] as { max: { rps: number } } | undefined)?.max.rps;
const ratio = (maxRps('offsite') ?? NaN) / (maxRps('bare') ?? NaN);
if (Number.isFinite(ratio)) log(`offsite / bare: ${ratio.toFixed(2)}×`);
log(`load average (1 min) at the end: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} CPUs`);
mkdirSync('bench/.data', { recursive: true });
writeFileSync(
  'bench/.data/api-bench.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      load_average_1m_at_end: Number(os.loadavg()[0]!.toFixed(2)),
      duration_s: DURATION,
      results,
      ratio,
    },
    null,
    2,
  ),
);
// autocannon stops with requests in flight: let them finish before the pools close under them
// (closing first fails them, and pg warns about queries queued on a client released mid-query).
await new Promise((resolve) => setTimeout(resolve, 2000));
await bare.close();
await pool.end();
await t.close();
