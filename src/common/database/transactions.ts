import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

// Module-level so every Transactions instance (one per module that provides it) sees the same scope.
const current = new AsyncLocalStorage<EntityManager>();

/**
 * The explicit transaction helper. Repositories get their EntityManager from manager(): inside
 * run() that is the transaction's, so a service groups several repository calls (and the audit
 * row describing them) into one transaction without passing managers around.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    if (current.getStore()) return fn();
    return this.dataSource.transaction((manager) => current.run(manager, fn));
  }

  manager(): EntityManager {
    return current.getStore() ?? this.dataSource.manager;
  }
}
