import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { UsersRepository } from './users.repository.js';

/** Used by the CLI (admin:grant / admin:revoke, user:disable / user:enable). */
@Injectable()
export class PlatformAdminsService {
  constructor(private readonly users: UsersRepository) {}

  async setPlatformAdmin(email: string, isAdmin: boolean): Promise<void> {
    if (!(await this.users.setPlatformAdmin(email, isAdmin)))
      throw new DomainError('not_found', `No user ${email}.`);
  }

  async setDisabled(email: string, disabled: boolean): Promise<void> {
    if (!(await this.users.setDisabled(email, disabled)))
      throw new DomainError('not_found', `No user ${email}.`);
  }
}
