import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { Clock } from '../../common/clock/clock.js';
import { Transactions } from '../../common/database/transactions.js';
import { isUniqueViolation } from '../../common/database/unique-violation.js';
import { DomainError, notFound, type FieldError } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { EnvironmentsService } from '../environments/environments.service.js';
import { BackupStorageResolver } from '../backups/backup-storage.resolver.js';
import { StorageSettingsService } from '../storage-configs/storage-settings.service.js';
import { CronProblem, CronSpec, formatInZone, isValidTimeZone } from './cron.js';
import { EnvironmentRetention } from './environment-retention.entity.js';
import type {
  CreateScheduleDto,
  EnvironmentRetentionDto,
  RetentionPolicyDto,
  RetentionPreviewDto,
  UpdateScheduleDto,
} from './dto/schedule-input.dto.js';
import type {
  EnvironmentRetentionPreviewResponse,
  EnvironmentRetentionResponse,
  NextRunsResponse,
  RetentionPreviewResponse,
  ScheduleResponse,
  ScheduleRunResponse,
} from './dto/schedule-responses.dto.js';
import { RetentionService } from './retention.service.js';
import { isEmptyPolicy, policyProblems, type RetentionPolicy } from './retention/retention-policy.js';
import { Schedule } from './schedule.entity.js';
import { nextFireAfter } from './schedule-timing.js';
import { SchedulesRepository } from './schedules.repository.js';
import {
  toDecisionResponse,
  toPolicyResponse,
  toScheduleResponse,
  toScheduleRunResponse,
} from './schedules.mapper.js';

function invalid(errors: FieldError[]): DomainError {
  return new DomainError(
    'validation_failed',
    `Invalid schedule: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
    { errors },
  );
}

@Injectable()
export class SchedulesService implements OnModuleInit {
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly environments: EnvironmentsService,
    private readonly backupStorage: BackupStorageResolver,
    private readonly settings: StorageSettingsService,
    private readonly retention: RetentionService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly resolvers: ResourceOrgResolvers,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('schedule_id', (id) => this.schedules.findOrganizationId(id));
  }

  async create(
    auth: OrgAuthContext,
    environmentId: string,
    dto: CreateScheduleDto,
  ): Promise<ScheduleResponse> {
    const orgId = auth.organizationId;
    const env = await this.environments.require(orgId, environmentId);
    const timezone = dto.timezone ?? 'UTC';
    const spec = await this.validate(orgId, dto.cron, timezone, dto.retention, dto.storage_config_id);
    const s = Object.assign(new Schedule(), {
      id: randomUUID(),
      organizationId: orgId,
      environmentId: env.id,
      name: dto.name,
      cron: spec.expression,
      timezone,
      enabled: dto.enabled ?? true,
      storageConfigId: dto.storage_config_id ?? null,
      retention: normalizePolicy(dto.retention),
      jitterSeconds: dto.jitter_seconds ?? 0,
      lastRunAt: null,
      lastBackupId: null,
      lastStatus: null,
      lastReason: null,
      lastRetentionAt: null,
      createdBy: auth.userId,
    } satisfies Partial<Schedule>);
    s.nextRunAt = s.enabled ? nextFireAfter(spec, s, this.clock.now()) : null;
    await this.tx.run(async () => {
      await this.uniqueName(() => this.schedules.insert(s), dto.name);
      await this.audit.record(auth, {
        action: 'schedule.create',
        targetType: 'schedule',
        targetId: s.id,
        diff: { environment_id: env.id, name: s.name, cron: s.cron, timezone, retention: s.retention },
      });
    });
    return this.get(auth, s.id);
  }

  async list(auth: OrgAuthContext, environmentId: string): Promise<ScheduleResponse[]> {
    await this.environments.require(auth.organizationId, environmentId);
    return (await this.schedules.listForEnvironment(auth.organizationId, environmentId)).map(
      toScheduleResponse,
    );
  }

  async get(auth: OrgAuthContext, id: string): Promise<ScheduleResponse> {
    return toScheduleResponse(await this.require(auth.organizationId, id));
  }

  async update(auth: OrgAuthContext, id: string, dto: UpdateScheduleDto): Promise<ScheduleResponse> {
    const orgId = auth.organizationId;
    if (dto.name === null || dto.cron === null || dto.timezone === null || dto.enabled === null) {
      const field = (['name', 'cron', 'timezone', 'enabled'] as const).find((f) => dto[f] === null)!;
      throw invalid([{ field, messages: [`${field} cannot be null`] }]);
    }
    await this.tx.run(async () => {
      const s = await this.require(orgId, id);
      const before = { cron: s.cron, timezone: s.timezone, enabled: s.enabled, jitter: s.jitterSeconds };
      const cron = dto.cron ?? s.cron;
      const timezone = dto.timezone ?? s.timezone;
      const spec = await this.validate(
        orgId,
        cron,
        timezone,
        dto.retention,
        dto.storage_config_id,
        dto.cron === undefined && dto.timezone === undefined,
      );
      if (dto.name !== undefined) s.name = dto.name;
      s.cron = spec.expression;
      s.timezone = timezone;
      if (dto.enabled !== undefined) s.enabled = dto.enabled;
      if (dto.storage_config_id !== undefined) s.storageConfigId = dto.storage_config_id;
      if (dto.retention !== undefined) s.retention = normalizePolicy(dto.retention);
      if (dto.jitter_seconds !== undefined) s.jitterSeconds = dto.jitter_seconds;
      const timingChanged =
        before.cron !== s.cron ||
        before.timezone !== s.timezone ||
        before.enabled !== s.enabled ||
        before.jitter !== s.jitterSeconds;
      if (timingChanged) s.nextRunAt = s.enabled ? nextFireAfter(spec, s, this.clock.now()) : null;
      await this.uniqueName(() => this.schedules.save(s), s.name);
      await this.audit.record(auth, {
        action: 'schedule.update',
        targetType: 'schedule',
        targetId: id,
        diff: { ...dto },
      });
    });
    return this.get(auth, id);
  }

  async remove(auth: OrgAuthContext, id: string): Promise<void> {
    const orgId = auth.organizationId;
    await this.tx.run(async () => {
      const s = await this.require(orgId, id);
      await this.schedules.delete(orgId, id);
      await this.audit.record(auth, {
        action: 'schedule.delete',
        targetType: 'schedule',
        targetId: id,
        diff: { name: s.name, environment_id: s.environmentId },
      });
    });
  }

  async nextRuns(auth: OrgAuthContext, id: string, count = 5): Promise<NextRunsResponse> {
    const s = await this.require(auth.organizationId, id);
    const spec = CronSpec.parse(s.cron, s.timezone);
    const items = [];
    let cursor = this.clock.now();
    for (let i = 0; i < count; i++) {
      const at = nextFireAfter(spec, s, cursor);
      if (!at) break;
      items.push({ at: at.toISOString(), local: formatInZone(at, s.timezone) });
      cursor = at;
    }
    return { timezone: s.timezone, jitter_seconds: s.jitterSeconds, items };
  }

  async runs(auth: OrgAuthContext, id: string, limit = 50): Promise<ScheduleRunResponse[]> {
    await this.require(auth.organizationId, id);
    return (await this.schedules.listRuns(auth.organizationId, id, limit)).map(toScheduleRunResponse);
  }

  async preview(
    auth: OrgAuthContext,
    id: string,
    dto: RetentionPreviewDto,
  ): Promise<RetentionPreviewResponse> {
    const s = await this.require(auth.organizationId, id);
    if (dto.retention) this.checkPolicy(dto.retention);
    const policy = dto.retention ? normalizePolicy(dto.retention) : s.retention;
    const decisions = await this.retention.decide(s, policy);
    return {
      schedule_id: s.id,
      timezone: s.timezone,
      policy: toPolicyResponse(policy),
      keep_count: decisions.filter((d) => d.action === 'keep').length,
      delete_count: decisions.filter((d) => d.action === 'delete').length,
      items: decisions.map(toDecisionResponse),
    };
  }

  // --- an environment's own policy for its manual backups ---------------------------------------

  async environmentRetention(
    auth: OrgAuthContext,
    environmentId: string,
  ): Promise<EnvironmentRetentionResponse> {
    await this.environments.require(auth.organizationId, environmentId);
    const r = await this.schedules.findEnvironmentRetention(auth.organizationId, environmentId);
    return {
      environment_id: environmentId,
      retention: toPolicyResponse(r?.policy ?? null),
      timezone: r?.timezone ?? 'UTC',
      last_run_at: r?.lastRunAt?.toISOString() ?? null,
    };
  }

  async setEnvironmentRetention(
    auth: OrgAuthContext,
    environmentId: string,
    dto: EnvironmentRetentionDto,
  ): Promise<EnvironmentRetentionResponse> {
    const orgId = auth.organizationId;
    await this.environments.require(orgId, environmentId);
    const timezone = dto.timezone ?? 'UTC';
    if (!isValidTimeZone(timezone)) {
      throw invalid([
        {
          field: 'timezone',
          messages: [`"${timezone}" is not an IANA time zone (e.g. Europe/Berlin, UTC).`],
        },
      ]);
    }
    if (dto.retention) this.checkPolicy(dto.retention);
    const policy = normalizePolicy(dto.retention);
    await this.tx.run(async () => {
      if (policy) {
        await this.schedules.saveEnvironmentRetention(
          Object.assign(new EnvironmentRetention(), {
            organizationId: orgId,
            environmentId,
            policy,
            timezone,
          }),
        );
      } else {
        await this.schedules.deleteEnvironmentRetention(orgId, environmentId);
      }
      await this.audit.record(auth, {
        action: 'environment.retention.update',
        targetType: 'environment',
        targetId: environmentId,
        diff: { retention: policy, timezone },
      });
    });
    return this.environmentRetention(auth, environmentId);
  }

  async previewEnvironmentRetention(
    auth: OrgAuthContext,
    environmentId: string,
    dto: RetentionPreviewDto,
  ): Promise<EnvironmentRetentionPreviewResponse> {
    const orgId = auth.organizationId;
    await this.environments.require(orgId, environmentId);
    if (dto.retention) this.checkPolicy(dto.retention);
    const saved = await this.schedules.findEnvironmentRetention(orgId, environmentId);
    const policy = dto.retention ? normalizePolicy(dto.retention) : (saved?.policy ?? null);
    const timezone = saved?.timezone ?? 'UTC';
    const decisions = await this.retention.decideManual(orgId, environmentId, policy, timezone);
    return {
      environment_id: environmentId,
      timezone,
      policy: toPolicyResponse(policy),
      keep_count: decisions.filter((d) => d.action === 'keep').length,
      delete_count: decisions.filter((d) => d.action === 'delete').length,
      items: decisions.map(toDecisionResponse),
    };
  }

  private async require(orgId: string, id: string): Promise<Schedule> {
    const s = await this.schedules.findById(orgId, id);
    if (!s) throw notFound('Schedule');
    return s;
  }

  private checkPolicy(p: RetentionPolicyDto): void {
    const problems = policyProblems(p);
    if (problems.length) {
      throw invalid(problems.map((e) => ({ field: `retention.${e.field}`, messages: [e.message] })));
    }
  }

  /** Cron and zone, the platform's minimum interval, the retention policy and the storage config. */
  private async validate(
    orgId: string,
    cron: string,
    timezone: string,
    retention: RetentionPolicyDto | null | undefined,
    storageConfigId: string | null | undefined,
    cronUnchanged = false,
  ): Promise<CronSpec> {
    let spec: CronSpec;
    try {
      spec = CronSpec.parse(cron, timezone);
    } catch (err) {
      if (err instanceof CronProblem) throw invalid([{ field: err.field, messages: [err.message] }]);
      throw err;
    }
    if (!cronUnchanged) {
      const { min_schedule_interval_minutes: min } = await this.settings.get();
      const every = spec.minIntervalMinutes(this.clock.now());
      if (every < min) {
        throw invalid([
          {
            field: 'cron',
            messages: [
              `"${cron}" fires ${formatMinutes(every)} apart; this platform's minimum interval is ${min} minutes (min_schedule_interval_minutes)`,
            ],
          },
        ]);
      }
    }
    if (retention) this.checkPolicy(retention);
    if (storageConfigId) {
      await this.backupStorage.resolveForBackup(orgId, storageConfigId).catch((err: unknown) => {
        if (err instanceof DomainError)
          throw invalid([{ field: 'storage_config_id', messages: [err.detail] }]);
        throw err;
      });
    }
    return spec;
  }

  private async uniqueName(fn: () => Promise<void>, name: string): Promise<void> {
    try {
      await fn();
    } catch (err) {
      if (isUniqueViolation(err))
        throw new DomainError('conflict', `This environment already has a schedule named "${name}".`);
      throw err;
    }
  }
}

function formatMinutes(m: number): string {
  return m < 1 ? `${Math.round(m * 60)} seconds` : `${m} minutes`;
}

/** Stores only the rules that are set; an empty policy is null (keep everything). */
function normalizePolicy(p: RetentionPolicyDto | null | undefined): RetentionPolicy | null {
  if (!p || isEmptyPolicy(p)) return null;
  const out: RetentionPolicy = {};
  for (const k of [
    'keep_last',
    'keep_hourly',
    'keep_daily',
    'keep_weekly',
    'keep_monthly',
    'keep_yearly',
  ] as const) {
    if (p[k] !== undefined && p[k] !== null && p[k] !== 0) out[k] = p[k];
  }
  if (p.keep_within) out.keep_within = p.keep_within.trim();
  return out;
}
