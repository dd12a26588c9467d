import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { codecEngine } from './codec.js';
import { compressedOutput, decompressInto, type Producer } from './process-pipe.js';

const data = Buffer.concat([Buffer.from('a line of a dump\n'.repeat(100_000)), randomBytes(512 * 1024)]);

/** A producer process (sh copying the bytes to its stdout) whose exit status the test chooses. */
function producer(bytes: Buffer, exitCode = 0): Producer {
  return (stdout) =>
    new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', `cat; exit ${exitCode}`], { stdio: ['pipe', stdout, 'ignore'] });
      child.stdin.on('error', () => undefined);
      child.stdin.end(bytes);
      child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`producer failed ${code}`))));
    });
}

async function collect(r: Readable): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of r as AsyncIterable<Buffer>) out.push(c);
  return Buffer.concat(out);
}

/** A client reading its stdin to a buffer: `cat` as a child, as psql would. */
function client(): { stdin: Writable; output: Promise<Buffer>; exited: Promise<number | null> } {
  const child = spawn('cat', [], { stdio: ['pipe', 'pipe', 'ignore'] });
  return {
    stdin: child.stdin,
    output: collect(child.stdout),
    exited: new Promise((resolve) => child.once('close', resolve)),
  };
}

describe.each(['gzip', 'zstd'] as const)('%s between processes', (codec) => {
  const have = codecEngine(codec) === 'process';
  if (!have) process.stdout.write(`[process-pipe tests] SKIPPED for ${codec}: its binary is not installed\n`);
  const maybe = have ? it : it.skip;

  maybe(
    'producer | codec | Node | codec -d | client: the same bytes, and Node saw only compressed bytes',
    async () => {
      const packed = await collect(compressedOutput(codec, producer(data))!);
      expect(packed.length).toBeLessThan(data.length / 3);
      const c = client();
      const head = decompressInto(codec, c.stdin)!;
      await pipeline(Readable.from([packed.subarray(0, 1000), packed.subarray(1000)]), head);
      expect(await c.exited).toBe(0);
      expect((await c.output).equals(data)).toBe(true);
    },
  );

  maybe("a failing producer fails the output with the producer's error", async () => {
    await expect(collect(compressedOutput(codec, producer(data, 3))!)).rejects.toThrow(/producer failed 3/);
  });

  maybe('corrupt input fails the decompressor, and the client sees its input end', async () => {
    const c = client();
    const head = decompressInto(codec, c.stdin)!;
    await expect(pipeline(Readable.from([Buffer.from('not compressed at all')]), head)).rejects.toThrow(
      /exited with status/,
    );
    expect(await c.exited).toBe(0);
  });

  maybe('destroying the output kills the codec and the producer stops', async () => {
    const big = randomBytes(8 * 1024 * 1024);
    let producerDone: Promise<unknown> = Promise.resolve();
    const out = compressedOutput(codec, (stdout) => {
      const p = producer(big)(stdout);
      producerDone = p.catch((e: unknown) => e);
      return p;
    })!;
    out.destroy();
    // the producer ends (broken pipe or done): it does not hang on a full pipe
    await producerDone;
    expect(out.destroyed).toBe(true);
  });
});
