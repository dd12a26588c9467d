import type { RawServerDefault } from 'fastify';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { recordFastifyRoutes } from './common/auth/route-inventory.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { jsonBodyParser } from './common/http/json-body.js';
import { RequestValidationPipe } from './common/http/request-validation.pipe.js';
import { genRequestId } from './common/logging/logging.js';
import { buildOpenApiDocument } from './common/openapi/openapi.js';
import type { AppConfig } from './config/config.js';

/** Builds the HTTP application (routes under /api/v1, problem+json errors, OpenAPI at /api/docs). Used by main and by the e2e tests. */
export async function createHttpApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: genRequestId,
    trustProxy: config.nodeEnv === 'production',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  recordFastifyRoutes(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: config.bodyLimitBytes },
    jsonBodyParser(fastify),
  );
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
  return app;
}
