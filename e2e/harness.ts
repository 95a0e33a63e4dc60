/**
 * Browser tests' harness: the real server (a fresh, seeded SQLite platform serving dist/web) on a
 * free port, and Debian's Chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { openTestPlatform, TEST_PASSWORD } from '../server/testing/harness.ts';

export { TEST_PASSWORD } from '../server/testing/harness.ts';

export const WEB_DIR = path.resolve(import.meta.dirname, '../dist/web');

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface WebApp {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) at a viewport size. */
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 with a free port, and Chromium. */
export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('dist/web is not built: run `npm run build:web` first (npm test does it)');
  }
  const opened = await openTestPlatform('sqlite');
  opened.platform.config.webDir = WEB_DIR;
  const app = await buildApp(opened.platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    newPage: async (viewport = { width: 1280, height: 800 }) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      const page = await context.newPage();
      // Generous: CI runs two suites at once on two cores, and argon2 hashing is deliberately slow.
      page.setDefaultTimeout(30_000);
      return { page, context };
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await opened.close();
    },
  };
}

/** Logs a demo account in through the console's log-in form and waits for the console. */
export async function logIn(web: WebApp, page: Page, username: string, password = TEST_PASSWORD) {
  await page.goto(`${web.baseUrl}/console/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('side-menu').waitFor();
}

/** The labels of the side menu, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('.ant-menu-item');
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/** Opens a console page through the side menu. */
export async function openMenu(page: Page, label: string) {
  await page.getByTestId('side-menu').getByRole('link', { name: label, exact: true }).click();
}

/** The text of an element (its DOM text content; '' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}
