import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const distDir = path.resolve(process.env.JEST_DIST ?? 'dist-test');

interface Started {
  child: ChildProcess;
  output: () => string;
  apiUrl: string;
}

/** Starts an entry point the way `npm start` does and waits for its banner line. */
function startEntry(entry: string, env: Record<string, string>, banner: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(distDir, 'src', entry)], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no banner within 45 s:\n${out}`)), 45_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = banner.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, output: () => out, apiUrl: m[1] ?? '' });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('entry points', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'offsite-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on the embedded PostgreSQL with no configuration, and again after being SIGKILLed', async () => {
    const env = { OFFSITE_DATA_DIR: dataDir, PORT: '0' };
    const first = await startEntry('main.js', { ...env, API_DOCS: 'off' }, /Storage:.*\n/);
    expect(first.output()).toMatch(/embedded PostgreSQL at 127\.0\.0\.1:\d+/);
    // The banner does not advertise docs that are not served.
    expect(first.output()).toMatch(/API docs: off \(API_DOCS=off/);
    first.apiUrl = /API:\s+(\S+)\n/.exec(first.output())![1]!;
    const ready = await fetch(`${first.apiUrl}/health/ready`);
    expect(ready.status).toBe(200);

    // A SIGKILLed app leaves its postmaster running; the next start must recover, not fail.
    first.child.kill('SIGKILL');
    await exited(first.child);
    // At info level: Nest's route mapping must still stay out of the way, and the banner come last.
    const second = await startEntry('main.js', { ...env, LOG_LEVEL: 'info' }, /API:\s+(\S+)\n/);
    await new Promise((r) => setTimeout(r, 500));
    const atStart = second.output();
    expect(atStart).toMatch(/API docs: http:\/\/127\.0\.0\.1:\d+\/api\/docs\n/);
    expect(atStart).not.toMatch(/Mapped \{/);
    expect(atStart.trimEnd().split('\n').pop()).toMatch(/^ {2}(Storage|WARNING| )/);
    const live = await fetch(`${second.apiUrl}/health`);
    expect(live.status).toBe(200);

    // The CLI works next to the running server, on its embedded database (no restart needed).
    const email = `grant-${Date.now()}@example.com`;
    const reg = await fetch(`${second.apiUrl}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Grant' }),
    });
    expect(reg.status).toBe(201);
    const cli = spawn(process.execPath, [path.join(distDir, 'src', 'cli.js'), 'admin:grant', email], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', OFFSITE_DATA_DIR: dataDir },
    });
    let cliOut = '';
    cli.stdout.on('data', (d: Buffer) => (cliOut += d.toString()));
    cli.stderr.on('data', (d: Buffer) => (cliOut += d.toString()));
    expect([await exited(cli), cliOut]).toEqual([0, expect.stringContaining(email)]);
    expect((await fetch(`${second.apiUrl}/health/ready`)).status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    const all = second.output();
    expect(all.trimEnd().split('\n').pop()).toBe('Offsite stopped');
    // Output is a pipe here, not a terminal: no colour codes, and no pg internals on the way out.
    expect(all).not.toMatch(/\u001b\[/);
    expect(all).not.toMatch(/pg-boss error|Client \{/);
  }, 120_000);

  it('refuses to start with a message listing every bad variable', async () => {
    const child = spawn(process.execPath, [path.join(distDir, 'src', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', PORT: 'x', WORKER_ENABLED: 'perhaps', OFFSITE_DATA_DIR: dataDir },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(child)).toBe(1);
    expect(err).toMatch(/Invalid configuration \(2 problems\)/);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/WORKER_ENABLED/);
  });

  it('runs a worker-only process against DATABASE_URL', async () => {
    const url = process.env.OFFSITE_TEST_ADMIN_URL!;
    const worker = await startEntry(
      'worker.js',
      { DATABASE_URL: url, OFFSITE_DATA_DIR: dataDir },
      /worker is up()/,
    );
    expect(worker.output()).toMatch(/PostgreSQL from DATABASE_URL/);
    worker.child.kill('SIGTERM');
    expect(await exited(worker.child)).toBe(0);
  }, 60_000);

  it('prints CLI help', async () => {
    const child = spawn(process.execPath, [path.join(distDir, 'src', 'cli.js'), '--help'], {
      env: { PATH: process.env.PATH ?? '', OFFSITE_DATA_DIR: dataDir },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    expect(await exited(child)).toBe(0);
    expect(out).toMatch(/migration:run/);
    expect(out).toMatch(/openapi/);
  });
});
