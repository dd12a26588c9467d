import { Inject, Injectable } from '@nestjs/common';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { Clock } from '../../common/clock/clock.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { isS3Provider } from '../storage/storage-driver.js';
import { StorageError } from '../storage/storage-errors.js';
import { StorageConnectionsService } from '../storage-configs/storage-connections.service.js';
import { ByteRange } from './backup-streams.js';
import type { Backup } from './backup.entity.js';
import { BackupsRepository } from './backups.repository.js';
import { DownloadLinks, parseRange, type DownloadPart } from './download-links.js';
import type { BackupDownloadResponse } from './dto/backup-responses.dto.js';

/** Presigned URLs (S3 family) are valid 1 hour (the scoped-key and presign contract); Offsite's own links are shorter-lived. */
const PRESIGN_TTL_SECONDS = 3600;
const LINK_TTL_SECONDS = 900;

export interface PartStream {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

/**
 * Getting a completed backup's parts out: presigned URLs where the provider signs them, and
 * otherwise Offsite's own short-lived signed links, streamed (with ranges) from the storage.
 */
@Injectable()
export class BackupDownloads {
  private readonly links: DownloadLinks;

  constructor(
    private readonly backups: BackupsRepository,
    private readonly storageConnections: StorageConnectionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new DownloadLinks(config.auth.jwtSecret);
  }

  async downloadLinks(auth: OrgAuthContext, id: string): Promise<BackupDownloadResponse> {
    const backup = await this.require(auth.organizationId, id);
    if (backup.status !== 'completed') {
      throw new DomainError(
        'conflict',
        `The backup is ${backup.status}; only completed backups can be downloaded.`,
      );
    }
    const driver = await this.storageConnections.openDriverForRequest(backup.storageConfigId);
    try {
      const presign = isS3Provider(driver.provider);
      const ttl = presign ? PRESIGN_TTL_SECONDS : LINK_TTL_SECONDS;
      const exp = Math.floor(this.clock.nowMs() / 1000) + ttl;
      const parts = [];
      for (const p of backup.parts) {
        const url = presign
          ? await driver.presignDownload(p.key, ttl)
          : `${this.config.publicUrl}/api/v1/backups/files/${this.links.sign({
              organizationId: backup.organizationId,
              backupId: backup.id,
              part: p.name as DownloadPart,
              exp,
            })}`;
        parts.push({
          name: p.name,
          file: path.posix.basename(p.key),
          size_bytes: p.sizeBytes,
          sha256: p.sha256,
          url,
          expires_at: new Date(exp * 1000).toISOString(),
        });
      }
      return { backup_id: backup.id, parts };
    } finally {
      await driver.close().catch(() => undefined);
    }
  }

  /** The public streaming endpoint behind a signed link: the token is the only authorization. */
  async streamPart(token: string, range: string | undefined): Promise<PartStream> {
    const claim = this.links.verify(token);
    if (!claim) throw new DomainError('not_found', 'This download link is invalid or has expired.');
    const backup = await this.backups.findById(claim.organizationId, claim.backupId);
    const part = backup?.status === 'completed' ? backup.parts.find((p) => p.name === claim.part) : undefined;
    if (!backup || !part) throw new DomainError('not_found', 'This download link is invalid or has expired.');
    const driver = await this.storageConnections.openDriverForRequest(backup.storageConfigId);
    const headers: Record<string, string> = {
      'accept-ranges': 'bytes',
      'content-type': part.name === 'manifest' ? 'application/json' : 'application/octet-stream',
      'content-disposition': `attachment; filename="${path.posix.basename(part.key)}"`,
      'cache-control': 'private, no-store',
    };
    const size = part.sizeBytes;
    const r = parseRange(range, size);
    if (r === null) {
      await driver.close().catch(() => undefined);
      return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: null };
    }
    let source: Readable;
    try {
      source = await driver.download(part.key);
    } catch (err) {
      await driver.close().catch(() => undefined);
      const e = err instanceof StorageError ? err : undefined;
      if (e?.code === 'not_found')
        throw new DomainError('not_found', 'The object is missing from the storage.');
      throw new DomainError('unavailable', `The storage could not be read: ${(err as Error).message}`);
    }
    const release = () => void driver.close().catch(() => undefined);
    source.once('close', release);
    if (!r) return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: source };
    // Drivers stream from the start; the bytes before the range are read and dropped.
    const ranged = new ByteRange(r.start, r.end);
    source.pipe(ranged);
    ranged.once('range-complete', () => source.destroy());
    ranged.once('close', () => source.destroy());
    source.once('error', (err) => ranged.destroy(err));
    return {
      status: 206,
      headers: {
        ...headers,
        'content-length': String(r.end - r.start + 1),
        'content-range': `bytes ${r.start}-${r.end}/${size}`,
      },
      body: ranged,
    };
  }

  private async require(organizationId: string, id: string): Promise<Backup> {
    const b = await this.backups.findById(organizationId, id);
    if (!b) throw notFound('Backup');
    return b;
  }
}
