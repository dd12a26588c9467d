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

describe('file size', () => {
  // A file a newcomer cannot read in one sitting is a room holding two concerns. The few that are
  // long on purpose say why in their first lines, after "Long on purpose:".
  const limit = 400;
  it(`no file in src/ is over ${limit} lines without a reason at its top`, () => {
    const offenders = sources('src').flatMap((file) => {
      const lines = readFileSync(path.join(repo, file), 'utf8').split('\n');
      const explained = lines.slice(0, 20).some((l) => l.includes('Long on purpose:'));
      return lines.length > limit && !explained ? [`${file}: ${lines.length} lines`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
