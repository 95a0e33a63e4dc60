import { demoLogins } from '../demo/logins.ts';
import { isEmpty, seedDemo } from '../demo/seed.ts';
import { buildApp } from './app.ts';
import { openPlatform } from './bootstrap.ts';
import { houseJobHandlers, startHouse } from './house.ts';
import { loadConfig } from './platform/config.ts';
import { JobRunner } from './platform/jobs/runner.ts';
import { createSmsProvider } from './platform/notify/providers.ts';

/** Process entry: config → database → migrations → (demo data) → app → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  // A misnamed SMS provider stops the start here, before anything listens.
  const sms = createSmsProvider(config.smsProvider);
  const readiness = { ready: false };
  const platform = await openPlatform(config);
  let seeded = false;
  if (config.env !== 'production' && (await isEmpty(platform))) {
    await seedDemo(platform);
    seeded = true;
  }
  const seededNothing = config.env === 'production' && (await isEmpty(platform));
  readiness.ready = true;
  const app = await buildApp(platform, { readiness, logRequests: process.env.LOG_REQUESTS === '1' });
  const address = await app.listen({ port: config.port, host: config.host });
  // Jobs run only once the app is up; several processes may each run one (claims are atomic).
  const runner = new JobRunner(platform, houseJobHandlers({ sms }));
  runner.start();
  // Each part's start-up work, e.g. making sure its daily job chains exist (idempotent).
  await startHouse(platform);
  const url = config.host === '0.0.0.0' ? `http://localhost:${new URL(address).port}` : address;
  const lines = [
    '',
    `OneWindow 梨树县一体化政务服务平台 is running on ${platform.dialect === 'sqlite' ? `SQLite (${platform.database.sqliteFile})` : 'PostgreSQL'}`,
    `  门户 Portal:   ${url}/`,
    `  工作台 Console: ${url}/console/`,
    `  API docs:      ${url}/api/docs`,
    `  短信 SMS:      ${sms.name === 'outbox' ? 'outbox only (短信发件箱; no text leaves this machine)' : sms.name}`,
  ];
  if (!config.webDir) lines.push('  (web app not built: run `npm run build:web`, or start with `npm start`)');
  if (config.env === 'production' && seededNothing) {
    lines.push('', 'No administrator yet? Create the first one with:  npx onewindow create-admin');
  }
  if (config.env !== 'production') {
    lines.push(
      '',
      `Demo log-ins (password for all: ${config.demoPassword}${seeded ? '' : ', as set when the demo was seeded'}):`,
    );
    for (const l of demoLogins) lines.push(`  ${l.username.padEnd(16)} ${l.description}`);
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    await runner.stop();
    await platform.database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(
    err instanceof Error && 'code' in err ? `${(err as { code: string }).code}: ${err.message}` : err,
  );
  // Configuration errors say which setting is wrong and what it expects.
  if (err instanceof Error && 'details' in err && err.details) console.error(JSON.stringify(err.details));
  process.exit(1);
});
