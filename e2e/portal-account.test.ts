import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { idNumberCheckChar } from '../contracts/identifiers.ts';
import { casesDb } from '../server/modules/cases/testing/index.ts';
import { catalogDb } from '../server/modules/catalog/testing/index.ts';
import { samplePdf, samplePng } from '../server/platform/files/testing/samples.ts';
import { seriousViolations } from './axe.ts';
import { startWebApp, textOf, type WebApp } from './harness.ts';

const PHONE = { width: 375, height: 667 };

async function assertFitsPhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
}

describe('portal log-in, 我的 and 在线办理 on a phone (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  /** The code of the newest text to the number, as the outbox provider keeps it (SM4 in body_enc). */
  async function codeSentTo(last4: string): Promise<string> {
    const row = await web.platform.db
      .selectFrom('notifications')
      .select(['body_enc'])
      .where('template', '=', 'portal.loginCode')
      .where('recipient_masked', 'like', `%${last4}`)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const code = web.platform.cipher.decrypt(row.body_enc ?? '').match(/验证码为(\d{6})/)?.[1];
    assert.ok(code, 'the text carries the code');
    return code;
  }

  test('a citizen signs up with a text-message code, verifies their identity, sees their values masked and logs out', async () => {
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/`);
    await page.getByTestId('portal-account-link').click();
    await page.waitForURL('**/login?next=%2Fme');
    assert.deepEqual(await seriousViolations(page), [], 'log-in page');
    await assertFitsPhone(page);

    // Keyboard only: the number, Tab to 获取验证码, Enter; the code field gets the focus; Enter logs in.
    await page.getByLabel('手机号码').focus();
    await page.keyboard.type('1371234oo09'.replace(/o/g, '0'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '获取验证码');
    await page.keyboard.press('Enter');
    await page.getByText('验证码已发送至 137****0009，5 分钟内有效。').waitFor();
    assert.match(await textOf(page.getByTestId('send-code')), /秒后可重新获取/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'portal-code');
    await page.keyboard.type('000000' === (await codeSentTo('0009')) ? '111111' : '000000');
    await page.keyboard.press('Enter');
    await page.getByTestId('portal-problem').waitFor();
    assert.match(await textOf(page.getByTestId('portal-problem')), /验证码错误或已过期/);
    await page.getByLabel('短信验证码').fill(await codeSentTo('0009'));
    await page.keyboard.press('Enter');

    // First log-in: the account is open at the level "mobile number only"; the real-name form comes first.
    await page.getByTestId('portal-identity-form').waitFor();
    assert.match(
      await textOf(page.getByTestId('portal-profile')),
      /137\*\*\*\*0009[\s\S]*未实名（仅手机号）/,
    );
    assert.deepEqual(await seriousViolations(page), [], '我的 with the real-name form');
    await assertFitsPhone(page);
    const first17 = '22032219700101003';
    const idNumber = `${first17}${idNumberCheckChar(first17)}`;
    const wrong = `${first17}${idNumber.endsWith('1') ? '2' : '1'}`;
    await page.getByLabel('姓名').fill('赵春花');
    await page.getByLabel('公民身份号码').fill(wrong);
    await page.keyboard.press('Enter');
    assert.match(await textOf(page.getByTestId('identity-problem')), /校验位错误/);
    await page.getByLabel('公民身份号码').fill(idNumber);
    await page.keyboard.press('Enter');
    await page.getByText('已实名（身份证号已核验）').waitFor();
    const profile = await textOf(page.getByTestId('portal-profile'));
    assert.ok(profile.includes('赵**') && profile.includes(`2203**********${idNumber.slice(-4)}`), profile);
    assert.ok(!profile.includes(idNumber), 'the number is masked');

    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByText(idNumber).waitFor();
    await page.getByText('每次查看都会留痕').waitFor();
    const reads = await web.platform.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'portal.readProfile')
      .execute();
    assert.deepEqual(
      reads.map((r) => r.actor_name),
      ['公众用户137****0009'],
    );

    // A reload keeps the session (the CSRF token comes back with /me): the address can still be changed.
    await page.reload();
    await page.getByRole('button', { name: '修改地址' }).click();
    await page.getByLabel('联系地址', { exact: true }).fill('吉林省四平市梨树县梨树镇霸王路18号');
    await page.getByRole('button', { name: '保存地址' }).click();
    await page.getByText('吉林省四平市梨树县梨树镇****').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${web.baseUrl}/`);
    await page.goto(`${web.baseUrl}/me`);
    await page.waitForURL('**/login?next=%2Fme');
  });

  test('在线办理 from a guide: log in, verify, answer, fill and save; a reload resumes the draft', async () => {
    // The first test asked for a code from this address a moment ago: "a minute later".
    await web.platform.db
      .deleteFrom('attempt_counters')
      .where('key', 'like', 'portal.code:%:minute')
      .execute();
    const item = await catalogDb(web.platform.db)
      .selectFrom('catalog_items')
      .select('id')
      .where('name', '=', '个体工商户设立登记')
      .executeTakeFirstOrThrow();
    const { page } = await web.newPage(PHONE);
    await page.goto(`${web.baseUrl}/guide/${item.id}`);
    await page.getByTestId('apply-online').click();
    await page.waitForURL('**/login?next=**');
    await page.getByLabel('手机号码').fill('13712340010');
    await page.getByTestId('send-code').click();
    await page.getByRole('status').waitFor();
    await page.getByLabel('短信验证码').fill(await codeSentTo('0010'));
    await page.keyboard.press('Enter');
    await page.getByTestId('portal-identity-form').waitFor();
    const first17 = '22032219791111002';
    await page.getByLabel('姓名').fill('吴桂芝');
    await page.getByLabel('公民身份号码').fill(`${first17}${idNumberCheckChar(first17)}`);
    await page.keyboard.press('Enter');

    // Back on the application, pre-filled from the verified identity.
    await page.waitForURL(`**/apply/${item.id}`);
    const form = page.getByTestId('apply-form');
    await form.waitFor();
    assert.equal(await page.getByLabel(/申请人姓名/).inputValue(), '吴**');
    assert.match(await page.getByLabel(/公民身份号码/).inputValue(), /^2203\*{10}/);
    assert.equal(await page.getByLabel(/公民身份号码/).getAttribute('readonly'), '');
    assert.deepEqual(await seriousViolations(page), [], 'the application page');
    await assertFitsPhone(page);

    await page.getByRole('button', { name: '本人办理' }).click();
    await page.getByText(/已保存（第 2 版）/).waitFor();
    await page.getByLabel(/经营范围/).fill('日用百货零售');
    await page.getByLabel(/资金数额/).fill('5');
    await page.getByRole('button', { name: '保存申请表' }).click();
    await page.getByText(/已保存（第 3 版）/).waitFor();
    assert.match(await textOf(page.getByTestId('apply-missing')), /组成形式/);
    assert.doesNotMatch(await textOf(page.getByTestId('apply-missing')), /经营范围/);

    // Materials: a photo of the ID card (a PNG) is uploaded; a script dressed as a PNG is refused.
    const missingBefore = await textOf(page.getByTestId('apply-missing-materials'));
    assert.match(missingBefore, /申请人居民身份证/);
    const idCard = page.getByLabel('上传“申请人居民身份证”');
    await idCard.setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: samplePng() });
    await page.getByRole('link', { name: '身份证.png' }).waitFor();
    assert.doesNotMatch(await textOf(page.getByTestId('apply-missing-materials')), /申请人居民身份证/);
    await idCard.setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    assert.match(await textOf(page.getByTestId('upload-problem')), /photo\.png：只能上传/);
    assert.deepEqual(await seriousViolations(page), [], 'the application page with a file');

    await page.reload();
    await page.getByTestId('apply-form').waitFor();
    await page.getByRole('link', { name: '身份证.png' }).waitFor();
    assert.equal(await page.getByLabel(/经营范围/).inputValue(), '日用百货零售');
    assert.equal(await page.getByRole('button', { name: '本人办理' }).getAttribute('aria-pressed'), 'true');

    // Complete it and submit: the application becomes a case waiting for 网上预审, no longer editable.
    assert.equal(await page.getByTestId('apply-submit').isDisabled(), true, 'not before it is complete');
    await page.getByLabel(/组成形式/).selectOption({ index: 1 });
    await page.getByRole('button', { name: '保存申请表' }).click();
    await page.getByText(/已保存（第 4 版）/).waitFor();
    const checklist = page.getByTestId('apply-checklist');
    for (const label of await checklist.getByText(/^上传“/).allInnerTexts()) {
      const input = page.getByLabel(label);
      const name = `${label.slice(3, -1)}.pdf`;
      if ((await checklist.getByRole('link', { name }).count()) > 0) continue;
      await input.setInputFiles({ name, mimeType: 'application/pdf', buffer: samplePdf() });
      await checklist.getByRole('link', { name }).waitFor();
    }
    assert.equal(await page.getByTestId('apply-missing-materials').count(), 0);
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-submitted').waitFor();
    const submitted = await textOf(page.getByTestId('apply-submitted'));
    const number = submitted.match(/办件编号 ([\dA-Z-]+)/)?.[1];
    assert.ok(number, submitted);
    const row = await casesDb(web.platform.db)
      .selectFrom('cases')
      .select(['channel', 'status'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { channel: 'online', status: 'received' });
  });
});
