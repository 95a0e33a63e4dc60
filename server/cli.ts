import { Command } from 'commander';
import { isEmpty, seedDemo } from '../demo/seed.ts';
import { openPlatform } from './bootstrap.ts';
import { registerHouseCommands } from './house.ts';
import { loadConfig } from './platform/config.ts';
import type { Platform } from './platform/context.ts';
import { AppError } from './platform/errors.ts';

/** Opens the platform for one command and always closes it. */
async function withPlatform<T>(
  work: (platform: Platform) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const platform = await openPlatform(loadConfig(), options);
  try {
    return await work(platform);
  } finally {
    await platform.database.close();
  }
}

const program = new Command('onewindow').description('OneWindow 县级一体化政务服务平台: operator commands');

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withPlatform(async () => {
      console.log('migrations applied');
    }),
  );

program
  .command('seed')
  .description('seed demo data of Lishu county into an empty database')
  .option('--demo', 'the demo of Lishu county (the only seed there is)')
  .action((opts: { demo?: boolean }) =>
    withPlatform(async (platform) => {
      if (!opts.demo) throw new Error('say --demo to seed the demo data');
      if (!(await isEmpty(platform))) {
        console.log('database is not empty: nothing seeded');
        return;
      }
      await seedDemo(platform);
      console.log('demo data of 梨树县 seeded');
    }),
  );

// Every part's own commands (platform: backup, audit, workdays; org: create-admin; catalog: …).
registerHouseCommands(program, withPlatform);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`${err.code}: ${err.message}`);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
