import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CodedError, HTTP_STATUS, type FieldError } from './domain-error.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  code?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

export function problemType(code: string): string {
  return `urn:offsite:problem:${code}`;
}

/** Turns any thrown value into an RFC 9457 problem. Unknown errors never leak their message or stack. */
export function toProblem(
  err: unknown,
  requestId?: string,
): { problem: Problem; headers: Record<string, string> } {
  let status = 500;
  let code = 'internal';
  let detail = `An unexpected error occurred. Quote request id ${requestId ?? 'n/a'} when reporting it.`;
  let headers: Record<string, string> = {};
  let extras: Record<string, unknown> = {};

  if (err instanceof CodedError) {
    const view = err.httpView();
    status = HTTP_STATUS[view.code];
    code = view.code;
    detail = view.detail;
    const { headers: h, ...rest } = view.extras;
    headers = h ?? {};
    extras = rest;
  } else if (err instanceof HttpException) {
    status = err.getStatus();
    code = CODES_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
    const body = err.getResponse();
    if (status < 500) {
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      detail = Array.isArray(message) ? message.join('; ') : String(message ?? err.message);
    }
  } else if (isFastifyClientError(err)) {
    status = err.statusCode;
    code = CODES_BY_STATUS[status] ?? 'bad_request';
    detail = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'Request body is too large.' : err.message;
  }

  const problem: Problem = {
    type: problemType(code),
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    detail,
    code,
    ...extras,
  };
  if (requestId) problem.request_id = requestId;
  return { problem, headers };
}

function isFastifyClientError(err: unknown): err is { statusCode: number; code?: string; message: string } {
  const e = err as { statusCode?: unknown; code?: unknown };
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_')
  );
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw err;
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, headers } = toProblem(err, req.id);
    if (problem.status >= 500) {
      this.logger.error({ err, request_id: req.id }, 'Unhandled error');
    }
    sendProblem(reply, problem, headers);
  }
}

export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  reply
    .status(problem.status)
    .header('content-type', 'application/problem+json')
    .send(JSON.stringify(problem));
}
