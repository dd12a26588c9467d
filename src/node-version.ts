/** Imported before anything else by every entry point: Node 20 is end-of-life and some APIs we use are 22+. */
export const REQUIRED_NODE_MAJOR = 24;

export function assertNodeVersion(version: string = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major < REQUIRED_NODE_MAJOR) {
    process.stderr.write(
      `Offsite needs Node.js ${REQUIRED_NODE_MAJOR} or newer; this is Node.js ${version}.\n` +
        `Fix: run through npm (npm start / npm test put the project's Node ${REQUIRED_NODE_MAJOR} from node_modules/.bin first on PATH),\n` +
        `or install Node ${REQUIRED_NODE_MAJOR} (e.g. nvm install ${REQUIRED_NODE_MAJOR}; see .nvmrc).\n`,
    );
    process.exit(1);
  }
}
