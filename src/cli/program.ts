import { Command, CommanderError } from 'commander';
import { writeFile } from 'node:fs/promises';
import { API_VERSION } from '../common/openapi/openapi.js';
import { registerIdentityCommands } from './identity.commands.js';
import { registerStorageValidateCommand } from './storage-validate.command.js';
import { withAppContext, withHttpApp } from './context.js';

/** The one CLI entry point (`npm run cli -- <command>`). Feature modules add their commands here. */
export function buildProgram(): Command {
  const program = new Command('offsite')
    .description('Offsite command line: administration, migrations, storage validation.')
    .version(API_VERSION)
    .exitOverride();

  program
    .command('migration:run')
    .description(
      'Apply pending database migrations (the app also runs them at start unless MIGRATIONS_RUN=false).',
    )
    .action(async () => {
      await withAppContext({ migrationsRun: true, workerEnabled: false }, async () => {
        process.stdout.write('Migrations are up to date.\n');
      });
    });

  program
    .command('openapi')
    .description('Write the OpenAPI document generated from the code.')
    .option('--out <file>', 'output file', 'openapi.json')
    .action(async (opts: { out: string }) => {
      const { buildOpenApiDocument, serializeOpenApi } = await import('../common/openapi/openapi.js');
      await withHttpApp(async (app) => {
        await writeFile(opts.out, serializeOpenApi(buildOpenApiDocument(app)));
        process.stdout.write(`Wrote ${opts.out}\n`);
      });
    });

  program
    .command('keys:generate')
    .description('Print a new CREDENTIALS_KEYS entry (append it to the keyring, newest last).')
    .option('--id <kid>', 'key id')
    .action(async (opts: { id?: string }) => {
      const { generateKeySpec } = await import('../common/crypto/credentials-cipher.js');
      process.stdout.write(generateKeySpec(opts.id) + '\n');
    });

  program
    .command('keys:rotate')
    .description(
      'Re-encrypt every stored credential under the newest CREDENTIALS_KEYS key (online; safe to re-run).',
    )
    .action(async () => {
      const { StorageCredentialRotation } =
        await import('../modules/storage-configs/storage-credential-rotation.service.js');
      await withAppContext({}, async (ctx) => {
        const { rotated, total } = await ctx.get(StorageCredentialRotation).rotateKeys();
        process.stdout.write(`Re-encrypted ${rotated} of ${total} storage configs under the newest key.\n`);
      });
    });

  registerIdentityCommands(program);

  registerStorageValidateCommand(program);

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
