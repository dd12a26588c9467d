import type { RawServerDefault } from 'fastify';
import { ValidationError, ValidationPipe, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { recordFastifyRoutes } from './common/auth/route-inventory.js';
import { DomainError, type FieldError } from './common/errors/domain-error.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import {
  checkJsonText,
  checkParsedBody,
  controlCharError,
  fieldWithControlChars,
} from './common/http/body-guard.js';
import { installRequestLimits } from './common/http/request-limits.js';
import { genRequestId } from './common/logging/logging.js';
import { buildOpenApiDocument } from './common/openapi/openapi.js';
import type { AppConfig } from './config/config.js';

function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

const MAX_FIELD_ERRORS = 20;

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    // Bounded: a body with thousands of bad fields answers with the first few and a count.
    const all = flattenValidationErrors(errors);
    const fields = all.slice(0, MAX_FIELD_ERRORS);
    const more = all.length - fields.length;
    return new DomainError(
      'validation_failed',
      `Invalid request: ${fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      more > 0 ? { errors: fields, errors_omitted: more } : { errors: fields },
    );
  },
});

/** Builds the HTTP application (routes under /api/v1, problem+json errors, OpenAPI at /api/docs). Used by main and by the e2e tests. */
export async function createHttpApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: genRequestId,
    // Forwarded headers are trusted only as TRUSTED_PROXY_HEADER says (src/common/http/client-address.ts).
    trustProxy: false,
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
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ProblemFilter());
  const fastify = app.getHttpAdapter().getInstance();
  // Generated clients send `Content-Type: application/json` on bodyless POSTs (test, cancel,
  // verify): an empty body is no body, not a 400. Everything else goes to Fastify's safe parser.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: config.bodyLimitBytes },
    (req, body, done) => {
      if (body.length === 0) return done(null, undefined);
      const text = body.toString('utf8');
      try {
        checkJsonText(text);
      } catch (err) {
        return done(err as Error, undefined);
      }
      parseJson(req, text, (err: Error | null, parsed?: unknown) => {
        if (err) return done(err, undefined);
        try {
          checkParsedBody(parsed);
        } catch (e) {
          return done(e as Error, undefined);
        }
        done(null, parsed);
      });
    },
  );
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Query strings get the same control-character rule as bodies.
  fastify.addHook('preValidation', async (req) => {
    const field = fieldWithControlChars(req.query);
    if (field) throw controlCharError(field, 'query');
  });
  await installRequestLimits(app, config);
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
  return app;
}
