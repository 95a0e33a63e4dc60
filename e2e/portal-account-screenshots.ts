/**
 * The portal account pages' screenshots for the README (run by e2e/screenshots.ts): 登录 with the
 * code sent, 我的 with the real-name form, 在线办理 of an item, and the front page in elder mode, on a phone.
 */
import type { Page } from 'playwright-core';
import { catalogDb } from '../server/modules/catalog/testing/index.ts';
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

  // 在线办理 of 个体工商户设立登记, once the identity is verified.
  await page.getByLabel('姓名').fill('李秀英');
  await page.getByLabel('公民身份号码').fill('220322198503120015');
  await page.keyboard.press('Enter');
  await page.getByText('已实名（身份证号已核验）').waitFor();
  const item = await catalogDb(web.platform.db)
    .selectFrom('catalog_items')
    .select('id')
    .where('name', '=', '个体工商户设立登记')
    .executeTakeFirstOrThrow();
  await page.goto(`${web.baseUrl}/apply/${item.id}`);
  await page.getByTestId('apply-form').waitFor();
  await shot(page, 'portal-apply-phone');

  await page.goto(`${web.baseUrl}/?elder=1`);
  await page.getByTestId('portal-tiles').waitFor();
  await shot(page, 'portal-elder-phone');
}
