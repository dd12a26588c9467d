import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {
  guardedLookup,
  isForbiddenAddress,
  isLocalhostName,
  judgeHost,
  normalizeHostName,
} from '../storage/endpoint-rules.js';

export interface EndpointSwitches {
  /** The platform's allow_insecure_endpoints: http:// webhooks. */
  allowInsecure: boolean;
  /** The platform's allow_private_endpoints: loopback, private and link-local receivers. */
  allowPrivate: boolean;
}

const MAX_URL_LENGTH = 2048;

/** Shape rules of a webhook URL (no DNS): the problems, empty when fine. */
function shapeProblems(raw: string, allowInsecure: boolean): { url?: URL; problems: string[] } {
  if (raw.length > MAX_URL_LENGTH) return { problems: [`url must be at most ${MAX_URL_LENGTH} characters`] };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problems: ['url must be an absolute https:// URL'] };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { problems: [`url must use https:// (got ${url.protocol}//)`] };
  if (url.protocol === 'http:' && !allowInsecure) {
    return {
      problems: [
        'url must use https://: unencrypted http:// receivers are not allowed on this platform (a platform administrator can allow insecure endpoints)',
      ],
    };
  }
  if (url.username || url.password)
    return { problems: ['url must not contain credentials; verify requests with the signature instead'] };
  if (url.hash) return { problems: ['url must not contain a fragment'] };
  return { url, problems: [] };
}

/**
 * The storage endpoint rules applied to a webhook URL at save time: https (http only when the
 * platform allows insecure endpoints), no credentials, and a host that is and resolves to public
 * addresses only, unless the platform allows private endpoints.
 */
export async function webhookUrlProblems(raw: string, sw: EndpointSwitches): Promise<string[]> {
  const { url, problems } = shapeProblems(raw, sw.allowInsecure);
  if (!url) return problems;
  if (problems.length) return problems;
  if (sw.allowPrivate) return [];
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const verdict = await judgeHost(host);
  if (verdict.kind === 'forbidden')
    return [
      `${host} is or resolves to a private or local address (${verdict.address}); only public endpoints are allowed on this platform`,
    ];
  if (verdict.kind === 'unresolved')
    return [`${host} does not resolve to an address; only resolvable public endpoints are allowed`];
  return [];
}

/** Stripe-style: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export class WebhookError extends Error {
  constructor(
    readonly code: 'endpoint_forbidden' | 'invalid_url' | 'timeout' | 'connection_failed',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  switches: EndpointSwitches;
}

/**
 * POSTs once. Resolves with the status code (any), rejects with a WebhookError when no answer came.
 * The URL is re-checked here and the resolved address judged at connect time (guardedLookup), so a
 * name re-pointed at 127.0.0.1 or the metadata address after saving is refused. Redirects are not
 * followed; at most 4 KiB of the answer is read.
 */
export async function postWebhook(req: WebhookRequest): Promise<{ status: number; snippet: string }> {
  const { url, problems } = shapeProblems(req.url, req.switches.allowInsecure);
  if (!url || problems.length) throw new WebhookError('invalid_url', problems.join('; '));
  const host = normalizeHostName(url.hostname);
  if (!req.switches.allowPrivate && (isLocalhostName(host) || (net.isIP(host) && isForbiddenAddress(host)))) {
    throw new WebhookError(
      'endpoint_forbidden',
      `The webhook host ${host} is a private or local address, which is not allowed on this platform.`,
    );
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...req.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(req.body)),
          'user-agent': 'Offsite-Webhooks/1',
        },
        lookup: guardedLookup(req.switches.allowPrivate),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < 4096) chunks.push(c.subarray(0, 4096 - size));
          size += c.length;
        });
        res.on('end', () =>
          finish(() =>
            resolve({ status: res.statusCode ?? 0, snippet: Buffer.concat(chunks).toString('utf8') }),
          ),
        );
        res.on('error', (err) =>
          finish(() =>
            reject(new WebhookError('connection_failed', `The receiver's answer broke off: ${err.message}`)),
          ),
        );
      },
    );
    const timer = setTimeout(() => {
      finish(() => reject(new WebhookError('timeout', `No answer within ${req.timeoutMs} ms.`)));
      request.destroy();
    }, req.timeoutMs);
    request.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'endpoint_forbidden'
            ? new WebhookError('endpoint_forbidden', err.message)
            : new WebhookError('connection_failed', `Could not reach the receiver: ${err.message}`),
        ),
      ),
    );
    request.end(req.body);
  });
}
