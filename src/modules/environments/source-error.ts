import { CodedError, type HttpView } from '../../common/errors/domain-error.js';

/**
 * A failure on the source side of a backup (the environment's database or filestore), with the
 * code the backup row records. Storage failures keep the provider layer's StorageError codes.
 */
export const SOURCE_ERROR_CODES = [
  'auth_failed',
  'endpoint_unreachable',
  'dns_failed',
  'timeout',
  'tls_failed',
  'not_found',
  'dump_failed',
  'pg_dump_too_old',
  'filestore_unreadable',
  'source_forbidden',
] as const;

export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number];

/** Reaching an HTTP response: 400 with `error_code` (the source is the caller's to fix). */
export class SourceError extends CodedError {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SourceError';
  }

  httpView(): HttpView {
    return { code: 'bad_request', detail: this.message, extras: { error_code: this.code } };
  }
}

/** Anything thrown while checking a source, as the SourceError a report or a backup row records. */
export function asSourceError(err: unknown): SourceError {
  return err instanceof SourceError ? err : new SourceError('dump_failed', (err as Error).message);
}
