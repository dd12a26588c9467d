import { CodedError, type HttpView } from '../../common/errors/domain-error.js';

/**
 * Every driver error is mapped to one of these codes, with a human message and a fix hint.
 * The raw provider message is kept (redacted) in `providerMessage` for logs; secrets never appear
 * in message, hint or providerMessage.
 */
export const STORAGE_ERROR_CODES = [
  'auth_failed',
  'access_denied',
  /** A key limited to its buckets: it may not list buckets, so they have to be named in the config. */
  'scoped_key',
  'bucket_not_found',
  'region_mismatch',
  'endpoint_unreachable',
  'dns_failed',
  'tls_failed',
  'timeout',
  'aborted',
  'not_found',
  'quota_exceeded',
  'endpoint_forbidden',
  'host_key_mismatch',
  'not_supported',
  'invalid_config',
  'unknown',
] as const;

export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

export interface StorageErrorOptions {
  hint?: string;
  cause?: unknown;
  providerMessage?: string;
  /** e.g. the region the server expects, the observed host key fingerprint. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * A storage failure. Reaching an HTTP response it is the caller's to fix (a config, an endpoint, a
 * key): 400 with `storage_error_code`, the message and the hint.
 */
export class StorageError extends CodedError {
  readonly hint: string | undefined;
  readonly providerMessage: string | undefined;
  readonly details: Record<string, string | number | boolean | null>;

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options: StorageErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.hint = options.hint;
    this.providerMessage = options.providerMessage;
    this.details = options.details ?? {};
  }

  httpView(): HttpView {
    return {
      code: 'bad_request',
      detail: `${this.message}${this.hint ? ` ${this.hint}` : ''}`,
      extras: { storage_error_code: this.code },
    };
  }
}

export const isStorageError = (err: unknown, code?: StorageErrorCode): err is StorageError =>
  err instanceof StorageError && (code === undefined || err.code === code);

/** Replaces every occurrence of the given secrets (and their URL-encoded forms) by `***`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

const NETWORK_CODES: Record<string, StorageErrorCode> = {
  ECONNREFUSED: 'endpoint_unreachable',
  ECONNRESET: 'endpoint_unreachable',
  EPIPE: 'endpoint_unreachable',
  EHOSTUNREACH: 'endpoint_unreachable',
  ENETUNREACH: 'endpoint_unreachable',
  ECONNABORTED: 'endpoint_unreachable',
  ERR_STREAM_PREMATURE_CLOSE: 'endpoint_unreachable',
  ERR_SOCKET_CLOSED: 'endpoint_unreachable',
  ENOTFOUND: 'dns_failed',
  EAI_AGAIN: 'dns_failed',
  EAI_NONAME: 'dns_failed',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls_failed',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls_failed',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls_failed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls_failed',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls_failed',
  CERT_HAS_EXPIRED: 'tls_failed',
  CERT_NOT_YET_VALID: 'tls_failed',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls_failed',
  EPROTO: 'tls_failed',
};

const NETWORK_MESSAGES: Partial<Record<StorageErrorCode, [string, string]>> = {
  endpoint_unreachable: [
    'The storage server could not be reached or closed the connection',
    'Check the host and port, that the server is running and that a firewall allows connections from Offsite.',
  ],
  dns_failed: [
    'The storage host name could not be resolved',
    'Check the spelling of the endpoint / host name.',
  ],
  timeout: [
    'The storage server did not answer in time',
    'Check that the server is reachable and not overloaded; the operation timeout can be raised.',
  ],
  tls_failed: [
    'The TLS connection to the storage server failed (certificate or protocol)',
    'The server needs a certificate valid for its host name and signed by a trusted CA; check the endpoint URL and port.',
  ],
};

function errorCodeOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in NETWORK_CODES) return code;
    e = (e as { cause?: unknown }).cause;
  }
  // Some wrappers keep only the text (e.g. the AWS SDK wrapping a non-Error from another realm).
  const message = (err as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' ? message : typeof err === 'string' ? err : '';
  for (const m of text.matchAll(/\b([A-Z][A-Z0-9_]{3,})\b/g)) if (m[1] in NETWORK_CODES) return m[1];
  return undefined;
}

/**
 * Maps node-level network errors (socket codes, TLS certificate errors) to a StorageError, or
 * returns undefined when the error is not a network error. Drivers call it before their own mapping.
 */
export function mapNetworkError(
  err: unknown,
  secrets: readonly (string | undefined)[],
): StorageError | undefined {
  if (err instanceof StorageError) return err;
  const code = errorCodeOf(err);
  if (!code) return undefined;
  const mapped = NETWORK_CODES[code];
  const [message, hint] = NETWORK_MESSAGES[mapped] ?? ['Network error', undefined];
  return new StorageError(mapped, `${message} (${code}).`, {
    hint,
    cause: err,
    providerMessage: redact(err instanceof Error ? err.message : String(err), secrets),
  });
}

export function abortedError(cause?: unknown): StorageError {
  return new StorageError('aborted', 'The storage operation was cancelled.', { cause });
}

export function timeoutError(what: string, ms: number, cause?: unknown): StorageError {
  return new StorageError('timeout', `${what} did not complete within ${Math.round(ms / 1000)} s.`, {
    hint: NETWORK_MESSAGES.timeout?.[1],
    cause,
  });
}

export function notSupported(what: string, provider: string): StorageError {
  return new StorageError('not_supported', `${what} is not supported by the ${provider} provider.`);
}

export function invalidConfig(message: string, hint?: string): StorageError {
  return new StorageError('invalid_config', message, { hint });
}
