import type { RawServerDefault } from 'fastify';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOverrides } from './app.module.js';
import { recordFastifyRoutes } from './common/auth/route-inventory.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { secureHttpServer, serverTimeouts } from './common/http/http-server.js';
import { jsonBodyParser } from './common/http/json-body.js';
import { installRequestLimits } from './common/http/request-limits.js';
import { RequestValidationPipe } from './common/http/request-validation.pipe.js';
import { genRequestId } from './common/logging/logging.js';
import { QuietFrameworkLogger } from './common/logging/framework-logger.js';
import { buildOpenApiDocument, serveApiDocs } from './common/openapi/openapi.js';
import type { AppConfig } from './config/config.js';
import { AccessTokensService } from './modules/identity/access-tokens.service.js';
import { installMetrics } from './modules/metrics/metrics-endpoint.js';

/** Builds the HTTP application (routes under /api/v1, problem+json errors, OpenAPI at /api/docs per API_DOCS). Used by main and by the e2e tests. */
export async function createHttpApp(
  config: AppConfig,
  databaseUrl: string,
  overrides: AppOverrides = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: genRequestId,
    // Forwarded headers are trusted only as TRUSTED_PROXY_HEADER says (src/common/http/client-address.ts).
    trustProxy: false,
    ...serverTimeouts(config.http),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, overrides),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));
  recordFastifyRoutes(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const fastify = app.getHttpAdapter().getInstance();
  await secureHttpServer(app, config.http);
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: config.bodyLimitBytes },
    jsonBodyParser(fastify),
  );
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await installRequestLimits(app, config);
  installMetrics(app, config);
  serveApiDocs(app, buildOpenApiDocument(app), config.http.apiDocs, async (req) => {
    const principal = await app.get(AccessTokensService).authenticate(req);
    return principal.isPlatformAdmin;
  });
  return app;
}
