import { Injectable } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import type { RetentionCandidate } from './retention/retention-policy.js';
import { EnvironmentRetention } from './environment-retention.entity.js';
import { Schedule, ScheduleRun } from './schedule.entity.js';

/** Schedules and their runs. Every tenant method names the organization. */
@Injectable()
export class SchedulesRepository {
  constructor(private readonly tx: Transactions) {}

  private get repo() {
    return this.tx.manager().getRepository(Schedule);
  }

  private get runs() {
    return this.tx.manager().getRepository(ScheduleRun);
  }

  findById(organizationId: string, id: string): Promise<Schedule | null> {
    return this.repo.findOne({ where: { organizationId, id } });
  }

  async findOrganizationId(id: string): Promise<string | null> {
    const row = await this.repo.findOne({ where: { id }, select: { id: true, organizationId: true } });
    return row?.organizationId ?? null;
  }

  listForEnvironment(organizationId: string, environmentId: string): Promise<Schedule[]> {
    return this.repo.find({
      where: { organizationId, environmentId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insert(s: Schedule): Promise<void> {
    await this.repo.insert(s);
  }

  async save(s: Schedule): Promise<void> {
    await this.repo.save(s);
  }

  async delete(organizationId: string, id: string): Promise<void> {
    await this.repo.delete({ organizationId, id });
  }

  /**
   * Locks the most overdue due schedule that no other worker holds (SKIP LOCKED), of a live
   * organization. The caller moves next_run_at forward in the same transaction: that is the claim.
   */
  async lockNextDue(now: Date, exclude: string[] = []): Promise<Schedule | null> {
    const rows = (await this.tx.manager().query(
      `SELECT s.id, s.organization_id FROM schedules s
         JOIN organizations o ON o.id = s.organization_id AND o.deleted_at IS NULL
        WHERE s.enabled AND s.next_run_at <= $1 AND NOT (s.id = ANY($2::uuid[]))
        ORDER BY s.next_run_at, s.id
        LIMIT 1
        FOR UPDATE OF s SKIP LOCKED`,
      [now, exclude],
    )) as { id: string; organization_id: string }[];
    const row = rows[0];
    return row ? this.findById(row.organization_id, row.id) : null;
  }

  /** Moves the claim forward; false if another worker moved it first (cannot happen under the lock). */
  async advance(
    s: Schedule,
    expectedNextRunAt: Date,
    values: Pick<Schedule, 'nextRunAt' | 'lastRunAt' | 'lastBackupId' | 'lastStatus' | 'lastReason'>,
  ): Promise<boolean> {
    const [, count] = (await this.tx.manager().query(
      `UPDATE schedules SET next_run_at = $4, last_run_at = $5, last_backup_id = $6, last_status = $7,
          last_reason = $8, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND next_run_at = $3`,
      [
        s.organizationId,
        s.id,
        expectedNextRunAt,
        values.nextRunAt,
        values.lastRunAt,
        values.lastBackupId,
        values.lastStatus,
        values.lastReason,
      ],
    )) as [unknown, number];
    return count === 1;
  }

  async insertRun(run: ScheduleRun): Promise<void> {
    await this.runs.insert(run);
  }

  listRuns(organizationId: string, scheduleId: string, limit: number): Promise<ScheduleRun[]> {
    return this.runs.find({
      where: { organizationId, scheduleId },
      order: { dueAt: 'DESC', claimedAt: 'DESC' },
      take: limit,
    });
  }

  async setRetentionRun(organizationId: string, id: string, at: Date): Promise<void> {
    await this.repo.update({ organizationId, id }, { lastRetentionAt: at });
  }

  /** Schedules with a retention policy, for the sweep. */
  async withRetention(): Promise<{ organizationId: string; id: string }[]> {
    const rows = (await this.tx.manager().query(
      `SELECT s.organization_id, s.id FROM schedules s
         JOIN organizations o ON o.id = s.organization_id AND o.deleted_at IS NULL
        WHERE s.retention IS NOT NULL ORDER BY s.id`,
    )) as { organization_id: string; id: string }[];
    return rows.map((r) => ({ organizationId: r.organization_id, id: r.id }));
  }

  // --- environments' own policies for their manual backups ---------------------------------------

  findEnvironmentRetention(
    organizationId: string,
    environmentId: string,
  ): Promise<EnvironmentRetention | null> {
    return this.tx
      .manager()
      .getRepository(EnvironmentRetention)
      .findOne({ where: { organizationId, environmentId } });
  }

  async saveEnvironmentRetention(r: EnvironmentRetention): Promise<void> {
    await this.tx.manager().getRepository(EnvironmentRetention).save(r);
  }

  async deleteEnvironmentRetention(organizationId: string, environmentId: string): Promise<void> {
    await this.tx.manager().getRepository(EnvironmentRetention).delete({ organizationId, environmentId });
  }

  async setEnvironmentRetentionRun(organizationId: string, environmentId: string, at: Date): Promise<void> {
    await this.tx
      .manager()
      .getRepository(EnvironmentRetention)
      .update({ organizationId, environmentId }, { lastRunAt: at });
  }

  async environmentsWithRetention(): Promise<{ organizationId: string; environmentId: string }[]> {
    const rows = (await this.tx.manager().query(
      `SELECT r.organization_id, r.environment_id FROM environment_retention r
         JOIN organizations o ON o.id = r.organization_id AND o.deleted_at IS NULL
        ORDER BY r.environment_id`,
    )) as { organization_id: string; environment_id: string }[];
    return rows.map((r) => ({ organizationId: r.organization_id, environmentId: r.environment_id }));
  }

  // --- the backups a retention run looks at (read-only) -----------------------------------------

  async manualCandidates(organizationId: string, environmentId: string): Promise<RetentionCandidate[]> {
    const rows = (await this.tx.manager().query(
      `SELECT id, created_at, status, protected FROM backups
        WHERE organization_id = $1 AND environment_id = $2 AND trigger = 'manual' AND status <> 'failed'`,
      [organizationId, environmentId],
    )) as { id: string; created_at: Date; status: RetentionCandidate['status']; protected: boolean }[];
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, status: r.status, protected: r.protected }));
  }

  async activeBackupOf(organizationId: string, environmentId: string): Promise<string | null> {
    const rows = (await this.tx.manager().query(
      `SELECT id FROM backups WHERE organization_id = $1 AND environment_id = $2
          AND status IN ('pending', 'running') ORDER BY created_at LIMIT 1`,
      [organizationId, environmentId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async retentionCandidates(organizationId: string, scheduleId: string): Promise<RetentionCandidate[]> {
    const rows = (await this.tx.manager().query(
      `SELECT id, created_at, status, protected FROM backups
        WHERE organization_id = $1 AND schedule_id = $2 AND status <> 'failed'`,
      [organizationId, scheduleId],
    )) as { id: string; created_at: Date; status: RetentionCandidate['status']; protected: boolean }[];
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, status: r.status, protected: r.protected }));
  }

  async guards(
    organizationId: string,
    environmentId: string,
  ): Promise<{ newestCompletedId: string | null; newestVerifiedId: string | null }> {
    const newest = async (extra: string) => {
      const rows = (await this.tx.manager().query(
        `SELECT id FROM backups WHERE organization_id = $1 AND environment_id = $2 AND status = 'completed'
            ${extra} ORDER BY created_at DESC, id DESC LIMIT 1`,
        [organizationId, environmentId],
      )) as { id: string }[];
      return rows[0]?.id ?? null;
    };
    return {
      newestCompletedId: await newest(''),
      newestVerifiedId: await newest(`AND verification_status = 'passed'`),
    };
  }
}
