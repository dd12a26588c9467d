import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHttpApp } from '../../src/app.factory.js';
import type { AppOverrides } from '../../src/app.module.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** fetch against /api/v1; JSON bodies are encoded; the parsed body is returned as `body`. */
  request(
    method: string,
    path: string,
    opts?: { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string },
  ): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  close(): Promise<void>;
}

/** The real app, on a fresh database, listening on 127.0.0.1:<random>. */
export async function startTestApp(
  env: Record<string, string> = {},
  configure: (c: AppConfig) => void = () => undefined,
  /** Reuse another app's database (e.g. a restart with other settings); it is then not dropped by close(). */
  sharedDb?: TestDatabase,
  /** e.g. `{ clock: new FakeClock('2026-01-01T00:00:00Z') }` to drive time-based work without sleeping. */
  overrides: AppOverrides = {},
): Promise<TestApp> {
  const db = sharedDb ?? (await createTestDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    OFFSITE_DATA_DIR: dataDir,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    STORAGE_LOCAL_DEFAULT: 'false',
    // Every test request comes from 127.0.0.1, quickly: the limits stay on, out of the way. Tests of
    // the limits set their own.
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_TOKEN: '1000000',
    LOGIN_ADDRESS_MAX_FAILURES: '100000',
    // TEST_CODEC_ENGINE=in-process runs the backup and restore suites on Node's zlib instead of the
    // pigz / zstd binaries (the fallback of a machine without them)
    CODEC_ENGINE: process.env.TEST_CODEC_ENGINE ?? 'auto',
    ...env,
  });
  configure(config);
  const app = await createHttpApp(config, db.url, overrides);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    db,
    baseUrl,
    async request(method, p, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.body);
      }
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const res = await fetch(`${baseUrl}/api/v1${p}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    async close() {
      await app.close();
      if (!sharedDb) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
