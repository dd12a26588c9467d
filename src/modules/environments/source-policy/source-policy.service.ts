import { Inject, Injectable } from '@nestjs/common';
import dns from 'node:dns';
import { stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import {
  confinePath,
  offsitePaths,
  PathViolation,
  type OrgRef,
} from '../../../common/boundary/path-confinement.js';
import { DATABASE_URL } from '../../../common/database/database.module.js';
import { Transactions } from '../../../common/database/transactions.js';
import { DomainError, notFound } from '../../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.js';
import { Organization } from '../../organizations/organization.entity.js';
import { describeForbiddenAddress, isForbiddenAddress, unmapIpv4 } from '../../storage/endpoint-rules.js';
import { SourceError } from '../source-error.js';
import { parseCidr, SourceSettingsService, type SourceSettings } from './source-settings.service.js';

/** A source (or restore target) the policy refuses; `field` is the request field it came from. */
export class SourceViolation extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceViolation';
  }
}

export interface SourceSpec {
  host: string;
  port: number;
  database: string;
  filestorePath: string | null;
}

/** What the workers use after the check: the address to dial and the directory to open. */
export interface CheckedSource {
  /** The address the host resolved to when it was checked (libpq hostaddr); null for a socket. */
  hostaddr: string | null;
  /** The filestore after symlinks were resolved; null without a filestore. */
  filestorePath: string | null;
}

/** How a filestore path is going to be used: read (backup source) or written (restore target). */
export type FilestoreUse = 'read' | 'write' | 'save';

const DNS_TIMEOUT_MS = 3000;
/** A plain host name or IP literal: no spaces, commas (libpq host lists), slashes (sockets) or leading dash. */
const HOST_SYNTAX = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_][A-Za-z0-9_.:-]*)$/;

/** Loopback, unspecified, or one of this machine's interface addresses. */
function isThisMachine(address: string): boolean {
  const a = unmapIpv4(address);
  if (a === '::1' || a === '::' || a === '0.0.0.0' || /^127\./.test(a)) return true;
  return Object.values(os.networkInterfaces())
    .flat()
    .some((i) => i && unmapIpv4(i.address) === a);
}

async function resolveAll(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) return [bare];
  const found = await Promise.race([
    dns.promises.lookup(bare, { all: true }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('DNS timeout')), DNS_TIMEOUT_MS).unref(),
    ),
  ]);
  return found.map((a) => a.address);
}

/**
 * The one owner of "what may an organization make the workers touch": database hosts follow the
 * storage endpoints' address rules plus the platform's source switches, filestore paths the
 * platform's roots. Checked when an environment is saved and again by the worker right before it
 * connects or opens a path (a DNS answer or a symlink can change in between); the worker then
 * dials the address it checked.
 */
@Injectable()
export class SourcePolicy {
  private readonly own: { host: string; port: number; database: string };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
    private readonly settings: SourceSettingsService,
    private readonly tx: Transactions,
  ) {
    const url = new URL(databaseUrl);
    this.own = {
      host: url.hostname.replace(/^\[|\]$/g, '') || url.searchParams.get('host') || '/var/run/postgresql',
      port: Number(url.port || 5432),
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    };
  }

  /** For saving: a forbidden source becomes a 400 naming the field and the rule. */
  async checkForSave(organizationId: string, spec: SourceSpec, managed: boolean): Promise<void> {
    try {
      await this.check(organizationId, spec, managed, 'save');
    } catch (err) {
      if (err instanceof SourceViolation) {
        throw new DomainError('validation_failed', err.message, {
          errors: [{ field: err.field, messages: [err.message] }],
        });
      }
      throw err;
    }
  }

  /** For the workers: a forbidden source becomes `source_forbidden`, before anything is read or written. */
  async checkForUse(
    organizationId: string,
    spec: SourceSpec,
    managed: boolean,
    use: 'read' | 'write',
  ): Promise<CheckedSource> {
    try {
      return await this.check(organizationId, spec, managed, use);
    } catch (err) {
      if (err instanceof SourceViolation) throw new SourceError('source_forbidden', err.message);
      throw err;
    }
  }

  private async check(
    organizationId: string,
    spec: SourceSpec,
    managed: boolean,
    use: FilestoreUse,
  ): Promise<CheckedSource> {
    const settings = await this.settings.get();
    const hostaddr = await this.checkDatabase(spec, managed, settings);
    const filestorePath = spec.filestorePath
      ? await this.checkFilestore(
          await this.orgRef(organizationId),
          spec.filestorePath,
          managed,
          settings,
          use,
        )
      : null;
    return { hostaddr, filestorePath };
  }

  private async checkDatabase(
    spec: SourceSpec,
    managed: boolean,
    settings: SourceSettings,
  ): Promise<string | null> {
    const { host, port, database } = spec;
    if (host.startsWith('/')) {
      if (!managed)
        throw new SourceViolation(
          'database.host',
          'database.host must be a host name or IP address; Unix socket paths are only for platform-managed environments',
        );
      // A socket is this machine's server: Offsite's own database is off limits there too.
      if (database === this.own.database)
        throw new SourceViolation('database.name', `database.name "${database}" is Offsite's own database`);
      return null;
    }
    if (!net.isIP(host) && !HOST_SYNTAX.test(host))
      throw new SourceViolation('database.host', `database.host "${host}" is not a host name or IP address`);
    let addresses: string[];
    try {
      addresses = await resolveAll(host);
    } catch {
      throw new SourceViolation(
        'database.host',
        `database.host "${host}" could not be resolved; check the name (it is resolved and checked again before every backup)`,
      );
    }
    if (!addresses.length)
      throw new SourceViolation('database.host', `database.host "${host}" has no address`);
    const ownAddresses = this.own.host.startsWith('/')
      ? ['127.0.0.1']
      : await resolveAll(this.own.host).catch(() => []);
    const ownServer = (a: string) =>
      port === this.own.port &&
      ownAddresses.some((o) => unmapIpv4(o) === unmapIpv4(a) || (isThisMachine(o) && isThisMachine(a)));
    const networks = new net.BlockList();
    for (const cidr of settings.source_networks) {
      const c = parseCidr(cidr);
      if (c) networks.addSubnet(c.address, c.prefix, c.family);
    }
    for (const a of addresses) {
      if (ownServer(a)) {
        if (!managed)
          throw new SourceViolation(
            'database.host',
            `database.host ${host}:${port} is Offsite's own database server, which tenant-defined environments may never use`,
          );
        if (database === this.own.database)
          throw new SourceViolation('database.name', `database.name "${database}" is Offsite's own database`);
      }
      if (managed || settings.allow_private_sources) continue;
      const plain = unmapIpv4(a);
      const inNetworks = networks.check(plain, net.isIP(plain) === 4 ? 'ipv4' : 'ipv6');
      if (isForbiddenAddress(a) && !inNetworks) {
        throw new SourceViolation(
          'database.host',
          `database.host ${host === a ? a : `"${host}" resolves to ${a}`}${host === a ? ' is' : ','} ${describeForbiddenAddress(a) ?? 'a private or reserved address'}, which this platform does not allow for tenant databases (platform settings allow_private_sources / source_networks)`,
        );
      }
    }
    return addresses.find((a) => net.isIP(a) === 4) ?? addresses[0]!;
  }

  private async checkFilestore(
    org: OrgRef,
    p: string,
    managed: boolean,
    settings: SourceSettings,
    use: FilestoreUse,
  ): Promise<string> {
    let confined;
    try {
      confined = await confinePath(p, org, {
        roots: settings.filestore_roots,
        protectedPaths: offsitePaths(this.config),
        requireRoot: !managed,
        field: 'filestore_path',
        setting: 'filestore_roots',
      });
    } catch (err) {
      if (err instanceof PathViolation) throw new SourceViolation('filestore_path', err.message);
      throw err;
    }
    const s = await stat(confined.resolved).catch(() => null);
    if (s && !s.isDirectory())
      throw new SourceViolation('filestore_path', `filestore_path ${confined.given} is not a directory`);
    // A missing source directory is the reader's `filestore_unreadable`, not a policy matter.
    void use;
    return confined.resolved;
  }

  private async orgRef(organizationId: string): Promise<OrgRef> {
    const org = await this.tx.manager().findOne(Organization, { where: { id: organizationId } });
    if (!org) throw notFound('Organization');
    return { id: org.id, slug: org.slug };
  }
}
