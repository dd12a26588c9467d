import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ChildCodec, binaryAvailable } from './child-codec.js';
import { codecEngine, compressor, decompressor, type Codec } from './codec.js';

const MiB = 1024 * 1024;
const data = Buffer.concat([
  Buffer.from('ordinary text line for the codec tests\n'.repeat(50_000)),
  randomBytes(MiB),
]);

async function through(input: Buffer, ...steps: NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await (pipeline as (...s: unknown[]) => Promise<void>)(
    Readable.from([input.subarray(0, 1000), input.subarray(1000)]),
    ...steps,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

const BINARY: Record<Codec, string> = { gzip: 'pigz', zstd: 'zstd' };
const engines = ['process', 'in-process'] as const;

describe.each(['gzip', 'zstd'] as const)('%s codec', (codec) => {
  const haveBinary = codecEngine(codec, 'process') === 'process';
  if (!haveBinary) {
    process.stdout.write(
      `[codec tests] SKIPPED: ${codec} child-process cases: ${BINARY[codec]} is not installed (the in-process fallback is tested)\n`,
    );
  }
  const usable = engines.filter((e) => e === 'in-process' || haveBinary);

  it.each(usable.flatMap((c) => usable.map((d) => [c, d] as const)))(
    'compressed by %s, decompressed by %s: the same bytes',
    async (cEngine, dEngine) => {
      const packed = await through(data, compressor(codec, cEngine));
      expect(packed.length).toBeLessThan(data.length);
      expect((await through(packed, decompressor(codec, dEngine))).equals(data)).toBe(true);
    },
  );

  it('is read by the command-line tool (gzip -d / zstd -d), whichever engine wrote it', async () => {
    for (const e of usable) {
      const packed = await through(data, compressor(codec, e));
      const tool = codec === 'gzip' ? ['gzip', ['-dc']] : ['zstd', ['-dc']];
      if (codec === 'zstd' && !haveBinary) continue;
      expect(
        execFileSync(tool[0] as string, tool[1] as string[], { input: packed, maxBuffer: 64 * MiB }).equals(
          data,
        ),
      ).toBe(true);
    }
  });

  it('fails on a truncated stream (every engine)', async () => {
    const packed = await through(data, compressor(codec, 'in-process'));
    const broken = packed.subarray(0, packed.length - 1000);
    for (const e of usable) await expect(through(broken, decompressor(codec, e))).rejects.toThrow();
  });
});

describe('engine choice', () => {
  it('falls back to the in-process engine when a binary is absent, and in-process is always in-process', () => {
    expect(binaryAvailable('offsite-no-such-codec-binary')).toBe(false);
    expect(codecEngine('gzip', 'in-process')).toBe('in-process');
    expect(codecEngine('zstd', 'in-process')).toBe('in-process');
  });
});

describe('ChildCodec', () => {
  const have = codecEngine('zstd', 'process') === 'process';
  const maybe = have ? it : it.skip;
  if (!have) process.stdout.write('[codec tests] SKIPPED: ChildCodec cases: zstd is not installed\n');

  maybe('names the command, its exit status and stderr when it fails', async () => {
    await expect(
      through(Buffer.from('not zstd at all'), new ChildCodec('zstd', ['-d', '-q', '-c'])),
    ).rejects.toThrow(/^zstd exited with status 1/);
  });

  maybe('fails when the command does not exist', async () => {
    await expect(through(data, new ChildCodec('no-such-codec-binary', []))).rejects.toThrow(/ENOENT/);
  });

  maybe(
    'holds back-pressure: a consumer that stops reading stops the source after a bounded amount',
    async () => {
      let pulled = 0;
      const source = new Readable({
        read() {
          pulled += 64 * 1024;
          this.push(randomBytes(64 * 1024)); // incompressible: output as large as the input
        },
      });
      const codec = new ChildCodec('zstd', ['-1', '-q', '-c']);
      source.pipe(codec); // nothing reads the codec's output
      await new Promise((r) => setTimeout(r, 1500));
      const held = pulled;
      await new Promise((r) => setTimeout(r, 500));
      // two pipe buffers, zstd's own buffers and the two high-water marks; never the whole stream
      expect(pulled).toBe(held);
      expect(pulled).toBeLessThan(16 * MiB);
      codec.destroy();
      source.destroy();
    },
  );

  maybe('destroying it (an aborted backup) kills the child', async () => {
    const codec = new ChildCodec('zstd', ['-q', '-c']);
    codec.on('error', () => undefined);
    codec.write(randomBytes(1024));
    const pid = (codec as unknown as { child: { pid: number } }).child.pid;
    codec.destroy(new Error('aborted'));
    await new Promise((r) => setTimeout(r, 300));
    expect(() => process.kill(pid, 0)).toThrow(); // gone
  });
});
