import { gnuTarAvailable, TAR_ENV } from '../../common/process/gnu-tar.js';
import { keepStderrTail } from '../../common/process/stderr-tail.js';
import { Injectable } from '@nestjs/common';
import type { Stats } from 'node:fs';
import { access, constants, lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Readable, type Writable } from 'node:stream';
import { create as createTar } from 'tar';
import { SourceError } from './source-error.js';

export interface FilestoreStats {
  fileCount: number;
  totalBytes: number;
  /** Entries neither file, directory nor symlink (FIFOs, sockets, devices): never archived. */
  special?: number;
}

export interface FilestoreArchive {
  /** An uncompressed tar stream of the directory. */
  stream: Readable;
  /** Filled while the stream is read; final once it ended. */
  stats: FilestoreStats;
}

/**
 * The port to filestore work: checking a directory, counting it, and streaming it as tar
 * (regular files, directories and symlinks as symlinks, modes and mtimes kept, nothing followed).
 */
@Injectable()
export class FilestoreReader {
  async check(dir: string): Promise<void> {
    let s: Stats;
    try {
      s = await stat(dir);
      await access(dir, constants.R_OK | constants.X_OK);
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'error';
      throw new SourceError(
        'filestore_unreadable',
        `The filestore path "${dir}" is not readable by the worker (${code}). Check that it exists on every worker and that the worker's user may read it.`,
        { cause: err },
      );
    }
    if (!s.isDirectory()) {
      throw new SourceError('filestore_unreadable', `The filestore path "${dir}" is not a directory.`);
    }
  }

  async scan(dir: string): Promise<FilestoreStats> {
    await this.check(dir);
    const stats: FilestoreStats = { fileCount: 0, totalBytes: 0 };
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile()) {
          stats.fileCount++;
          stats.totalBytes += (await lstat(p)).size;
        } else if (!e.isSymbolicLink()) stats.special = (stats.special ?? 0) + 1;
      }
    };
    try {
      await walk(dir);
    } catch (err) {
      throw unreadable(dir, err);
    }
    return stats;
  }

  /**
   * Whether archiveInto() can archive this directory exactly as archive() would: GNU tar is
   * installed and the walk found only files, directories and symlinks (GNU tar would also archive
   * FIFOs and device nodes, which archive() leaves out).
   */
  tarFits(stats: FilestoreStats): boolean {
    return !stats.special && gnuTarAvailable();
  }

  /**
   * GNU tar writing the same archive as archive() straight into `stdout` (the compressor's stdin),
   * so the filestore's bytes never pass through Node. Symlinks are stored as symlinks and never
   * followed (no -h), nothing outside `dir` is named, hard links are stored as links, and any
   * read error or file changing while read fails the archive (exit status other than 0).
   * Resolves after a successful exit.
   */
  archiveInto(dir: string, stdout: Writable, signal: AbortSignal): Promise<void> {
    const child = spawn('tar', ['--create', '--file=-', `--directory=${dir}`, '.'], {
      env: TAR_ENV,
      stdio: ['ignore', stdout, 'pipe'],
      signal,
      killSignal: 'SIGKILL',
    });
    const stderr = keepStderrTail(child.stderr!, STDERR_LIMIT);
    const exited = new Promise<void>((resolve, reject) => {
      child.on('error', (err) =>
        reject((err as { name?: string }).name === 'AbortError' ? err : unreadable(dir, err)),
      );
      child.on('close', (code, sig) => {
        if (code === 0) return resolve();
        if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
        const tail = stderr().trim().split('\n').slice(-3).join(' | ');
        reject(
          new SourceError(
            'filestore_unreadable',
            `Archiving the filestore "${dir}" failed (tar ${sig ? `killed by ${sig}` : `exit status ${code}`}): ${tail || 'no error output'}.`,
          ),
        );
      });
    });
    exited.catch(() => undefined);
    return exited;
  }

  archive(dir: string): FilestoreArchive {
    const stats: FilestoreStats = { fileCount: 0, totalBytes: 0 };
    const pack = createTar(
      {
        cwd: dir,
        follow: false,
        portable: false,
        strict: true,
        // node-tar reads up to 4 files ahead, by default in reads of up to 16 MiB each (64 MiB with
        // large files). Small reads hold little and die young: bench:backup's peak RSS fell ~20 MB.
        maxReadSize: 128 * 1024,
        filter: (_p: string, s: Stats | { type?: string; size?: number }) => {
          if (!('isFile' in s)) return true;
          // FIFOs, sockets and devices are not archived; node-tar would stall on them for good.
          if (!s.isFile() && !s.isDirectory() && !s.isSymbolicLink()) return false;
          // node-tar writes PAX times only for `instanceof Date` values; Stats from another realm
          // (e.g. a vm context) would be written as text that GNU tar rejects. Same values, local Date.
          s.atime = new Date(s.atime.getTime());
          s.mtime = new Date(s.mtime.getTime());
          s.ctime = new Date(s.ctime.getTime());
          if (s.isFile()) {
            stats.fileCount++;
            stats.totalBytes += s.size;
          }
          return true;
        },
      },
      ['.'],
    );
    const stream = Readable.from(pack as AsyncIterable<Buffer>, { objectMode: false });
    return { stream, stats };
  }
}

const STDERR_LIMIT = 4096;
export function unreadable(dir: string, err: unknown): SourceError {
  if (err instanceof SourceError) return err;
  const e = err as { code?: string; path?: string; message?: string };
  return new SourceError(
    'filestore_unreadable',
    `Reading the filestore "${dir}" failed${e.path ? ` at "${e.path}"` : ''}: ${e.code ?? e.message ?? 'error'}.`,
    { cause: err },
  );
}
