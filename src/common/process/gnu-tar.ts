import { spawnSync } from 'node:child_process';

/** The environment GNU tar runs in: a fixed PATH and the C locale (names are bytes, not text). */
export const TAR_ENV = { PATH: '/usr/bin:/bin', LC_ALL: 'C' };

let gnuTar: boolean | undefined;

/** Whether `tar` here is GNU tar (checked once per process). */
export function gnuTarAvailable(): boolean {
  if (gnuTar === undefined) {
    const r = spawnSync('tar', ['--version'], { encoding: 'utf8', timeout: 5000, env: TAR_ENV });
    gnuTar = !r.error && r.status === 0 && r.stdout.includes('GNU tar');
  }
  return gnuTar;
}
