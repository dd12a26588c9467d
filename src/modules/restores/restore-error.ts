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

export class RestoreError extends Error {
  constructor(
    readonly code: RestoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RestoreError';
  }
}
