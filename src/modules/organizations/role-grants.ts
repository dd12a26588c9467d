import type { AuthContext } from '../../common/auth/auth-context.js';
import type { Permission } from '../../common/auth/permissions.js';
import { DomainError } from '../../common/errors/domain-error.js';

/**
 * No escalation: a caller may only grant, or manage holders of, permissions they hold themselves.
 * This is what keeps admins (without org.owner.manage and org.delete) away from owners and from
 * creating a custom role stronger than their own.
 */
export function assertCanGrant(auth: AuthContext, permissions: readonly Permission[]): void {
  const missing = permissions.filter((p) => !auth.permissions.includes(p));
  if (missing.length) {
    throw new DomainError(
      'permission_denied',
      `You cannot grant or manage permissions you do not hold: ${missing.join(', ')}.`,
      { missing_permissions: missing },
    );
  }
}
