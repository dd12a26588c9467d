import type { Readable } from 'node:stream';

/**
 * Keeps the last `limit` characters a child process writes to stderr: enough for the message that
 * explains a failure, bounded however much a chatty tool prints. Returns a reader of the tail.
 */
export function keepStderrTail(stderr: Readable, limit: number): () => string {
  let tail = '';
  stderr.setEncoding('utf8');
  stderr.on('data', (d: string) => {
    tail = (tail + d).slice(-limit);
  });
  return () => tail;
}
