/**
 * The load side of bench:api, run as its own process so that the client's work is not counted on
 * (or competing in) the server's event loop. Prints one JSON line on stdout.
 *
 *   node api-load.js max <url> <token> <connections> <seconds>
 *     autocannon, closed loop: the most the server serves with that many connections.
 *   node api-load.js burst <url> <token> <rate> <seconds>
 *     autocannon with `overallRate` (50 connections), as `autocannon -R <rate>` measures it; kept
 *     for comparison with figures taken that way (see below for why it is not the latency figure).
 *   node api-load.js paced <url> <token> <rate> <seconds>
 *     an open loop at an even rate: request i is due at start + i / rate, sent when due whatever
 *     the earlier ones are doing, and its latency counts from when it was due (so a stalled server
 *     is charged for the requests it delayed: no coordinated omission). autocannon's own
 *     `overallRate` is not used for this: it lets each connection fire its share of a second
 *     back to back and then idles until the next second, i.e. bursts at full concurrency, whose
 *     latency is the burst's queue rather than the server's at that rate.
 */
import http from 'node:http';
import autocannon from 'autocannon';

const [mode, url, token, arg, seconds] = process.argv.slice(2) as [string, string, string, string, string];
const duration = Number(seconds);

async function max(burstRate?: number): Promise<unknown> {
  const result = await autocannon({
    url,
    headers: { authorization: `Bearer ${token}` },
    connections: burstRate ? 50 : Number(arg),
    overallRate: burstRate,
    duration,
  });
  return {
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function paced(): Promise<unknown> {
  const rate = Number(arg);
  const total = Math.round(rate * duration);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  await new Promise<void>((done) => {
    let finished = 0;
    const one = (due: number) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(performance.now() - due);
            if (++finished === total) done();
          });
        },
      );
      req.on('error', () => {
        errors++;
        if (++finished === total) done();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      // Send every request that is due by now (a late timer sends the backlog at once, and their
      // latencies still count from when each was due).
      while (sent < total && start + (sent * 1000) / rate <= now) one(start + (sent++ * 1000) / rate);
      if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / rate - performance.now()));
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1));
  return {
    rate,
    requests: total,
    achieved_rps: Math.round(total / ((performance.now() - start) / 1000)),
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: Number(latencies[latencies.length - 1]!.toFixed(1)),
    errors,
  };
}

const result = mode === 'max' ? await max() : mode === 'burst' ? await max(Number(arg)) : await paced();
process.stdout.write(`${JSON.stringify(result)}\n`);
