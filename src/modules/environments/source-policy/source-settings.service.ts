import { Inject, Injectable } from '@nestjs/common';
import net from 'node:net';
import { offsitePaths, rootTemplateProblems } from '../../../common/boundary/path-confinement.js';
import { Transactions } from '../../../common/database/transactions.js';
import { PlatformSetting } from '../../../common/database/platform-setting.entity.js';
import { DomainError, type FieldError } from '../../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.js';

/** The platform's source policy: what organizations may make the workers read, dial and overwrite. */
export interface SourceSettings {
  /** Directories (templates with {organization_id}/{organization_slug}) for tenant-defined filestores. */
  filestore_roots: string[];
  /** Tenant-defined database hosts may be private, loopback or link-local addresses. */
  allow_private_sources: boolean;
  /** CIDR networks tenant-defined database hosts may use even when private sources are off. */
  source_networks: string[];
}

const KEY = 'sources';

/** Parses `10.0.0.0/8`, `fd00::/8` or a single address; null when it is not one. */
export function parseCidr(s: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address, bits, ...rest] = s.trim().split('/');
  if (rest.length || !address) return null;
  const v = net.isIP(address);
  if (!v) return null;
  const max = v === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits)))
    return null;
  return { address, prefix, family: v === 4 ? 'ipv4' : 'ipv6' };
}

/** Platform source switches, one row of platform_settings; defaults come from the configuration. */
@Injectable()
export class SourceSettingsService {
  constructor(
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  defaults(): SourceSettings {
    return {
      filestore_roots: [...this.config.sources.defaultFilestoreRoots],
      allow_private_sources: false,
      source_networks: [],
    };
  }

  async get(): Promise<SourceSettings> {
    const row = await this.tx.manager().findOne(PlatformSetting, { where: { key: KEY } });
    return { ...this.defaults(), ...((row?.value ?? {}) as Partial<SourceSettings>) };
  }

  /** Partial update: omitted fields stay as they are. Refuses unusable roots and networks (400). */
  async update(patch: Partial<SourceSettings>): Promise<{ before: SourceSettings; after: SourceSettings }> {
    const errors: FieldError[] = [];
    patch.filestore_roots?.forEach((root, i) => {
      const problems = rootTemplateProblems(root, offsitePaths(this.config));
      if (problems.length) errors.push({ field: `filestore_roots[${i}]`, messages: problems });
    });
    patch.source_networks?.forEach((cidr, i) => {
      if (!parseCidr(cidr))
        errors.push({
          field: `source_networks[${i}]`,
          messages: [`"${cidr}" is not a CIDR network such as 10.20.0.0/16 or fd00:1::/64`],
        });
    });
    if (errors.length) {
      throw new DomainError(
        'validation_failed',
        `Invalid source settings: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
        { errors },
      );
    }
    return this.tx.run(async () => {
      await this.tx
        .manager()
        .query('SELECT pg_advisory_xact_lock(hashtext($1))', ['platform_settings:sources']);
      const before = await this.get();
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const after: SourceSettings = { ...before, ...defined };
      await this.tx.manager().upsert(PlatformSetting, { key: KEY, value: after }, ['key']);
      return { before, after };
    });
  }
}
