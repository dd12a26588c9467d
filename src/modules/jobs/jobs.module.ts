import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { JobRunner } from './job-runner.service.js';

/** The job runner every job kind registers with (one instance for the process). */
@Module({
  providers: [Transactions, JobRunner],
  exports: [JobRunner],
})
export class JobsModule {}
