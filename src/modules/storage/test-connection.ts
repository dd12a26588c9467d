import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { resolveGuarded } from './endpoint-rules.js';
import { StorageError, isStorageError, mapNetworkError, timeoutError } from './storage-errors.js';
import type { StorageDriver, TestConnectionReport, TestStep, TestStepStatus } from './storage-driver.js';

/** What a driver contributes to the shared step runner; each hook returns the step's detail or throws. */
export interface TestConnectionHooks {
  configuration: string;
  /** DNS / TCP / TLS; returns the round-trip time used as latency_ms. */
  connectivity(signal?: AbortSignal): Promise<{ detail: string; latencyMs: number }>;
  authenticate(signal?: AbortSignal): Promise<string>;
  /** Bucket or base directory exists (and is accessible). */
  container(signal?: AbortSignal): Promise<string>;
  /** S3 family: two-part multipart upload of a second probe; register it with track(). */
  multipart?(key: string, track: (key: string) => void, signal?: AbortSignal): Promise<string>;
  presignedGet?(key: string, expected: Buffer, signal?: AbortSignal): Promise<string>;
  presignedPut?(key: string, track: (key: string) => void, signal?: AbortSignal): Promise<string>;
  /** Runs after everything (success or not); may return a replacement summary message. */
  successMessage?(): string;
}

export const probeName = (now = Date.now()): string => `test-connection-${now}.txt`;

function errorStep(name: string, started: number, err: unknown): TestStep {
  const se = isStorageError(err)
    ? err
    : new StorageError('unknown', err instanceof Error ? err.message : String(err), { cause: err });
  return {
    name,
    status: 'failed',
    duration_ms: Date.now() - started,
    detail: se.message,
    code: se.code,
    ...(se.hint ? { hint: se.hint } : {}),
  };
}

export function skippedStep(name: string, detail: string): TestStep {
  return { name, status: 'skipped', duration_ms: 0, detail };
}

/** A report for a configuration that could not even build a driver. */
export function configurationFailedReport(
  provider: TestConnectionReport['provider'],
  err: unknown,
): TestConnectionReport {
  const step = errorStep('configuration', Date.now(), err);
  return {
    success: false,
    message: `Connection failed: ${step.detail}`,
    bucket_exists: null,
    can_write: null,
    can_read: null,
    latency_ms: null,
    provider,
    steps: [step],
  };
}

/**
 * The step runner shared by all drivers: configuration, connectivity, authentication, bucket,
 * write probe, (multipart), read back, (presigned GET/PUT), delete, cleanup verified. After a
 * failure the remaining steps are skipped, except that whatever was written is always deleted and
 * the deletion verified.
 */
export async function runTestConnection(
  driver: StorageDriver,
  pathPrefix: string,
  hooks: TestConnectionHooks,
  extras: Partial<TestConnectionReport>,
  signal?: AbortSignal,
  light = false,
): Promise<TestConnectionReport> {
  const steps: TestStep[] = [];
  const written = new Set<string>();
  const track = (key: string) => written.add(key);
  let failedAt: string | undefined;
  let latencyMs: number | null = null;
  const statusOf = (name: string): TestStepStatus | undefined => steps.find((s) => s.name === name)?.status;

  const step = async (
    name: string,
    fn: (() => Promise<string>) | undefined,
    always = false,
    whyNot = `not applicable to ${driver.provider}`,
  ) => {
    if (!fn) {
      steps.push(skippedStep(name, failedAt && !always ? `skipped because "${failedAt}" failed` : whyNot));
      return;
    }
    if (failedAt && !always) {
      steps.push(skippedStep(name, `skipped because "${failedAt}" failed`));
      return;
    }
    const started = Date.now();
    try {
      const detail = await fn();
      steps.push({ name, status: 'passed', duration_ms: Date.now() - started, detail });
    } catch (err) {
      steps.push(errorStep(name, started, err));
      failedAt ??= name;
    }
  };

  const probeKey = pathPrefix + probeName();
  const content = Buffer.from(
    `Offsite storage test ${new Date().toISOString()} ${randomBytes(8).toString('hex')}\n`,
  );

  steps.push({ name: 'configuration', status: 'passed', duration_ms: 0, detail: hooks.configuration });
  await step('connectivity', async () => {
    const r = await hooks.connectivity(signal);
    latencyMs = r.latencyMs;
    return r.detail;
  });
  await step('authentication', () => hooks.authenticate(signal));
  await step('bucket exists', () => hooks.container(signal));
  await step('write probe', async () => {
    track(probeKey);
    const r = await driver.upload(probeKey, Readable.from([content]), {
      contentLength: content.length,
      contentType: 'text/plain',
      signal,
    });
    return `wrote ${probeKey} (${r.size} bytes)`;
  });
  const lightSkip = 'not part of the light health probe';
  const multipart = light ? undefined : hooks.multipart;
  await step(
    'multipart upload',
    multipart && (() => multipart(probeKey.replace(/\.txt$/, '-multipart.bin'), track, signal)),
    false,
    light ? lightSkip : undefined,
  );
  await step('read back', async () => {
    const stream = await driver.download(probeKey, { signal });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const got = Buffer.concat(chunks);
    if (!got.equals(content)) {
      throw new StorageError(
        'unknown',
        `The probe read back differs from what was written (${got.length} bytes).`,
      );
    }
    return `read ${got.length} bytes, content matches`;
  });
  const get = light ? undefined : hooks.presignedGet;
  await step(
    'presigned GET',
    get && (() => get(probeKey, content, signal)),
    false,
    light ? lightSkip : undefined,
  );
  const put = light ? undefined : hooks.presignedPut;
  await step(
    'presigned PUT',
    put && (() => put(probeKey.replace(/\.txt$/, '-presigned.txt'), track, signal)),
    false,
    light ? lightSkip : undefined,
  );

  const anyWritten = statusOf('write probe') !== undefined && statusOf('write probe') !== 'skipped';
  await step(
    'delete',
    anyWritten
      ? async () => {
          for (const key of written) await driver.delete(key, { signal });
          return `deleted ${written.size} probe object${written.size === 1 ? '' : 's'}`;
        }
      : undefined,
    true,
    'nothing was written',
  );
  await step(
    'cleanup verified',
    anyWritten
      ? async () => {
          const left: string[] = [];
          for (const key of written) if (await driver.stat(key, { signal })) left.push(key);
          if (left.length) {
            throw new StorageError(
              'unknown',
              `Probe objects are still present after delete: ${left.join(', ')}`,
              {
                hint: 'Deletes are not taking effect (versioning, object lock or a policy that denies DeleteObject?).',
              },
            );
          }
          return 'no probe object left behind';
        }
      : undefined,
    true,
    'nothing was written',
  );

  const failed = steps.find((s) => s.status === 'failed');
  const resultOf = (name: string): boolean | null => {
    const s = statusOf(name);
    return s === 'passed' ? true : s === 'failed' ? false : null;
  };
  const bucketStep = steps.find((s) => s.name === 'bucket exists');
  return {
    success: !failed,
    message: failed
      ? `Connection failed: ${failed.detail}`
      : (hooks.successMessage?.() ?? 'Connection successful'),
    bucket_exists:
      bucketStep?.status === 'passed'
        ? true
        : bucketStep?.code === 'bucket_not_found' || bucketStep?.code === 'not_found'
          ? false
          : null,
    can_write: resultOf('write probe'),
    can_read: resultOf('read back'),
    latency_ms: latencyMs,
    provider: driver.provider,
    steps,
    ...extras,
  };
}

export interface SocketProbe {
  host: string;
  port: number;
  tls: boolean;
  ca?: string;
  timeoutMs: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
}

/** DNS (with the private-address guard), TCP and optionally TLS handshake; returns the connect time. */
export async function probeSocket(p: SocketProbe): Promise<{ detail: string; latencyMs: number }> {
  const address = await resolveGuarded(p.host, p.allowPrivate);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const socket = p.tls
      ? tls.connect({
          host: address,
          port: p.port,
          servername: net.isIP(p.host) ? undefined : p.host,
          ca: p.ca ? [...tls.rootCertificates, p.ca] : undefined,
        })
      : net.connect({ host: address, port: p.port });
    const done = (err?: unknown) => {
      clearTimeout(timer);
      p.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (err) reject(mapNetworkError(err, []) ?? err);
      else resolve();
    };
    const onAbort = () => done(p.signal?.reason);
    const timer = setTimeout(
      () => done(timeoutError(`Connecting to ${p.host}:${p.port}`, p.timeoutMs)),
      p.timeoutMs,
    );
    p.signal?.addEventListener('abort', onAbort);
    socket.once(p.tls ? 'secureConnect' : 'connect', () => done());
    socket.once('error', done);
  });
  const latencyMs = Date.now() - started;
  return {
    detail: `${p.tls ? 'TLS' : 'TCP'} connection to ${p.host}:${p.port}${address !== p.host ? ` (${address})` : ''} in ${latencyMs} ms`,
    latencyMs,
  };
}
