import type { Command } from 'commander';
import { withAppContext } from '../../cli/context.js';
import { PlatformAdminsService } from './platform-admins.service.js';

/** admin:grant / admin:revoke and user:disable / user:enable (`npm run cli -- admin:grant ada@example.com`). */
export function registerIdentityCommands(program: Command): void {
  const commands: [string, string, (s: PlatformAdminsService, email: string) => Promise<void>, string][] = [
    [
      'admin:grant',
      'Make a registered user a platform administrator (PLATFORM_ADMIN_EMAILS users are always admins).',
      (s, email) => s.setPlatformAdmin(email, true),
      'is now a platform administrator',
    ],
    [
      'admin:revoke',
      'Take platform administration away from a user (not from PLATFORM_ADMIN_EMAILS users).',
      (s, email) => s.setPlatformAdmin(email, false),
      'is no longer a platform administrator (unless listed in PLATFORM_ADMIN_EMAILS)',
    ],
    [
      'user:disable',
      'Disable a user: login refused and existing tokens stop working at once.',
      (s, email) => s.setDisabled(email, true),
      'is disabled',
    ],
    ['user:enable', 'Enable a disabled user again.', (s, email) => s.setDisabled(email, false), 'is enabled'],
  ];
  for (const [name, description, run, done] of commands) {
    program
      .command(`${name} <email>`)
      .description(description)
      .action(async (email: string) => {
        await withAppContext({}, async (ctx) => {
          await run(ctx.get(PlatformAdminsService), email);
          process.stdout.write(`${email.toLowerCase()} ${done}.\n`);
        });
      });
  }
}
