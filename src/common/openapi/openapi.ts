import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ApiDocsAccess } from '../../config/config.js';
import { DomainError } from '../errors/domain-error.js';
import { sendProblem, toProblem } from '../errors/problem.filter.js';
import { completeDocument } from './document-rules.js';

export const API_VERSION = '0.1.0';

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The spec served at /api/docs-json and committed as openapi.json: deterministic (sorted keys, stable operation ids). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Offsite API')
    .setDescription(
      'Multi-tenant backup storage: organizations bring their own S3-compatible, FTP(S) or SFTP storage and back up ' +
        'PostgreSQL databases and filestores onto it. Errors are RFC 9457 problem+json. Each operation names the ' +
        'permission it needs in `x-permission`.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return sortDeep(completeDocument(document)) as OpenAPIObject;
}

export function serializeOpenApi(document: OpenAPIObject): string {
  return JSON.stringify(document, null, 2) + '\n';
}

const DOCS_PATH = /^\/api\/docs(?:[/?-]|$)/;

/**
 * The UI at /api/docs and the document at /api/docs-json (and -yaml): for anyone (`public`), for
 * platform administrators presenting their bearer token (`admin`), or not served at all (`off`).
 * They are Fastify routes outside Nest, so the admin check is a hook rather than the access guard.
 */
export function serveApiDocs(
  app: NestFastifyApplication,
  document: OpenAPIObject,
  access: ApiDocsAccess,
  isPlatformAdmin: (req: FastifyRequest) => Promise<boolean>,
): void {
  if (access === 'off') return;
  if (access === 'admin') {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', async (req, reply) => {
        if (!DOCS_PATH.test(req.url)) return;
        try {
          if (!(await isPlatformAdmin(req))) {
            throw new DomainError('forbidden', 'The API documentation is for platform administrators.');
          }
        } catch (err) {
          const { problem, headers } = toProblem(err, req.id);
          sendProblem(reply, problem, headers);
          return reply;
        }
      });
  }
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
