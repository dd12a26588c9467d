/**
 * The one RFC 9457 problem document every error answers with (application/problem+json), and the
 * reusable error responses that reference it. Extension members are listed so generated clients
 * type them; more may appear (additionalProperties).
 */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export const PROBLEM_SCHEMAS = {
  FieldError: {
    type: 'object',
    description: 'One invalid request field and what is wrong with it.',
    required: ['field', 'messages'],
    properties: {
      field: {
        type: 'string',
        description: 'Dotted path of the field (body, query or path parameter name).',
        example: 'bucket',
      },
      messages: { type: 'array', items: { type: 'string' }, example: ['bucket must be 3 to 63 characters'] },
    },
  },
  Problem: {
    type: 'object',
    description:
      'RFC 9457 problem details. `code` is the stable machine-readable error class; `type` is `urn:offsite:problem:<code>`.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    additionalProperties: true,
    properties: {
      type: { type: 'string', example: 'urn:offsite:problem:validation_failed' },
      title: { type: 'string', example: 'Bad Request' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
      detail: { type: 'string', example: 'Invalid request: bucket: bucket must be 3 to 63 characters' },
      instance: { type: 'string' },
      code: {
        type: 'string',
        description:
          'Error class: bad_request, validation_failed, unauthorized, forbidden, permission_denied, not_found, ' +
          'conflict, payload_too_large, unsupported_media_type, rate_limited, internal, unavailable (new classes may be added).',
        example: 'validation_failed',
      },
      request_id: { type: 'string', description: 'Quote it when reporting a problem.', example: 'req-1a' },
      errors: {
        type: 'array',
        description: 'validation_failed: the invalid fields (at most 20).',
        items: { $ref: '#/components/schemas/FieldError' },
      },
      errors_omitted: {
        type: 'integer',
        minimum: 1,
        description: 'validation_failed: how many more field errors were left out.',
      },
      permission: {
        type: 'string',
        description: 'permission_denied: the permission the caller lacks.',
        example: 'org.storage.create',
      },
      error_code: {
        type: 'string',
        description:
          'Backup source or storage failures: the error class (e.g. connection_refused, auth_failed).',
      },
      storage_error_code: {
        type: 'string',
        description:
          'Storage failures: the storage error class (e.g. auth_failed, bucket_not_found, timeout).',
        example: 'auth_failed',
      },
    },
  },
} as const;

const problemContent = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };

export { problemContent };

/** Default descriptions by status; an operation may declare its own text for the same status. */
export const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid request: a body field, query or path parameter breaks its rules (see `errors`).',
  '401': 'Missing, expired or invalid bearer token.',
  '403': 'The caller lacks the required permission (`permission` names it).',
  '404': 'Not found, or not a member of the organization.',
  '409': 'Conflicts with the current state of the resource.',
  idempotency:
    'The Idempotency-Key was used with a different request in the last 24 hours, or its first request is still being served.',
  '413': 'The request body is too large.',
  '429': 'Too many requests from this client address or token; retry after `Retry-After` seconds.',
  '500': 'Unexpected server error; quote `request_id`.',
};

export const RETRY_AFTER_HEADER = {
  description: 'Seconds to wait before retrying.',
  schema: { type: 'integer', minimum: 1 },
};
