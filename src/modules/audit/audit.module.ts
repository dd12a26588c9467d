import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** Import it to record audit events: AuditService.record(auth, { action, targetType, targetId, diff }). */
@Module({
  controllers: [AuditController],
  providers: [Transactions, AuditLogRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
