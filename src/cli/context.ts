import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../app.factory.js';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../config/config.js';
import { loadConfigOrExit, resolveDatabase } from '../server.js';

/** Runs fn inside the same Nest modules as the server (no HTTP, no job worker), then shuts down. */
export async function withAppContext<T>(
  overrides: Partial<AppConfig>,
  fn: (ctx: INestApplicationContext, config: AppConfig) => Promise<T>,
): Promise<T> {
  const config = { ...loadConfigOrExit(), workerEnabled: false, ...overrides };
  config.log = { ...config.log, level: 'warn' };
  const db = await resolveDatabase(config, { reuseRunning: true });
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), {
    logger: ['error', 'warn'],
  });
  try {
    return await fn(ctx, config);
  } finally {
    await ctx.close();
    await db.embedded?.stop();
  }
}

/** Builds the HTTP app without listening (e.g. to generate the OpenAPI document). */
export async function withHttpApp<T>(fn: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  const config = { ...loadConfigOrExit(), workerEnabled: false };
  config.log = { ...config.log, level: 'warn' };
  const db = await resolveDatabase(config, { reuseRunning: true });
  const app = await createHttpApp(config, db.url);
  try {
    return await fn(app);
  } finally {
    await app.close();
    await db.embedded?.stop();
  }
}
