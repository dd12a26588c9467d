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

/**
 * The error of a child that did not exit cleanly: how it ended and the last three lines of its
 * stderr tail (`pigz exited with status 1: pigz: skipping: <stdin>: corrupted -- crc32 mismatch`).
 */
export function childExitError(
  command: string,
  code: number | null,
  signal: string | null,
  tail: string,
): Error {
  const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
  const last = tail.trim().split('\n').slice(-3).join(' ').trim();
  return new Error(`${command} ${how}${last ? `: ${last}` : ''}`);
}
