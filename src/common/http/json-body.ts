import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';

/**
 * Deepest nesting of objects and arrays a JSON body may have. Our DTOs nest three levels at most;
 * unbounded nesting makes class-transformer and class-validator recurse until the stack overflows.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether a JSON text nests objects/arrays deeper than `max`: one pass over the bytes, no
 * allocation, stopping at the first level too deep. Brackets inside strings do not count (UTF-8
 * continuation bytes are ≥ 0x80, so they can never look like a bracket or a quote). Malformed
 * input is left for the parser to refuse.
 */
export function exceedsJsonDepth(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

type Done = (err: Error | null, body?: unknown) => void;

/**
 * The application/json parser: an empty body is no body (generated clients send the header on
 * bodyless POSTs such as cancel, test and verify), a body nested deeper than MAX_JSON_DEPTH is a
 * 400 before it is parsed, and everything else goes to Fastify's own parser (prototype-poisoning
 * keys refused).
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (req: FastifyRequest, body: Buffer, done: Done): void => {
    if (body.length === 0) return done(null, undefined);
    if (exceedsJsonDepth(body, MAX_JSON_DEPTH)) {
      return done(
        new DomainError('bad_request', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`),
      );
    }
    parseJson(req, body.toString('utf8'), done);
  };
}
