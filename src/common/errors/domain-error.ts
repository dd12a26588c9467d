/**
 * Domain errors are thrown by services shared by HTTP and jobs. The mapping to HTTP status lives
 * in one table (HTTP_STATUS below) and is applied by the global problem+json filter.
 */
export const HTTP_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

export interface FieldError {
  field: string;
  messages: string[];
}

/** How an error shows in an HTTP response: a code of HTTP_STATUS, the detail and extra problem members. */
export interface HttpView {
  code: ErrorCode;
  detail: string;
  extras: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown };
}

/**
 * The base of every error with a code that services shared by HTTP and jobs throw: domain errors,
 * and the storage, source and restore failures that jobs record by code. Each says once how HTTP
 * shows it; the problem filter applies that, so no call site converts one into another by hand.
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;
  abstract httpView(): HttpView;
}

export class DomainError extends CodedError {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'DomainError';
  }

  httpView(): HttpView {
    return { code: this.code, detail: this.detail, extras: this.extras };
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found.`);
