import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { seedDemo } from '../../demo/seed.ts';
import { buildApp } from '../app.ts';
import { openPlatform } from '../bootstrap.ts';
import { type House, houseWith } from '../house.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import type { Platform } from '../platform/context.ts';
import type { Dialect } from '../platform/db/index.ts';
import type { ModuleDescriptor } from '../platform/module.ts';
import { createScratchPostgres } from './scratch-postgres.ts';

export const TEST_PASSWORD = 'Test-Pass-2026';
/** Both databases, always: a missing PostgreSQL fails the run rather than skipping half of it. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestContext {
  dialect: Dialect;
  platform: Platform;
  app: FastifyInstance;
  config: Config;
  /** The house the app was built from: the default one plus the suite's extra `modules`. */
  house: House;
  /** Logs a demo account in and returns a client that sends its cookie and CSRF token. */
  as(username: string, password?: string): Promise<Client>;
  /**
   * Logs a new account in with the initial password an administrator gave it and changes that to
   * TEST_PASSWORD, as its owner must before anything else; returns the client.
   */
  firstLogIn(username: string, initialPassword: string): Promise<Client>;
  /** A client with no session. */
  anonymous: Client;
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A fresh, migrated database of a dialect; PostgreSQL gets a new throw-away database per suite. */
async function freshDatabase(
  dialect: Dialect,
): Promise<{ config: Config; sqliteFile?: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-test-'));
  const env = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO_PASSWORD: TEST_PASSWORD,
    ONEWINDOW_ENCRYPTION_KEY: '0123456789abcdeffedcba9876543210',
    JOB_POLL_MS: '0',
    // Suites log in many times from one address; the limit itself is tested with its own config.
    LOGIN_RATE_LIMIT: '100000',
  };
  if (dialect === 'sqlite') {
    return {
      config: loadConfig(env),
      sqliteFile: path.join(dataDir, 'test.sqlite'),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const scratch = await createScratchPostgres('ow_t');
  return {
    config: loadConfig({ ...env, DATABASE_URL: scratch.url }),
    drop: async () => {
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestPlatformOptions {
  demo?: boolean;
  catalog?: boolean;
  cases?: boolean;
  /**
   * Modules mounted after the house's own (migrations, routes, subscriptions, …), e.g. the template
   * module `exampleModule`, which production never mounts.
   */
  modules?: readonly ModuleDescriptor[];
}

/** Opens a fresh platform (migrated; demo data when asked) for one suite. */
export async function openTestPlatform(
  dialect: Dialect,
  options: TestPlatformOptions = {},
): Promise<{ platform: Platform; config: Config; house: House; close(): Promise<void> }> {
  const fresh = await freshDatabase(dialect);
  const house = houseWith(options.modules ?? []);
  const platform = await openPlatform(fresh.config, { sqliteFile: fresh.sqliteFile, house });
  // Demo cases only for suites that ask: they take seconds and most suites need none.
  if (options.demo !== false) {
    await seedDemo(platform, { catalog: options.catalog, cases: options.cases ?? false });
  }
  return {
    platform,
    config: fresh.config,
    house,
    close: async () => {
      await platform.database.close();
      await fresh.drop();
    },
  };
}

function clientFor(app: FastifyInstance, cookie: string | null, csrf: string | null): Client {
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = {};
    if (cookie) h.cookie = cookie;
    if (csrf) h['x-csrf-token'] = csrf;
    return h;
  };
  const send = (
    method: InjectOptions['method'],
    url: string,
    { body, extra }: { body?: unknown; extra?: Record<string, string> } = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { ...headers(), ...extra },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
  return {
    get: (url, extra) => send('GET', url, { extra }),
    post: (url, body, extra) => send('POST', url, { body: body ?? {}, extra }),
    put: (url, body) => send('PUT', url, { body: body ?? {} }),
    patch: (url, body) => send('PATCH', url, { body: body ?? {} }),
    delete: (url) => send('DELETE', url),
    inject: (opts) => app.inject({ ...opts, headers: { ...headers(), ...(opts.headers ?? {}) } }),
  };
}

/**
 * Declares a suite once per database: `fn` receives a getter for the context, which is ready
 * inside tests (a fresh, seeded database and a built app per dialect).
 */
export function describeEachDb(
  name: string,
  fn: (ctx: () => TestContext) => void,
  /** `behindProxy`: the app believes X-Forwarded-For from 127.0.0.1 (TRUST_PROXY), so requests can come "from" many addresses. */
  options: TestPlatformOptions & { behindProxy?: boolean } = {},
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let ctx: TestContext | null = null;
      let close: (() => Promise<void>) | null = null;
      before(async () => {
        const opened = await openTestPlatform(dialect, options);
        if (options.behindProxy) opened.platform.config.trustProxy = ['127.0.0.1'];
        const app = await buildApp(opened.platform, { house: opened.house });
        close = async () => {
          await app.close();
          await opened.close();
        };
        const as = async (username: string, password = TEST_PASSWORD) => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username, password },
          });
          if (res.statusCode !== 200)
            throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
          const cookie = res.cookies.find((c) => c.name === 'ow_session');
          return clientFor(app, `ow_session=${cookie?.value}`, res.json().csrfToken);
        };
        ctx = {
          dialect,
          platform: opened.platform,
          app,
          config: opened.config,
          house: opened.house,
          anonymous: clientFor(app, null, null),
          as,
          firstLogIn: async (username, initialPassword) => {
            const first = await as(username, initialPassword);
            const res = await first.post('/api/auth/password', {
              currentPassword: initialPassword,
              newPassword: TEST_PASSWORD,
            });
            if (res.statusCode !== 200) throw new Error(`password change of ${username} failed: ${res.body}`);
            return first;
          },
        };
      });
      after(async () => {
        await close?.();
      });
      fn(() => {
        if (!ctx) throw new Error('test context used outside a test');
        return ctx;
      });
    });
  }
}
