import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, type FieldError } from '../errors/domain-error.js';

/** Field errors reported in one problem; the rest are counted in `errors_omitted`. */
export const MAX_FIELD_ERRORS = 20;
/** Items an array anywhere in a request may hold (our largest list, permissions, has ~30). */
export const MAX_ARRAY_ITEMS = 1000;
/** Fields an object anywhere in a request may have (our largest DTO has about 20). */
export const MAX_OBJECT_KEYS = 100;
const MAX_TEXT = 200;

/**
 * Control characters refused in every text value and key of bodies, queries and path parameters:
 * C0 except tab, line feed and carriage return, DEL, and C1. PostgreSQL refuses NUL outright, and
 * the others have no business in names, hosts or notes but can rewrite a terminal or a log line.
 * Tab and line breaks are allowed everywhere (notes and descriptions are multi-line text); fields
 * that must be one line say so in their own format rules.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const SCALAR_TYPES: unknown[] = [String, Number, Boolean, Array, Object, Buffer, Date];

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
const fieldPath = (parent: string, key: string | number) => clip(parent ? `${parent}.${key}` : String(key));

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', `Invalid request: ${field}: ${message}`, {
    errors: [{ field, messages: [message] }],
  });
}

/**
 * Walks a request value (already depth-limited by the JSON parser) and refuses control characters
 * in strings and keys, and oversized arrays and objects, naming the field. Every field of every route is covered,
 * including ones added later, without a decorator on each.
 */
export function checkRequestValue(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARS.test(value)) throw invalid(path || 'body', 'must not contain control characters');
  } else if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ITEMS) {
      throw invalid(path || 'body', `must not contain more than ${MAX_ARRAY_ITEMS} items`);
    }
    value.forEach((item, i) => checkRequestValue(item, fieldPath(path, i)));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > MAX_OBJECT_KEYS) {
      throw invalid(path || 'body', `must not have more than ${MAX_OBJECT_KEYS} fields`);
    }
    for (const [key, item] of entries) {
      if (CONTROL_CHARS.test(key)) {
        throw invalid(
          fieldPath(path, JSON.stringify(key)),
          'field names must not contain control characters',
        );
      }
      checkRequestValue(item, fieldPath(path, key));
    }
  }
}

function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = fieldPath(parent, e.property);
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints).map(clip) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** At most MAX_FIELD_ERRORS field errors, so a hostile body cannot make the answer huge. */
export function validationFailed(errors: ValidationError[]): DomainError {
  const all = flattenValidationErrors(errors);
  const shown = all.slice(0, MAX_FIELD_ERRORS);
  const omitted = all.length - shown.length;
  const summary = shown.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; ');
  return new DomainError(
    'validation_failed',
    `Invalid request: ${summary}${omitted ? `; and ${omitted} more` : ''}`,
    omitted ? { errors: shown, errors_omitted: omitted } : { errors: shown },
  );
}

/**
 * The global pipe: class-validator DTOs (whitelist, forbidNonWhitelisted, transform), preceded by
 * the checks every request value gets whatever its DTO: no control characters, bounded arrays, and
 * a body that is the JSON object its DTO describes (an array of a million `{}` is refused here,
 * before class-transformer and class-validator turn each item into an error).
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationFailed,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      checkRequestValue(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    }
    const dto = metadata.metatype && !SCALAR_TYPES.includes(metadata.metatype);
    if (metadata.type === 'body' && dto && value != null) {
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new DomainError('validation_failed', 'The request body must be a JSON object.', {
          errors: [{ field: 'body', messages: ['must be a JSON object'] }],
        });
      }
    }
    return super.transform(value, metadata);
  }
}
