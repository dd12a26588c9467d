/** One Server-Sent Event of `GET /backups/{id}/events` or `/restores/{id}/events`. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads an event stream (openapi-fetch with `parseAs: 'stream'`) to its end, handing each event to
 * `onEvent` as it arrives (e.g. to move a progress bar); returns them all in order. Comment lines
 * (the keep-alives) are skipped.
 */
export async function readEvents(
  stream: ReadableStream<Uint8Array>,
  onEvent: (e: ServerSentEvent) => void = () => undefined,
): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of stream) {
    buffer += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (block.startsWith(':')) continue;
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2) ?? '';
      const e = { event: field('event'), data: field('data') };
      events.push(e);
      onEvent(e);
    }
  }
  return events;
}
