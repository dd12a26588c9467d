import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Dependencies point one way: src/common is used by the feature modules, never the reverse.
const repo = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('architecture', () => {
  it('src/common imports no feature module', () => {
    const offenders = sources('src/common').flatMap((file) =>
      [...readFileSync(path.join(repo, file), 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1]!)
        .filter(
          (spec) =>
            spec.startsWith('.') &&
            path
              .resolve(path.dirname(path.join(repo, file)), spec)
              .includes(`${path.sep}src${path.sep}modules${path.sep}`),
        )
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
