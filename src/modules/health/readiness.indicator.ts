import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../common/queue/job-queue.js';

@Injectable()
export class ReadinessIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly jobQueue: JobQueue,
  ) {}

  async migrations<K extends string>(key: K) {
    const check = this.indicator.check(key);
    const pending = await this.dataSource.showMigrations();
    return pending ? check.down({ message: 'migrations pending: run npm run migration:run' }) : check.up();
  }

  queueStarted<K extends string>(key: K) {
    const check = this.indicator.check(key);
    return this.jobQueue.isStarted() ? check.up() : check.down({ message: 'job queue not started' });
  }
}
