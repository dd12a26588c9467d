import { NestFactory } from '@nestjs/core';
import path from 'node:path';
import { Logger } from 'nestjs-pino';
import { QuietFrameworkLogger } from './common/logging/framework-logger.js';
import { createHttpApp } from './app.factory.js';
import { AppModule } from './app.module.js';
import {
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
  type RunningPostgres,
} from './common/database/embedded-postgres.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';

export type Role = 'all' | 'worker';

export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(1);
    }
    throw err;
  }
}

/** DATABASE_URL when set, else the embedded PostgreSQL under OFFSITE_DATA_DIR/pg (started here, stopped with the app). */
export async function resolveDatabase(
  config: AppConfig,
  opts: { reuseRunning?: boolean } = {},
): Promise<{ url: string; embedded?: RunningPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  // CLI commands next to a running `npm start` use its embedded server (and leave it running).
  const running = opts.reuseRunning ? runningEmbeddedPostgres(path.join(config.dataDir, 'pg')) : undefined;
  if (running) return { url: running.url };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort || undefined,
  });
  return { url: embedded.url, embedded };
}

export async function runServer({ role }: { role: Role }): Promise<void> {
  const config = loadConfigOrExit();
  if (role === 'worker') config.workerEnabled = true;
  const db = await resolveDatabase(config);
  const app =
    role === 'all'
      ? await createHttpApp(config, db.url)
      : await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { bufferLogs: true });
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nOffsite: ${signal} received, shutting down…\n`);
    try {
      await app.close();
    } finally {
      await db.embedded?.stop();
      process.stdout.write('Offsite stopped\n');
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const dbLine = db.embedded
    ? `embedded PostgreSQL at 127.0.0.1:${db.embedded.port} (data in ${path.join(config.dataDir, 'pg')})`
    : `PostgreSQL from DATABASE_URL (${new URL(db.url).host})`;
  if (role === 'all') {
    await (app as Awaited<ReturnType<typeof createHttpApp>>).listen(config.port, config.host);
    const address = (app as Awaited<ReturnType<typeof createHttpApp>>).getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const base = config.publicUrl.replace(/:\d+$/, `:${port}`);
    process.stdout.write(
      [
        '',
        `Offsite is up (API${config.workerEnabled ? ' + worker' : ''}, ${config.nodeEnv}, Node ${process.versions.node})`,
        `  API:      ${base}/api/v1`,
        `  API docs: ${
          config.http.apiDocs === 'off'
            ? 'off (API_DOCS=off; the document is openapi.json in the repository)'
            : `${base}/api/docs${config.http.apiDocs === 'admin' ? ' (platform administrators only)' : ''}`
        }`,
        `  Health:   ${base}/api/v1/health/ready`,
        `  Database: ${dbLine}`,
        `  Storage:  local platform storage in ${config.storage.localDir}`,
        ...(config.credentialsKeysGenerated
          ? [
              `  WARNING:  CREDENTIALS_KEYS is not set: stored credentials are encrypted with a development key kept in`,
              `            ${config.dataDir}/credentials-keys. Set CREDENTIALS_KEYS for any real deployment.`,
            ]
          : []),
        '',
      ].join('\n') + '\n',
    );
  } else {
    await app.init();
    process.stdout.write(`Offsite worker is up; database: ${dbLine}\n`);
  }
}
