import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { randomUUID } from 'node:crypto';
import type { AuthContext, OrgAuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { CredentialsCipher } from '../../common/crypto/credentials-cipher.js';
import { Transactions } from '../../common/database/transactions.js';
import { isUniqueViolation } from '../../common/database/unique-violation.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { pageRequest, toPage } from '../../common/http/page-cursor.js';
import type { OrgPageQuery, PageQuery } from '../../common/http/page.query.js';
import { AuditService } from '../audit/audit.service.js';
import { BackupStorageResolver } from '../backups/backup-storage.resolver.js';
import type {
  AdminCreateEnvironmentDto,
  CreateEnvironmentDto,
  UpdateEnvironmentDto,
} from './dto/environment-input.dto.js';
import type { EnvironmentPage, EnvironmentResponse } from './dto/environment-responses.dto.js';
import { Environment } from './environment.entity.js';
import { EnvironmentsRepository } from './environments.repository.js';
import { toEnvironmentResponse } from './environments.mapper.js';
import type { DbConnection } from './pg-tools.service.js';
import { SourcePolicy, type SourceSpec } from './source-policy/source-policy.service.js';

const nameTaken = (name: string) =>
  new DomainError('conflict', `An environment named "${name}" already exists in this organization.`);

/** Environments (what gets backed up). The database password is encrypted with the row id as associated data. */
@Injectable()
export class EnvironmentsService implements OnModuleInit {
  constructor(
    private readonly environments: EnvironmentsRepository,
    private readonly cipher: CredentialsCipher,
    private readonly backupStorage: BackupStorageResolver,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly resolvers: ResourceOrgResolvers,
    private readonly policy: SourcePolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('environment_id', (id) => this.environments.findOrganizationId(id));
  }

  async list(auth: OrgAuthContext, q: PageQuery): Promise<EnvironmentPage> {
    const page = pageRequest(q);
    const { rows, next } = await this.environments.list(auth.organizationId, page);
    return toPage(page, next, rows.map(toEnvironmentResponse));
  }

  async get(auth: OrgAuthContext, id: string): Promise<EnvironmentResponse> {
    return toEnvironmentResponse(await this.require(auth.organizationId, id));
  }

  /**
   * Creates an environment. `managed`: a platform administrator creates it for the organization
   * (POST /admin/environments); its source then follows the platform's rules for managed sources
   * and the organization cannot change it.
   */
  async create(
    auth: OrgAuthContext,
    dto: CreateEnvironmentDto,
    managed = false,
  ): Promise<EnvironmentResponse> {
    const orgId = auth.organizationId;
    if (dto.storage_config_id) await this.backupStorage.resolveForBackup(orgId, dto.storage_config_id);
    await this.policy.checkForSave(
      orgId,
      {
        host: dto.database.host,
        port: dto.database.port ?? 5432,
        database: dto.database.name,
        filestorePath: dto.filestore_path || null,
      },
      managed,
    );
    const id = randomUUID();
    const password = dto.database.password || null;
    const env = Object.assign(new Environment(), {
      id,
      organizationId: orgId,
      name: dto.name,
      dbHost: dto.database.host,
      dbPort: dto.database.port ?? 5432,
      dbName: dto.database.name,
      dbUsername: dto.database.username,
      dbPasswordEnc: password ? this.cipher.encrypt(password, id) : null,
      hasPassword: !!password,
      dbSslmode: dto.database.sslmode ?? 'prefer',
      dumpFormat: dto.dump_format ?? 'plain',
      compression: dto.compression ?? this.config.backups.defaultCompression,
      filestorePath: dto.filestore_path || null,
      storageConfigId: dto.storage_config_id ?? null,
      managed,
    });
    try {
      return await this.tx.run(async () => {
        if (await this.environments.nameTaken(orgId, dto.name)) throw nameTaken(dto.name);
        await this.environments.insert(env);
        await this.audit.record(auth, {
          action: 'environment.create',
          targetType: 'environment',
          targetId: id,
          diff: this.auditView(dto),
        });
        return toEnvironmentResponse((await this.environments.findById(orgId, id))!);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(dto.name);
      throw err;
    }
  }

  /** `asAdmin`: a platform administrator (PATCH /admin/environments/{id}) may change a managed source. */
  async update(
    auth: OrgAuthContext,
    id: string,
    dto: UpdateEnvironmentDto,
    asAdmin = false,
  ): Promise<EnvironmentResponse> {
    const orgId = auth.organizationId;
    const current = await this.require(orgId, id);
    const db = dto.database ?? {};
    const sourceChanged =
      Object.keys(db).length > 0 ||
      (dto.filestore_path !== undefined && dto.filestore_path !== current.filestorePath);
    if (current.managed && !asAdmin && sourceChanged) {
      throw new DomainError(
        'forbidden',
        'This environment is managed by the platform: its database connection and filestore path can only be changed by a platform administrator.',
      );
    }
    if (dto.storage_config_id) await this.backupStorage.resolveForBackup(orgId, dto.storage_config_id);
    const changes: Partial<Environment> = {
      name: dto.name ?? current.name,
      dbHost: db.host ?? current.dbHost,
      dbPort: db.port ?? current.dbPort,
      dbName: db.name ?? current.dbName,
      dbUsername: db.username ?? current.dbUsername,
      dbSslmode: db.sslmode ?? current.dbSslmode,
      dumpFormat: dto.dump_format ?? current.dumpFormat,
      compression: dto.compression ?? current.compression,
      filestorePath: dto.filestore_path === undefined ? current.filestorePath : dto.filestore_path || null,
      storageConfigId: dto.storage_config_id === undefined ? current.storageConfigId : dto.storage_config_id,
    };
    if (sourceChanged) await this.policy.checkForSave(orgId, specOf(changes as Environment), current.managed);
    if (db.password !== undefined) {
      changes.dbPasswordEnc = db.password ? this.cipher.encrypt(db.password, id) : null;
      changes.hasPassword = !!db.password;
    }
    try {
      return await this.tx.run(async () => {
        if (dto.name && (await this.environments.nameTaken(orgId, dto.name, id))) throw nameTaken(dto.name);
        await this.environments.update(orgId, id, changes);
        await this.audit.record(auth, {
          action: 'environment.update',
          targetType: 'environment',
          targetId: id,
          diff: this.auditView(dto),
        });
        return toEnvironmentResponse((await this.environments.findById(orgId, id))!);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(dto.name ?? current.name);
      throw err;
    }
  }

  async remove(auth: OrgAuthContext, id: string, asAdmin = false): Promise<void> {
    const orgId = auth.organizationId;
    await this.tx.run(async () => {
      const current = await this.require(orgId, id);
      if (current.managed && !asAdmin) {
        throw new DomainError(
          'forbidden',
          'This environment is managed by the platform: only a platform administrator can delete it.',
        );
      }
      const backups = await this.environments.countBackups(orgId, id);
      if (backups > 0) {
        throw new DomainError(
          'conflict',
          `Cannot delete environment "${current.name}" with ${backups} backups. Delete its backups first.`,
        );
      }
      await this.environments.delete(orgId, id);
      await this.audit.record(auth, {
        action: 'environment.delete',
        targetType: 'environment',
        targetId: id,
        diff: { name: current.name },
      });
    });
  }

  // --- platform administrators (managed environments) ---------------------------------------------

  async adminCreate(auth: AuthContext, dto: AdminCreateEnvironmentDto): Promise<EnvironmentResponse> {
    const { organization_id, ...rest } = dto;
    return this.create(await this.asOrganization(auth, organization_id), rest, true);
  }

  async adminList(auth: AuthContext, q: OrgPageQuery): Promise<EnvironmentPage> {
    return this.list(await this.asOrganization(auth, q.organization_id), q);
  }

  async adminGet(auth: AuthContext, id: string): Promise<EnvironmentResponse> {
    return this.get(await this.asOwnerOf(auth, id), id);
  }

  async adminUpdate(auth: AuthContext, id: string, dto: UpdateEnvironmentDto): Promise<EnvironmentResponse> {
    return this.update(await this.asOwnerOf(auth, id), id, dto, true);
  }

  async adminRemove(auth: AuthContext, id: string): Promise<void> {
    await this.remove(await this.asOwnerOf(auth, id), id, true);
  }

  /** A platform administrator acting on one organization's environments (audited in that organization). */
  private async asOrganization(auth: AuthContext, organizationId: string): Promise<OrgAuthContext> {
    if (!(await this.environments.organizationExists(organizationId))) throw notFound('Organization');
    return { ...auth, organizationId, role: 'platform_admin' };
  }

  private async asOwnerOf(auth: AuthContext, environmentId: string): Promise<OrgAuthContext> {
    const organizationId = await this.environments.findOrganizationId(environmentId);
    if (!organizationId) throw notFound('Environment');
    return { ...auth, organizationId, role: 'platform_admin' };
  }

  // --- for the backup worker -------------------------------------------------------------------

  /** The row (no secret), or 404. */
  async require(organizationId: string, id: string): Promise<Environment> {
    const env = await this.environments.findById(organizationId, id);
    if (!env) throw notFound('Environment');
    return env;
  }

  /**
   * For the workers, right before they connect or open a path: the source re-checked against the
   * platform's policy as it is now, the connection pinned to the checked address and the filestore
   * path with its symlinks resolved. Throws SourceError `source_forbidden` otherwise.
   */
  async checkedSource(
    organizationId: string,
    id: string,
    use: 'read' | 'write',
  ): Promise<{ env: Environment; conn: DbConnection; filestorePath: string | null }> {
    const env = await this.require(organizationId, id);
    const conn = await this.connection(organizationId, id);
    const checked = await this.policy.checkForUse(organizationId, specOf(env), env.managed, use);
    return { env, conn: { ...conn, hostaddr: checked.hostaddr }, filestorePath: checked.filestorePath };
  }

  /** The decrypted connection, unchecked (use checkedSource before dialling); never serialize or log it. */
  async connection(organizationId: string, id: string): Promise<DbConnection> {
    const env = await this.environments.findWithSecret(organizationId, id);
    if (!env) throw notFound('Environment');
    return {
      host: env.dbHost,
      port: env.dbPort,
      database: env.dbName,
      username: env.dbUsername,
      password: env.dbPasswordEnc ? this.cipher.decrypt(env.dbPasswordEnc, env.id) : null,
      sslmode: env.dbSslmode,
    };
  }

  private auditView(dto: UpdateEnvironmentDto): Record<string, unknown> {
    const view: Record<string, unknown> = { ...dto };
    if (dto.database) {
      const { password, ...rest } = dto.database;
      view.database = password === undefined ? rest : { ...rest, password: '[changed]' };
    }
    return view;
  }
}

function specOf(e: Pick<Environment, 'dbHost' | 'dbPort' | 'dbName' | 'filestorePath'>): SourceSpec {
  return { host: e.dbHost, port: e.dbPort, database: e.dbName, filestorePath: e.filestorePath };
}
