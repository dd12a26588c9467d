import { DomainError } from '../errors/domain-error.js';

/**
 * Limits every JSON body meets before validation, so hostile bodies cost little and end in a 400:
 * the nesting depth is measured on the raw text before JSON.parse (deep nesting overflows the
 * stacks of the parser and of class-transformer), the top level must be an object (every body of
 * this API is one; a megabyte of `[{},{},…]` would otherwise produce a megabyte of field errors),
 * and no text may hold control characters (PostgreSQL refuses NUL; none belongs in a name, note or
 * path). Tab, line feed and carriage return are allowed: notes may span lines.
 */
export const MAX_JSON_DEPTH = 32;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Depth of brackets outside strings; stops counting past the limit. */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/** The first field (dotted path) whose key or text value holds a control character. */
export function fieldWithControlChars(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? at || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = fieldWithControlChars(value[i], `${at}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const field = at ? `${at}.${k}` : k;
      if (CONTROL.test(k)) return field;
      const hit = fieldWithControlChars(v, field);
      if (hit) return hit;
    }
  }
  return null;
}

export function controlCharError(field: string, where: 'body' | 'query'): DomainError {
  const message = `${field} must not contain control characters (such as NUL)`;
  return new DomainError('validation_failed', `Invalid request ${where}: ${message}.`, {
    errors: [{ field, messages: [message] }],
  });
}

/** Before parsing: refuses nesting past the limit (400). */
export function checkJsonText(text: string): void {
  if (jsonDepthExceeds(text))
    throw new DomainError('bad_request', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
}

/** After parsing: a JSON object without control characters, or a 400. */
export function checkParsedBody(parsed: unknown): void {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new DomainError('bad_request', 'The request body must be a JSON object.');
  const field = fieldWithControlChars(parsed);
  if (field) throw controlCharError(field, 'body');
}
