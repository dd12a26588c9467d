import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The environment and Node flags that `npm run worker` starts a worker with (package.json), so a
 * benchmark measures the process as it is deployed. E.g. "MALLOC_X=1 exec node --flag dist/src/worker.js".
 */
export function workerStartCommand(): { env: Record<string, string>; flags: string[] } {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.worker!.split(/\s+/).filter(Boolean);
  const node = words.indexOf('node');
  const env = Object.fromEntries(
    words
      .slice(0, node)
      .filter((w) => w.includes('='))
      .map((w) => w.split('=', 2) as [string, string]),
  );
  const flags = words.slice(node + 1).filter((w) => w.startsWith('--'));
  return { env, flags };
}
