import type { RetentionDecision, RetentionPolicy } from './retention/retention-policy.js';
import type { Schedule, ScheduleRun } from './schedule.entity.js';
import type {
  RetentionDecisionResponse,
  RetentionPolicyResponse,
  ScheduleResponse,
  ScheduleRunResponse,
} from './dto/schedule-responses.dto.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPolicyResponse(p: RetentionPolicy | null): RetentionPolicyResponse | null {
  if (!p) return null;
  return {
    keep_last: p.keep_last ?? null,
    keep_hourly: p.keep_hourly ?? null,
    keep_daily: p.keep_daily ?? null,
    keep_weekly: p.keep_weekly ?? null,
    keep_monthly: p.keep_monthly ?? null,
    keep_yearly: p.keep_yearly ?? null,
    keep_within: p.keep_within ?? null,
  };
}

export function toScheduleResponse(s: Schedule): ScheduleResponse {
  return {
    id: s.id,
    organization_id: s.organizationId,
    environment_id: s.environmentId,
    name: s.name,
    cron: s.cron,
    timezone: s.timezone,
    enabled: s.enabled,
    storage_config_id: s.storageConfigId,
    retention: toPolicyResponse(s.retention),
    jitter_seconds: s.jitterSeconds,
    next_run_at: iso(s.nextRunAt),
    last_run_at: iso(s.lastRunAt),
    last_backup_id: s.lastBackupId,
    last_status: s.lastStatus,
    last_reason: s.lastReason,
    last_retention_at: iso(s.lastRetentionAt),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

export function toScheduleRunResponse(r: ScheduleRun): ScheduleRunResponse {
  return {
    id: r.id,
    schedule_id: r.scheduleId,
    due_at: r.dueAt.toISOString(),
    claimed_at: r.claimedAt.toISOString(),
    status: r.status,
    reason: r.reason,
    backup_id: r.backupId,
    missed_count: r.missedCount,
    missed_times: r.missedTimes,
  };
}

export function toDecisionResponse(d: RetentionDecision): RetentionDecisionResponse {
  return {
    backup_id: d.id,
    created_at: d.createdAt.toISOString(),
    status: d.status,
    action: d.action,
    reasons: d.reasons,
  };
}
