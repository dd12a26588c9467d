import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

@Module({
  providers: [Transactions, IdempotencyKeysRepository, IdempotencyInterceptor],
  exports: [IdempotencyKeysRepository, IdempotencyInterceptor],
})
export class IdempotencyModule {}
