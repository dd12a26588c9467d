import http from 'node:http';

export interface DenyListBucketsProxy {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Emulates a bucket-scoped key (Cloudflare R2 tokens, scoped IAM policies): ListBuckets answers
 * 403 AccessDenied, every other request goes unchanged to the real server, which still checks the
 * signature (the Host header is forwarded as signed). Neither Swift nor s3rver can deny
 * ListBuckets to a user, so this one response is simulated.
 */
export async function startDenyListBucketsProxy(target: string): Promise<DenyListBucketsProxy> {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/') {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      );
      return;
    }
    const fwd = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    fwd.on('error', () => res.destroy());
    req.pipe(fwd);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
