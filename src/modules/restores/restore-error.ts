import { CodedError, type HttpView } from '../../common/errors/domain-error.js';

/** A failure of a restore or verification with the code the restores row records. */
export const RESTORE_ERROR_CODES = [
  'integrity_failed',
  'load_failed',
  'unsafe_archive',
  'archive_invalid',
  'target_not_empty',
  'target_unwritable',
  'verification_failed',
] as const;

export type RestoreErrorCode = (typeof RESTORE_ERROR_CODES)[number];

/** Reaching an HTTP response: 409 for a non-empty target, otherwise 400, with `error_code`. */
export class RestoreError extends CodedError {
  constructor(
    readonly code: RestoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RestoreError';
  }

  httpView(): HttpView {
    return {
      code: this.code === 'target_not_empty' ? 'conflict' : 'bad_request',
      detail: this.message,
      extras: { error_code: this.code },
    };
  }
}
