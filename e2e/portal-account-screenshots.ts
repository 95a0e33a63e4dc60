/**
 * The portal account pages' screenshots for the README (run by e2e/screenshots.ts): 登录 with the
 * code sent, and 我的 with the real-name form, on a phone.
 */
import type { Page } from 'playwright-core';
import type { WebApp } from './harness.ts';

type Shot = (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
type Size = { width: number; height: number };

/** Takes the log-in and 我的 screenshots; the code is read as the outbox provider keeps it. */
export async function portalAccountScreenshots(web: WebApp, shot: Shot, sizes: { phone: Size }) {
  const page = (await web.newPage(sizes.phone)).page;
  await page.goto(`${web.baseUrl}/login`);
  await page.getByLabel('手机号码').fill('13712340001');
  await page.getByTestId('send-code').click();
  await page.getByRole('status').waitFor();
  await shot(page, 'portal-login-phone');
  const row = await web.platform.db
    .selectFrom('notifications')
    .select('body_enc')
    .where('template', '=', 'portal.loginCode')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const code = web.platform.cipher.decrypt(row.body_enc ?? '').match(/验证码为(\d{6})/)?.[1] ?? '';
  await page.getByLabel('短信验证码').fill(code);
  await page.keyboard.press('Enter');
  await page.getByTestId('portal-identity-form').waitFor();
  await shot(page, 'portal-me-phone', { fullPage: true });
}
