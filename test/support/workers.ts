import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestApp } from './app.js';

const DIST = process.env.JEST_DIST ?? 'dist-test';

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL, resolved once it has exited. */
  kill(): Promise<void>;
}

/**
 * A separate `worker.js` process on the test app's database (as `npm run worker` runs it), resolved
 * once it printed that it is up. `env` adds to or overrides the defaults (e.g. heartbeat, retries).
 */
export async function startWorker(
  t: TestApp,
  opts: { dataDir: string; env?: Record<string, string> },
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(DIST, 'src/worker.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: t.db.url,
      MIGRATIONS_RUN: 'false',
      CREDENTIALS_KEYS: t.config.credentialsKeys,
      JWT_SECRET: 'worker-secret-worker-secret-worker-secret-0123',
      OFFSITE_DATA_DIR: opts.dataDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const onData = (d: Buffer) => (out += d.toString());
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  // How long a start may take is not what these tests check; on a loaded 2-core machine a
  // worker has been seen taking 26 s to reach its config validation alone.
  const deadline = Date.now() + 120_000;
  while (!out.includes('Offsite worker is up')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null)
        await new Promise((r) => child.once('exit', r));
    },
  };
}
