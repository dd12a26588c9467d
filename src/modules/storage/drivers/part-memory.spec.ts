import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { markDisposable } from '../stream-utils.js';
import { PartMemory } from './part-memory.js';

/**
 * PartMemory frees buffers that lib-storage has finished with, so these tests drive the real
 * lib-storage Upload. The S3 server is replaced by an in-memory client with random latency (parts
 * complete out of order): what is checked is lib-storage's use of the buffers, not S3. The same
 * upload against a real S3 server (Swift) is in the storage contract suite.
 */
const MiB = 1024 * 1024;
const PART = 5 * MiB;

function sha(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Uploads source as S3Driver does; returns the object as the fake server assembled it. */
async function upload(
  source: Readable,
  sendDelayMs = 30,
  {
    queueSize = 4,
    whileSending,
    onMemory,
  }: {
    queueSize?: number;
    whileSending?: (part: number) => Promise<void>;
    onMemory?: (memory: PartMemory) => void;
  } = {},
) {
  const memory = new PartMemory(PART);
  onMemory?.(memory);
  const body = memory.body();
  const parts = new Map<number, Buffer>();
  let single: Buffer | undefined;
  const changedInFlight: number[] = [];
  const send = async (command: unknown): Promise<unknown> => {
    await new Promise((r) => setTimeout(r, Math.random() * sendDelayMs));
    if (command instanceof CreateMultipartUploadCommand) return { UploadId: 'u1' };
    if (command instanceof PutObjectCommand) {
      single = Buffer.from(command.input.Body as Uint8Array);
      return { ETag: '"e"' };
    }
    if (command instanceof UploadPartCommand) {
      const input = command.input;
      memory.partSent(input.PartNumber!, input.Body);
      const atSend = Buffer.from(input.Body as Uint8Array);
      await whileSending?.(input.PartNumber!);
      await new Promise((r) => setTimeout(r, Math.random() * sendDelayMs));
      // what a slow request would still be reading: it must not have been freed meanwhile
      if (!atSend.equals(input.Body as Uint8Array)) changedInFlight.push(input.PartNumber!);
      parts.set(input.PartNumber!, atSend);
      memory.partDone(input.Body);
      return { ETag: `"p${input.PartNumber}"` };
    }
    if (command instanceof CompleteMultipartUploadCommand) return { ETag: '"done"' };
    return {};
  };
  const client = {
    send,
    config: {
      requestChecksumCalculation: async () => 'WHEN_REQUIRED',
      requestHandler: {},
      endpoint: async () => ({ protocol: 'http:', hostname: '127.0.0.1', path: '/' }),
    },
  } as unknown as S3Client;
  const done = new Upload({
    client,
    params: { Bucket: 'b', Key: 'k', Body: body },
    partSize: PART,
    queueSize,
    leavePartsOnError: false,
  }).done();
  await Promise.all([pipeline(source, body), done]);
  const stored = single ?? Buffer.concat([...parts.keys()].sort((a, b) => a - b).map((n) => parts.get(n)!));
  return { stored, memory, changedInFlight, partCount: parts.size };
}

function chunks(list: Buffer[]): Readable {
  return Readable.from(list, { objectMode: false });
}

describe('PartMemory with lib-storage', () => {
  it('stores every byte in order while freeing the chunks and part buffers lib-storage is done with', async () => {
    // sizes as streams deliver them: tiny, 64 KiB, and a chunk larger than two parts
    const list: Buffer[] = [];
    let total = 0;
    while (total < 37 * MiB) {
      const n = list.length === 7 ? 12 * MiB : [1, 700, 64 * 1024, 300_000, 2 * MiB][list.length % 5];
      list.push(randomBytes(n));
      total += n;
    }
    const expected = sha(Buffer.concat(list));
    const { stored, memory, changedInFlight, partCount } = await upload(chunks(list));
    expect(stored.length).toBe(total);
    expect(sha(stored)).toBe(expected);
    expect(changedInFlight).toEqual([]);
    expect(partCount).toBe(Math.ceil(total / PART));
    // every copy but the last part's, and every part buffer but the last two, is freed early
    expect(memory.released).toBeGreaterThan(2 * total - 4 * PART);
  });

  it('keeps a finished part until the next part has taken over its tail (a source slower than the server)', async () => {
    const list = Array.from({ length: 96 }, () => randomBytes(200_000)); // 18.3 MiB, 4 parts
    async function* slow() {
      for (const chunk of list) {
        await new Promise((r) => setTimeout(r, 1));
        yield chunk;
      }
    }
    const { stored, changedInFlight } = await upload(Readable.from(slow()), 0);
    expect(sha(stored)).toBe(sha(Buffer.concat(list)));
    expect(changedInFlight).toEqual([]);
  });

  it('frees the copies of a part once it is cut, while every upload slot is busy', async () => {
    const list = Array.from({ length: 60 }, () => randomBytes(256 * 1024)); // 15 MiB, 3 parts
    let memory: PartMemory | undefined;
    let releasedWhilePart2Sent = 0;
    let part2Seen!: () => void;
    const seen = new Promise<void>((r) => (part2Seen = r));
    const { stored } = await upload(chunks(list), 0, {
      queueSize: 2,
      whileSending: async (part) => {
        // part 1 holds its slot until part 2 has been looked at: nothing pulls meanwhile
        if (part === 1) await seen;
        if (part === 2) {
          await new Promise((r) => setTimeout(r, 10));
          releasedWhilePart2Sent = memory!.released;
          part2Seen();
        }
      },
      onMemory: (m: PartMemory) => (memory = m),
    });
    expect(sha(stored)).toBe(sha(Buffer.concat(list)));
    // part 2 was cut from copies of more than 2 parts' bytes: all are freed, not only part 1's
    expect(releasedWhilePart2Sent).toBeGreaterThan(2 * PART);
  });

  it.each([
    ["a first chunk just over one part (the connection test's multipart probe)", 5 * MiB + 1024],
    ['a first chunk of several parts', 12 * MiB],
  ])('uploads %s', async (_name, size) => {
    const data = randomBytes(size);
    const { stored, changedInFlight } = await upload(chunks([data]));
    expect(sha(stored)).toBe(sha(data));
    expect(changedInFlight).toEqual([]);
  });

  it('frees the marked chunks it has copied', async () => {
    const data = randomBytes(12 * MiB);
    const marked = [0, 1, 2].map((i) =>
      markDisposable(Buffer.from(data.subarray(i * 4 * MiB, (i + 1) * 4 * MiB))),
    );
    const { stored } = await upload(chunks(marked));
    expect(sha(stored)).toBe(sha(data));
    expect(marked.map((c) => c.length)).toEqual([0, 0, 0]);
  });

  it('leaves a one-part upload alone', async () => {
    const data = randomBytes(3 * MiB);
    const { stored, memory } = await upload(chunks([data.subarray(0, MiB), data.subarray(MiB)]));
    expect(sha(stored)).toBe(sha(data));
    expect(memory.released).toBe(0);
  });

  it('refuses a part whose body is one of its copies (lib-storage would have changed)', async () => {
    const memory = new PartMemory(PART);
    const body = memory.body();
    body.end(Buffer.from('abc'));
    const [copy] = (await body.toArray()) as Buffer[];
    expect(() => memory.partSent(1, copy)).toThrow(/PartMemory/);
  });
});
