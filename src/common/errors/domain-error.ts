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

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'DomainError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found.`);
