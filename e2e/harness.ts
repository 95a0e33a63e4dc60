import assert from 'node:assert/strict';
/**
 * Browser tests' harness: the real server (a fresh, seeded SQLite platform serving dist/web) on a
 * free port, and Debian's Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import type { Platform } from '../server/platform/context.ts';
import { openTestPlatform, TEST_PASSWORD } from '../server/testing/harness.ts';

export { TEST_PASSWORD } from '../server/testing/harness.ts';

/** The built web app; E2E_WEB_DIR points elsewhere (a private build while others rebuild dist/web). */
export const WEB_DIR = path.resolve(process.env.E2E_WEB_DIR ?? path.join(import.meta.dirname, '../dist/web'));

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
  /** The server's platform, for setting up what the browser cannot (a case received weeks ago). */
  platform: Platform;
  /** A fresh browser context (own cookies and storage) at a viewport size. */
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/**
 * Every browser context any test opened, in order; when a test fails, the pages of the contexts it
 * opened are described in the test output (address and visible text) and saved as screenshots, so a
 * failure seen once on CI shows what the user would have seen.
 */
const openedContexts: BrowserContext[] = [];
/** What went wrong behind a context's pages: API answers of 400 and more, failed requests, page errors. */
const troubles = new WeakMap<BrowserContext, string[]>();

function recordTroubles(context: BrowserContext): void {
  const seen: string[] = [];
  troubles.set(context, seen);
  const at = () => new Date().toISOString().slice(11, 23);
  context.on('response', (res) => {
    if (res.status() < 400) return;
    res
      .text()
      .catch(() => '')
      .then((body) =>
        seen.push(`${at()} ${res.status()} ${res.request().method()} ${res.url()} ${body.slice(0, 300)}`),
      );
  });
  context.on('requestfailed', (req) =>
    seen.push(`${at()} failed ${req.method()} ${req.url()} ${req.failure()?.errorText}`),
  );
  context.on('weberror', (err) => seen.push(`${at()} page error ${err.error().message}`));
  const refused: string[] = [];
  cspViolations.set(context, refused);
  context.on('console', (msg) => {
    if (/Content Security Policy|csp-violation/.test(msg.text()))
      refused.push(`${msg.text()} (${msg.location().url})`);
  });
}

/**
 * What the pages' Content-Security-Policy refused (Chromium says so on the console; an init script
 * also reports every `securitypolicyviolation` event): any refusal fails the test that saw it, so
 * every browser test checks that the console and portal run under the policy the server sends.
 */
const cspViolations = new WeakMap<BrowserContext, string[]>();
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) =>
  console.error('csp-violation ' + e.violatedDirective + ' ' + e.blockedURI));`;
let firstOfThisTest = 0;
beforeEach(() => {
  firstOfThisTest = openedContexts.length;
});
afterEach(async (t) => {
  const refused = openedContexts.slice(firstOfThisTest).flatMap((c) => cspViolations.get(c) ?? []);
  assert.deepEqual(refused, [], 'the Content-Security-Policy refused something on the pages');
  if (!('passed' in t) || t.passed) return;
  const dir = path.join(os.tmpdir(), 'onewindow-e2e-failures');
  mkdirSync(dir, { recursive: true });
  const contexts = openedContexts.slice(firstOfThisTest);
  for (const line of contexts.flatMap((c) => troubles.get(c) ?? [])) console.log(`behind the pages: ${line}`);
  const pages = contexts.flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const shot = path.join(dir, `${t.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${i + 1}.png`);
    const text = await page
      .locator('body')
      // biome-ignore lint/performance/useDomNodeTextContent: what the user saw, laid out (no hidden text)
      .innerText({ timeout: 2000 })
      .catch((e: Error) => `(no text: ${e.message})`);
    await page.screenshot({ path: shot, fullPage: true, timeout: 5000 }).catch(() => undefined);
    console.log(`page ${i + 1} of the failed test at ${page.url()} (${shot}):\n${text.slice(0, 2000)}`);
  }
});

/** Starts the server on 127.0.0.1 with a free port, and Chromium (`cases`: with the demo cases of 2026). */
export async function startWebApp(options: { cases?: boolean } = {}): Promise<WebApp> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('dist/web is not built: run `npm run build:web` first (npm test does it)');
  }
  const opened = await openTestPlatform('sqlite', { cases: options.cases ?? false });
  opened.platform.config.webDir = WEB_DIR;
  const app = await buildApp(opened.platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    platform: opened.platform,
    newPage: async (viewport = { width: 1280, height: 800 }) => {
      // Reduced motion: the console then draws dialogs without zooming (web/ui/providers.tsx).
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      openedContexts.push(context);
      recordTroubles(context);
      await context.addInitScript(REPORT_CSP_VIOLATIONS);
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

/** Logs a demo account in (with the test password) through the console's log-in form and waits for the console. */
export async function logIn(web: WebApp, page: Page, username: string) {
  const password = TEST_PASSWORD;
  await page.goto(`${web.baseUrl}/console/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('side-menu').waitFor();
}

/** A fresh page (own cookies) at a viewport size, logged in as a demo account. */
export async function pageAs(web: WebApp, username: string, viewport?: { width: number; height: number }) {
  const { page } = await web.newPage(viewport);
  await logIn(web, page, username);
  return page;
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

/**
 * Opens an antd Select / TreeSelect, optionally types to filter, clicks the option and checks that the
 * select now shows it; under load a click can land while the dropdown is still animating, so it retries.
 */
export async function choose(
  select: Locator,
  optionText: string,
  options: { type?: boolean; tree?: boolean } = {},
) {
  const page = select.page();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  // Let the previous select's dropdown finish closing, so the options we look for are this one's.
  for (let i = 0; i < 30 && (await dropdown.count()) > 0; i++) await page.waitForTimeout(100);
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1 || !(await dropdown.count())) {
      await select.click();
      if (options.type) await select.locator('input').fill(optionText);
    }
    const option = options.tree
      ? dropdown.locator('.ant-select-tree-title', { hasText: optionText }).first()
      : dropdown.locator('.ant-select-item-option', { hasText: optionText }).first();
    await option.click();
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      if (((await select.textContent()) ?? '').includes(optionText)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`the select did not take the option ${optionText}`);
  }
}

/** The text of an element (its DOM text content; '' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}
