import { assertNodeVersion } from './node-version.js';

assertNodeVersion();
const { runCli } = await import('./cli/program.js');
process.exitCode = await runCli(process.argv);
