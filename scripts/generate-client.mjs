// Generates clients/typescript/schema.ts from openapi.json with openapi-typescript (version pinned in
// package.json). `--check` exits 1 when the committed file differs (the drift test runs it).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'clients/typescript/schema.ts');

const document = JSON.parse(await readFile(path.join(root, 'openapi.json'), 'utf8'));
const ast = await openapiTS(document, {
  // Create bodies document the defaults the server applies; they stay optional for callers.
  defaultNonNullable: false,
  // readOnly fields leave request types, writeOnly fields leave response types.
  readWriteMarkers: false,
});
const header =
  '// Generated from openapi.json by scripts/generate-client.mjs (npm run openapi). Do not edit.\n\n';
const text = await prettier.format(header + astToString(ast), {
  ...(await prettier.resolveConfig(out)),
  filepath: out,
});

if (process.argv.includes('--check')) {
  const committed = await readFile(out, 'utf8').catch(() => '');
  if (committed !== text) {
    process.stderr.write('clients/typescript/schema.ts differs from openapi.json: run `npm run openapi`.\n');
    process.exit(1);
  }
} else {
  await writeFile(out, text);
  process.stdout.write(`Wrote ${path.relative(root, out)}\n`);
}
