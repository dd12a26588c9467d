import cors from '@fastify/cors';
import helmet from 'helmet';
import type { FastifyServerOptions } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../../config/config.js';

/** Fastify's connection timeouts from the configuration (the ones Fastify takes at construction). */
export function serverTimeouts(
  http: AppConfig['http'],
): Pick<FastifyServerOptions, 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout'> {
  return {
    requestTimeout: http.requestTimeoutMs,
    connectionTimeout: http.connectionTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
  };
}

/**
 * Security headers (helmet), CORS when origins are configured, and the limits Node's server takes
 * as properties: the headers timeout (Node closes a connection that sent no complete headers in
 * time, silent ones included) and the connection cap.
 */
export async function secureHttpServer(app: NestFastifyApplication, http: AppConfig['http']): Promise<void> {
  // helmet itself, built once: @fastify/helmet rebuilds helmet's middleware (parsing the CSP
  // directives again) on every request, about 2 % of the API's CPU per request (bench:api profile).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // An API is never framed; the only HTML is the docs UI (own scripts, inline styles).
        'frame-ancestors': ["'none'"],
        // Development serves plain http on 127.0.0.1, where upgrading would break the docs UI.
        'upgrade-insecure-requests': null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
    });
  if (http.corsOrigins.length) {
    await app.register(cors, {
      origin: http.corsOrigins.includes('*') ? '*' : http.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'idempotency-key', 'last-event-id'],
      exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition', 'idempotent-replayed'],
      // Bearer tokens, no cookies: credentials mode is never needed.
      credentials: false,
      maxAge: 600,
    });
  }
  const server = app.getHttpServer();
  server.headersTimeout = http.headersTimeoutMs;
  server.maxConnections = http.maxConnections;
}
