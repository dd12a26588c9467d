import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 400 naming the path or query parameter that is not a UUID. */
export function notAUuid(name: string): DomainError {
  return new DomainError('validation_failed', `Invalid request: ${name}: must be a UUID`, {
    errors: [{ field: name, messages: [`${name} must be a UUID`] }],
  });
}

/** Path ids are UUIDs; anything else is a 400 naming the parameter (the document says `format: uuid`). */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    if (!UUID_PATTERN.test(value)) throw notAUuid(metadata?.data ?? 'id');
    return value.toLowerCase();
  }
}
