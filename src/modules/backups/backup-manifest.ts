import type { BackupPart } from './backup.entity.js';

export const MANIFEST_FILE = 'metadata.json';
export const MANIFEST_FORMAT_VERSION = 1;

export interface ManifestPart {
  name: 'database' | 'filestore';
  /** File name inside the backup folder. */
  file: string;
  /** Full object key in the bucket / base directory (path prefix included). */
  key: string;
  size_bytes: number;
  sha256: string;
  compression: 'gzip' | 'zstd' | 'none';
  format: 'plain' | 'custom' | 'tar';
  server_version?: string;
  pg_dump_version?: string;
  tables?: string[];
  file_count?: number;
  uncompressed_bytes?: number;
  /**
   * The stored bytes' sha256 per block of `block_size` bytes (first 128 bits, hex), filestore only:
   * a restore passes a block on only after it matched (the catalog's copy is the one trusted).
   */
  block_size?: number;
  block_sha256?: string[];
}

/**
 * metadata.json: everything needed to check and restore the backup without Offsite (format
 * version 1). Written last; a backup folder without it is incomplete.
 */
export interface BackupManifest {
  format_version: number;
  tool: { name: 'offsite'; version: string };
  backup_id: string;
  organization: { id: string; slug: string; name: string };
  environment: { id: string; name: string };
  note: string | null;
  created_at: string;
  started_at: string;
  completed_at: string;
  storage: { provider: string; path_prefix: string; folder: string };
  parts: ManifestPart[];
  restore: Record<string, string>;
}

export function restoreHints(parts: ManifestPart[]): Record<string, string> {
  const hints: Record<string, string> = {};
  const unpack = (p: ManifestPart) =>
    p.compression === 'gzip' ? `gzip -dc ${p.file}` : `zstd -dc ${p.file}`;
  for (const p of parts) {
    if (p.name === 'database') {
      hints.database =
        p.format === 'custom'
          ? `createdb NEWDB && pg_restore --no-owner --jobs 4 -d NEWDB ${p.file}`
          : `createdb NEWDB && ${unpack(p)} | psql -v ON_ERROR_STOP=1 -d NEWDB`;
    } else {
      hints.filestore = `mkdir -p DIR && ${unpack(p)} | tar --warning=no-unknown-keyword -xpf - -C DIR`;
    }
  }
  hints.verify = 'sha256sum each file and compare with parts[].sha256';
  return hints;
}

/** The catalog's view of the manifest parts (plus the manifest itself, added by the caller). */
export function catalogParts(folder: string, parts: ManifestPart[]): BackupPart[] {
  return parts.map((p) => ({
    name: p.name,
    key: folder + p.file,
    sizeBytes: p.size_bytes,
    sha256: p.sha256,
    compression: p.compression,
    format: p.format,
    ...(p.block_size && p.block_sha256 ? { blocks: { size: p.block_size, sha256: p.block_sha256 } } : {}),
  }));
}
