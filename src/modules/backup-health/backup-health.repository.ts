import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Transactions } from '../../common/database/transactions.js';
import { EnvironmentFreshness } from './environment-freshness.entity.js';

export interface ScheduleTiming {
  organization_id: string;
  environment_id: string;
  cron: string;
  timezone: string;
  next_run_at: Date | null;
}

export interface EnvironmentFacts {
  id: string;
  name: string;
  last_completed_at: Date | null;
  /** created_at of the newest completed backup: what freshness measures. */
  newest_taken_at: Date | null;
  last_verified_at: Date | null;
  last_failed_at: Date | null;
  last_error_code: string | null;
  last_error_message: string | null;
}

/** Reads for freshness and the backup-health summary; the freshness rows. */
@Injectable()
export class BackupHealthRepository {
  constructor(private readonly tx: Transactions) {}

  private q<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.tx.manager().query(sql, params) as Promise<T[]>;
  }

  /** Enabled schedules, of one organization or of all. */
  enabledSchedules(orgId: string | null): Promise<ScheduleTiming[]> {
    return this.q(
      `SELECT organization_id, environment_id, cron, timezone, next_run_at FROM schedules
        WHERE enabled AND ($1::uuid IS NULL OR organization_id = $1)`,
      [orgId],
    );
  }

  /**
   * Per environment of the given ones: when its newest completed backup was taken (created_at, the
   * point in time its data is from).
   */
  async newestCompleted(orgId: string, environmentIds: string[]): Promise<Map<string, Date>> {
    const rows = await this.q<{ environment_id: string; at: Date }>(
      `SELECT environment_id, max(created_at) AS at FROM backups
        WHERE organization_id = $1 AND environment_id = ANY($2::uuid[]) AND status = 'completed'
        GROUP BY environment_id`,
      [orgId, environmentIds],
    );
    return new Map(rows.map((r) => [r.environment_id, new Date(r.at)]));
  }

  /** What the dashboard shows per environment of an organization. */
  environmentFacts(orgId: string): Promise<EnvironmentFacts[]> {
    return this.q(
      `SELECT e.id, e.name,
              (SELECT max(completed_at) FROM backups b WHERE b.organization_id = e.organization_id
                 AND b.environment_id = e.id AND b.status = 'completed') AS last_completed_at,
              (SELECT max(created_at) FROM backups b WHERE b.organization_id = e.organization_id
                 AND b.environment_id = e.id AND b.status = 'completed') AS newest_taken_at,
              (SELECT max(verified_at) FROM backups b WHERE b.organization_id = e.organization_id
                 AND b.environment_id = e.id AND b.verification_status = 'passed') AS last_verified_at,
              f.completed_at AS last_failed_at, f.error_code AS last_error_code,
              f.error_message AS last_error_message
         FROM environments e
         LEFT JOIN LATERAL (SELECT completed_at, error_code, error_message FROM backups b
                             WHERE b.organization_id = e.organization_id AND b.environment_id = e.id
                               AND b.status = 'failed'
                             ORDER BY completed_at DESC NULLS LAST LIMIT 1) f ON true
        WHERE e.organization_id = $1
        ORDER BY e.name`,
      [orgId],
    );
  }

  async failuresSince(orgId: string, since: Date): Promise<{ backups: number; restores: number }> {
    const [row] = await this.q<{ backups: number; restores: number }>(
      `SELECT (SELECT count(*)::int FROM backups WHERE organization_id = $1 AND status = 'failed'
                 AND error_code IS DISTINCT FROM 'cancelled' AND created_at >= $2) AS backups,
              (SELECT count(*)::int FROM restores WHERE organization_id = $1 AND status = 'failed'
                 AND error_code IS DISTINCT FROM 'cancelled' AND created_at >= $2) AS restores`,
      [orgId, since],
    );
    return row ?? { backups: 0, restores: 0 };
  }

  async environmentName(orgId: string, id: string): Promise<string | null> {
    const [row] = await this.q<{ name: string }>(
      'SELECT name FROM environments WHERE organization_id = $1 AND id = $2',
      [orgId, id],
    );
    return row?.name ?? null;
  }

  lockFreshness(environmentId: string): Promise<EnvironmentFreshness | null> {
    return this.tx
      .manager()
      .getRepository(EnvironmentFreshness)
      .createQueryBuilder('f')
      .where('f.environment_id = :environmentId', { environmentId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async saveFreshness(row: EnvironmentFreshness): Promise<void> {
    await this.tx
      .manager()
      .getRepository(EnvironmentFreshness)
      .upsert(row as QueryDeepPartialEntity<EnvironmentFreshness>, ['environmentId']);
  }

  /** Drops the rows of environments that no longer have an enabled schedule. */
  async dropUnscheduled(): Promise<void> {
    await this.q(
      `DELETE FROM environment_freshness f WHERE NOT EXISTS (
         SELECT 1 FROM schedules s WHERE s.enabled AND s.environment_id = f.environment_id)`,
      [],
    );
  }
}
