import { setTimeout as sleep } from 'node:timers/promises';
import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How often a followed resource is read again, and how often a silent stream sends a comment. */
export const SSE_POLL_MS = 500;
const SSE_HEARTBEAT_MS = 15_000;

export interface SseOptions<T> {
  /** Reads the current state (the table is the source of truth, so this is a primary-key read). */
  load: () => Promise<T>;
  /** The state is final: sent as the `end` event, then the stream closes. */
  isFinal: (state: T) => boolean;
  /** What must change for a new `progress` event (default: the whole JSON). */
  fingerprint?: (state: T) => string;
  pollMs?: number;
}

/**
 * Server-Sent Events over a state read by polling: one `progress` event with the current state at
 * once and whenever it changes, a `: keep-alive` comment every 15 s of silence, and an `end` event
 * with the final state before the stream closes. Stops when the client goes away. The first load
 * runs before any byte is written, so a missing resource is still an ordinary 404 problem.
 */
export async function streamState<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: SseOptions<T>,
): Promise<void> {
  let state = await opts.load();
  const fingerprint = opts.fingerprint ?? ((s: T) => JSON.stringify(s));
  const closed = new AbortController();
  req.raw.on('close', () => closed.abort());
  reply.hijack();
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
  reply.raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let id = 0;
  const send = (event: string, data: unknown) =>
    reply.raw.write(`id: ${++id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let last = fingerprint(state);
  let quietSince = Date.now();
  send(opts.isFinal(state) ? 'end' : 'progress', state);
  try {
    while (!opts.isFinal(state) && !closed.signal.aborted) {
      await sleep(opts.pollMs ?? SSE_POLL_MS, undefined, { signal: closed.signal }).catch(() => undefined);
      if (closed.signal.aborted) break;
      state = await opts.load();
      const now = fingerprint(state);
      if (opts.isFinal(state)) send('end', state);
      else if (now !== last) {
        send('progress', state);
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= SSE_HEARTBEAT_MS) {
        reply.raw.write(': keep-alive\n\n');
        quietSince = Date.now();
      }
      last = now;
    }
  } catch (err) {
    // The resource went away (deleted) or the database failed: say so on the stream, then close.
    if (!closed.signal.aborted)
      send('error', { detail: err instanceof Error ? err.message : 'Stream failed.' });
  } finally {
    reply.raw.end();
  }
}

/** OpenAPI for an events route: text/event-stream, with the event format in the description. */
export function ApiEventStream(what: string, schemaRef: string) {
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiOkResponse({
      description:
        `Server-Sent Events. \`event: progress\` carries the ${what} (as \`#/components/schemas/${schemaRef}\`) at ` +
        `once and at every change of status, phase or bytes; \`event: end\` carries the final ${what}, then the ` +
        'stream closes; `event: error` reports a failure of the stream itself. Comments (`: keep-alive`) every 15 s ' +
        'keep proxies from closing a quiet stream. Reconnect with a new request (the first event is the current state).',
      content: {
        'text/event-stream': {
          schema: { type: 'string', example: 'id: 1\nevent: progress\ndata: {"status":"running"}\n\n' },
        },
      },
    }),
  );
}
