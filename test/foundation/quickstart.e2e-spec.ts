import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/app.js';
import { createSourceDatabase } from '../support/backup-sources.js';
import type { TestDatabase } from '../support/database.js';

// docs/quickstart.md, run as written: its ```sh blocks, in order, by bash, against a real app on a
// real PostgreSQL, with only the variables the page itself lets a reader override.
const repo = path.resolve(import.meta.dirname, '../../..');
const page = readFileSync(path.join(repo, 'docs/quickstart.md'), 'utf8');
const script = [...page.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');

const tools = ['bash', 'curl', 'jq', 'sha256sum', 'pg_dump', 'diff'];
const missing = tools.filter(
  (tool) =>
    !(process.env.PATH ?? '').split(':').some((dir) => {
      try {
        readFileSync(path.join(dir, tool));
        return true;
      } catch {
        return false;
      }
    }),
);
if (missing.length)
  console.log(
    `[quickstart] SKIPPED: ${missing.join(', ')} not on PATH: the page's shell steps cannot run here`,
  );
const maybe = missing.length ? it.skip : it;

describe('docs/quickstart.md', () => {
  let t: TestApp;
  let source: TestDatabase & { tables: string[] };
  let work: string;
  const email = `quickstart-${Date.now()}@example.com`;

  beforeAll(async () => {
    source = await createSourceDatabase(500);
    t = await startTestApp({ PLATFORM_ADMIN_EMAILS: email, STORAGE_LOCAL_DEFAULT: 'true' });
    // Signed download links name the public URL; the test app listens on a random port.
    t.config.publicUrl = t.baseUrl;
    work = mkdtempSync(path.join(os.tmpdir(), 'offsite-quickstart-'));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    const admin = new pg.Client({
      connectionString: process.env.OFFSITE_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL,
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${source.name}_restored" WITH (FORCE)`);
    await admin.end();
    await source?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('has the ten requests of its title', () => {
    expect(script.match(/json (-X POST )?"\$BASE/g)?.length).toBeGreaterThanOrEqual(10);
  });

  maybe(
    'runs as written: backup, download with sha256sum -c, restore, identical copy',
    async () => {
      const db = new URL(source.url);
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        BASE: `${t.baseUrl}/api/v1`,
        EMAIL: email,
        DB_HOST: db.hostname,
        DB_PORT: db.port || '5432',
        DB_NAME: source.name,
        DB_USER: decodeURIComponent(db.username) || 'postgres',
        DB_PASSWORD: decodeURIComponent(db.password),
        FILESTORES: path.join(t.config.dataDir, 'filestores'),
      };
      const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('restored copy is identical') });
      expect(out).toMatch(/database\.sql\.gz: OK/);
      expect(out).toMatch(/filestore\.tar\.gz: OK/);
      expect(out).toMatch(/metadata\.json: OK/);
    },
    120_000,
  );
});
