import path from 'node:path';
import type { CommandRegistrar } from '../module.ts';

/** `onewindow backup <file>`: an online backup of the embedded SQLite database. */
export const registerBackupCommands: CommandRegistrar = (program, withPlatform) => {
  program
    .command('backup <file>')
    .description('online backup of the embedded SQLite database to <file> (on PostgreSQL, use pg_dump)')
    .action((file: string) =>
      withPlatform(
        async (platform) => {
          if (platform.dialect === 'postgres') {
            console.error(
              'OneWindow runs on PostgreSQL here: back it up with  pg_dump "$DATABASE_URL" > onewindow.sql',
            );
            process.exitCode = 2;
            return;
          }
          const target = path.resolve(file);
          await platform.database.backup(target);
          console.log(`backup written to ${target}`);
        },
        { migrate: false },
      ),
    );
};
