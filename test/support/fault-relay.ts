import net from 'node:net';

export interface FaultRelay {
  host: string;
  port: number;
  /** Reset every connection, like a server process that died (the client sees ECONNRESET). */
  kill(): void;
  /** Stop forwarding in both directions without closing, like a SIGSTOPped server. */
  stall(): void;
  /** Bytes forwarded client → server so far. */
  bytesUp(): number;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a real (or fallback) server, for fault injection that must not disturb
 * other test files sharing the same server. The server itself is real; only the failure (death or
 * silence of the process) is simulated at the socket level, which is all a client can observe.
 */
export async function startFaultRelay(targetHost: string, targetPort: number): Promise<FaultRelay> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let stalled = false;
  let up = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket, count: boolean) =>
      from.on('data', (chunk: Buffer) => {
        if (stalled) return;
        if (count) up += chunk.length;
        if (!to.write(chunk)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
      });
    forward(client, upstream, true);
    forward(upstream, client, false);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.address() as net.AddressInfo).port,
    kill: () => {
      for (const [a, b] of pairs) {
        a.resetAndDestroy();
        b.resetAndDestroy();
      }
      server.close();
    },
    stall: () => {
      stalled = true;
      // Stop reading so TCP windows fill, exactly like a stopped process.
      for (const [a, b] of pairs) {
        a.pause();
        b.pause();
      }
      server.on('connection', (s: net.Socket) => s.pause());
    },
    bytesUp: () => up,
    close: () =>
      new Promise<void>((resolve) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
        if (!server.listening) resolve();
      }),
  };
}
