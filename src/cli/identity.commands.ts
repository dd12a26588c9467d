import type { Command } from 'commander';
import { withAppContext } from './context.js';
import { AuthService } from '../modules/identity/auth.service.js';
import { PlatformAdminsService } from '../modules/identity/platform-admins.service.js';

/**
 * admin:grant / admin:revoke, user:disable / user:enable (`npm run cli -- admin:grant ada@example.com`)
 * and user:reset-link.
 */
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

  program
    .command('user:reset-link <email>')
    .description(
      'Print a password reset token and link for a user (single use, valid 30 minutes), for when no mail is sent.',
    )
    .action(async (email: string) => {
      await withAppContext({}, async (ctx, { publicUrl }) => {
        const issued = await ctx.get(AuthService).issueResetToken(email);
        if (!issued) throw new Error(`No active user ${email.toLowerCase()}.`);
        // Printed for the operator to hand over; never logged.
        process.stdout.write(
          `Password reset for ${email.toLowerCase()}, single use, valid until ${issued.expiresAt.toISOString()}:\n` +
            `  token: ${issued.token}\n` +
            `  POST ${publicUrl}/api/v1/auth/password-reset/confirm {"token": "<token>", "new_password": "…"}\n`,
        );
      });
    });
}
