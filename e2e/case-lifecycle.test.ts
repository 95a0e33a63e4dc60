import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  acceptAtWindow,
  act,
  caseRow,
  chooseFirst,
  decideAtWindow,
  field,
  fieldError,
  fillFoodLicence,
  fillPerson,
  idNumber,
  openCase,
  pickItem,
  queueRow,
  startFoodLicenceIntake,
} from './case-steps.ts';
import { logIn, menuLabels, openMenu, pageAs, startWebApp, textOf, type WebApp } from './harness.ts';

describe('a case from window to delivery (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('the intake form checks ID check digits in the browser, and puts the server’s refusal at the field', async () => {
    const page = await pageAs(web, 'clerk');
    await openMenu(page, '综合窗口受理');
    // The clerk's own window is preselected.
    await page.getByTestId('window-select').getByText(/A01/).waitFor();
    await pickItem(page, '个体工商户设立登记');
    const id = idNumber(7);
    const wrong = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    await fillPerson(page, { name: '王小二', id: wrong, phone: '13900001111' });
    const idItem = field(page.getByTestId('applicant-section'), '公民身份号码');
    assert.match(await fieldError(idItem), /校验位/);
    await idItem.locator('input').fill(id);
    await idItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    // The applicant's data flows into the item's form fields that ask for it.
    const form = page.getByTestId('form-fields');
    assert.equal(await field(form, '申请人姓名').locator('input').inputValue(), '王小二');
    assert.equal(await field(form, '公民身份号码').locator('input').inputValue(), id);
    assert.equal(await field(form, '联系电话').locator('input').inputValue(), '13900001111');
    await field(form, '经营范围').locator('input').fill('日用百货零售');
    await field(form, '资金数额（万元）').locator('input').fill('5');
    await chooseFirst(page, field(form, '组成形式').locator('.ant-select'));

    // 容缺: this item is finished on the spot (0 days), so no later due date is allowed: the server says so at the row.
    await page.getByTestId('all-original').click();
    await page.getByTestId('material-m3').getByText('容缺后补').click();
    const row = page.getByTestId('materials-section').locator('tr', { hasText: '住所（经营场所）使用证明' });
    await row.locator('.ant-picker input').fill('2027-01-15');
    await row.locator('.ant-picker input').press('Enter');
    await row.getByText('已签署承诺书').click();
    await decideAtWindow(page, '受理');
    const error = row.locator('.ant-form-item-explain-error').first();
    await error.waitFor();
    assert.match(await textOf(error), /补齐日期不得晚于承诺办结时限/);
    assert.equal(await page.getByTestId('intake-result').count(), 0, 'nothing was accepted');

    // The application form is still missing its application: a one-time correction notice instead.
    await page.getByTestId('material-m3').getByText('原件').click();
    await page.getByTestId('material-m2').getByText('缺').click();
    await decideAtWindow(page, '一次性告知补正');
    const modal = page.locator('.ant-modal:visible');
    assert.match(await textOf(modal), /个体工商户登记（备案）申请书/);
    await modal.getByTestId('decision-ok').click();
    await page.getByTestId('intake-result').waitFor();
    assert.match(
      await textOf(page.getByTestId('intake-result')),
      /已出具一次性告知书[\s\S]*待补正（未受理）/,
    );
    const href = await page.getByTestId('doc-correction').getAttribute('href');
    const notice = await page.request.get(`${web.baseUrl}${href}`);
    assert.match(await notice.text(), /个体工商户登记（备案）申请书/);
  });

  test('each role sees the case pages it works with', async () => {
    const expected: Record<string, { shown: string[]; hidden: string[] }> = {
      clerk: { shown: ['综合窗口受理', '统一出件', '办件查询'], hidden: ['我的待办', '效能监察'] },
      scjg_handler: { shown: ['我的待办', '统一出件', '办件查询'], hidden: ['综合窗口受理', '效能监察'] },
      scjg_reviewer: { shown: ['我的待办', '办件查询'], hidden: ['综合窗口受理', '统一出件'] },
      supervisor: { shown: ['效能监察', '办件查询'], hidden: ['综合窗口受理', '我的待办', '统一出件'] },
      catalog: { shown: [], hidden: ['综合窗口受理', '我的待办', '办件查询', '效能监察'] },
    };
    for (const [user, { shown, hidden }] of Object.entries(expected)) {
      const { page, context } = await web.newPage();
      await logIn(web, page, user);
      const labels = await menuLabels(page);
      for (const m of shown) assert.ok(labels.includes(m), `${user} sees ${m}: ${labels}`);
      for (const m of hidden) assert.ok(!labels.includes(m), `${user} does not see ${m}: ${labels}`);
      await context.close();
    }
  });

  test('accepted at the comprehensive window, handled, reviewed, approved, concluded, delivered, and tracked by the public', async () => {
    const applicant = { name: '赵丽华', id: idNumber(3), phone: '13944445555' };
    // 综合窗口: a 市场监督管理局 item flagged for comprehensive acceptance.
    const clerk = await startFoodLicenceIntake(web);
    assert.match(
      await textOf(clerk.getByTestId('item-summary')),
      /梨树县市场监督管理局[\s\S]*无差别全科受理/,
    );
    await fillFoodLicence(clerk, applicant, '60');
    const number = await acceptAtWindow(clerk);
    assert.match(await textOf(clerk.getByTestId('intake-result')), /已受理[\s\S]*承诺办结日期/);
    // The notices: printable HTML with the QR code to the progress page, and .docx.
    const links = clerk.getByTestId('notice-links');
    assert.match(await textOf(links), /受理通知书/);
    assert.match(await textOf(links), /收件凭证/);
    const href = await clerk.getByTestId('doc-acceptance').getAttribute('href');
    const notice = await clerk.request.get(`${web.baseUrl}${href}`);
    assert.equal(notice.status(), 200);
    const html = await notice.text();
    assert.match(html, /受理通知书/);
    assert.ok(html.includes(number));
    assert.match(html, /<svg/);
    assert.ok(!html.includes(applicant.id), 'the notice does not print the full ID number');
    // The lookup code beside the QR code: the public page takes it instead of the ID's last six.
    const lookupCode = /查询码 <b class="code">([0-9A-Z-]{12})<\/b>/.exec(html)?.[1] ?? '';
    assert.match(lookupCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/, 'the notice prints the lookup code');
    const docx = await clerk.request.get(`${web.baseUrl}${href}?format=docx`);
    assert.equal(docx.status(), 200);
    assert.match(docx.headers()['content-type'] ?? '', /wordprocessingml/);

    // 承办: the handler claims it from the department queue and passes it on.
    const handler = await pageAs(web, 'scjg_handler');
    const row = await queueRow(handler, number);
    assert.match(await textOf(row), /正常/, 'a fresh case is green');
    assert.match(await textOf(row), /剩 \d+ 个工作日/);
    assert.match(await textOf(row), /赵\*/, 'the applicant is masked in the queue');
    await row.getByTestId('claim').click();
    await handler.getByTestId('case-page').waitFor();
    assert.match(await textOf(handler.getByTestId('applicant-id')), /2203\*+\d{3}[\dX]/);
    await handler.getByTestId('show-personal').click();
    await handler.getByTestId('applicant-id').getByText(applicant.id).waitFor();
    // A site inspection stops the clock (a date, a choice and a reason in its form), then resumes it.
    await act(handler, 'startSpecial', async (m) => {
      await chooseFirst(handler, field(m, '特别程序种类').locator('.ant-select'));
      await field(m, '理由').locator('textarea').fill('经营场所需现场核查');
      await field(m, '预计结束日期').locator('input').fill('2026-12-31');
      await field(m, '预计结束日期').locator('input').press('Enter');
    });
    assert.match(await textOf(handler.getByTestId('status-tag')), /特别程序（暂停计时）/);
    // While stopped: the days left frozen, and the date it would be due if the clock resumed today.
    assert.match(await textOf(handler.getByTestId('clock-paused')), /自 \d{4}-\d{2}-\d{2} 起暂停计时/);
    assert.match(await textOf(handler.getByTestId('case-clock')), /剩余\s*5 个工作日（暂停期间不减少）/);
    const resumed = handler.getByTestId('promised-if-resumed');
    if ((await resumed.count()) > 0) {
      assert.match(await textOf(resumed), /^计时暂停中，如今日恢复则 \d{4}-\d{2}-\d{2} 到期$/);
    } else {
      // Late in a year whose successor is unpublished, the date is unknown and said so.
      assert.match(await textOf(handler.getByTestId('case-page')), /年的节假日安排尚未发布/);
    }
    // The public sees the pause too: since when and for what (never the reason), and the date if resumed today.
    const early = (await web.newPage({ width: 390, height: 844 })).page;
    await early.goto(`${web.baseUrl}/progress?number=${encodeURIComponent(number)}`);
    await early.locator('input[name="tail"]').fill(applicant.id.slice(-6));
    await early.getByTestId('progress-form').getByRole('button').click();
    const pausedShown = await textOf(early.getByTestId('progress-result'));
    assert.match(pausedShown, /计时暂停自 \d{4}-\d{2}-\d{2} 起（特别程序：[^）]+），期间不计入办理时限/);
    if ((await resumed.count()) > 0) assert.match(pausedShown, /如今日恢复计时\d{4}-\d{2}-\d{2} 前办结/);
    assert.ok(!pausedShown.includes('经营场所需现场核查'), 'no reason on the public page');
    await early.getByTestId('lang-switch').click();
    const since = /^Since \d{4}-\d{2}-\d{2} \(special procedure: [^)]+\); this time does not count$/;
    await early.getByTestId('progress-result').getByText(since).waitFor();
    await act(handler, 'endSpecial', (m) => m.locator('textarea').fill('现场核查合格'));
    await act(handler, 'pass', (m) => m.locator('textarea').fill('材料齐全，符合条件，建议准予'));

    // 审核.
    const reviewer = await pageAs(web, 'scjg_reviewer');
    await (await queueRow(reviewer, number)).getByRole('button', { name: /办\s*理/ }).click();
    await reviewer.getByTestId('case-page').waitFor();
    await act(reviewer, 'pass', (m) => m.locator('textarea').fill('同意'));

    // 批准 and 办结; a second tab still showing the old version is told so and reloads.
    const approver = await pageAs(web, 'scjg_approver');
    await (await queueRow(approver, number)).getByTestId('case-link').click();
    await approver.getByTestId('case-page').waitFor();
    const stale = await approver.context().newPage();
    await stale.goto(approver.url());
    await stale.getByTestId('action-decide').waitFor();
    await act(approver, 'decide', (m) => m.locator('textarea').first().fill('准予许可'));
    await stale.getByTestId('action-decide').click();
    await stale.locator('.ant-modal:visible textarea').first().fill('准予许可');
    await stale.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    // What the tab says next, whatever it is (a notice, or a field error if the form did not go out).
    const said = stale.locator('.ant-message-notice, .ant-form-item-explain-error').first();
    await said.waitFor();
    assert.match(await textOf(said), /^该办件已被他人处理，请刷新后再操作/);
    await stale.getByTestId('action-conclude').waitFor();
    await act(approver, 'conclude', async (m) => {
      await field(m, '结果文书或证照名称').locator('input').fill('食品经营许可证');
      await field(m, '文书或证照编号').locator('input').fill('JY12203220012345');
    });
    assert.match(await textOf(approver.getByTestId('case-result')), /食品经营许可证 JY12203220012345/);

    // 统一出件.
    const delivery = await pageAs(web, 'delivery');
    await openMenu(delivery, '统一出件');
    const ready = caseRow(delivery, 'delivery-table', number);
    await ready.getByTestId('deliver').click();
    const modal = delivery.locator('.ant-modal:visible');
    await modal.getByText('统一出件窗口领取').waitFor();
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await ready.waitFor({ state: 'detached' });

    // The case page: the whole record, every action with who, where and the working days used.
    await delivery.goto(`${web.baseUrl}/console/cases`);
    await delivery.getByTestId('case-filters').getByPlaceholder('办件编号').fill(number);
    await delivery.getByTestId('case-search').click();
    await openCase(delivery, 'search-table', number);
    assert.match(await textOf(delivery.getByTestId('status-tag')), /已送达/);
    const actions = delivery.getByTestId('timeline-entry').locator('strong');
    assert.deepEqual(await actions.allTextContents(), [
      '收件',
      '受理',
      '签收',
      '启动特别程序',
      '结束特别程序',
      '通过（转下一环节）',
      '通过（转下一环节）',
      '作出决定',
      '办结',
      '送达（出件）',
    ]);
    const record = await textOf(delivery.getByTestId('case-timeline'));
    for (const who of ['李秀梅', '陈志强', '杨文静', '周宏伟', '张丽娜'])
      assert.ok(record.includes(who), who);
    assert.match(record, /梨树县市场监督管理局/);
    assert.match(record, /第 \d+ 个工作日/);
    assert.equal(await delivery.getByTestId('case-actions').count(), 0, 'a delivered case offers no action');

    // The public, not logged in, from the notice's QR link: progress only, no personal data.
    const pub = (await web.newPage({ width: 390, height: 844 })).page;
    await pub.goto(`${web.baseUrl}/progress?number=${encodeURIComponent(number)}`);
    const form2 = pub.getByTestId('progress-form');
    assert.equal(await form2.locator('input[name="number"]').inputValue(), number);
    await form2.locator('input[name="tail"]').fill('000000');
    await form2.getByRole('button').click();
    assert.match(await textOf(pub.getByTestId('progress-problem')), /未查到办件/);
    await form2.locator('input[name="tail"]').fill(applicant.id.slice(-6));
    await form2.getByRole('button').click();
    const result = pub.getByTestId('progress-result');
    await result.waitFor();
    assert.equal(await textOf(pub.getByTestId('progress-status')), '已送达');
    const shown = await textOf(result);
    assert.match(shown, /食品经营许可/);
    assert.match(shown, /已受理[\s\S]*已作出决定[\s\S]*已办结[\s\S]*已送达/);
    for (const secret of [applicant.name, applicant.id, applicant.phone, '赵*']) {
      assert.ok(!shown.includes(secret), `no ${secret} on the public page`);
    }
    // In English the milestones are in English too, each step named by its role.
    await pub.getByTestId('lang-switch').click();
    await pub.getByTestId('progress-status').getByText('Delivered').waitFor();
    const english = await textOf(pub.getByTestId('progress-milestones'));
    assert.match(
      english,
      /Application received[\s\S]*Accepted[\s\S]*Special procedure \(clock stopped\)[\s\S]*Handling step completed[\s\S]*Review step completed[\s\S]*Decision made[\s\S]*Concluded[\s\S]*Delivered/,
    );
    assert.ok(!/[\u4e00-\u9fff]/.test(english), `no Chinese left in the milestones: ${english}`);

    // Scanning the notice's QR code (its address carries the number and the code): the progress at once, on a phone.
    const scan = (await web.newPage({ width: 390, height: 844 })).page;
    await scan.goto(`${web.baseUrl}/progress?number=${encodeURIComponent(number)}&code=${lookupCode}`);
    assert.equal(await textOf(scan.getByTestId('progress-status')), '已送达');
    // Typed by hand, in lower case and without the hyphens, the code works as well.
    const typed = (await web.newPage({ width: 390, height: 844 })).page;
    await typed.goto(`${web.baseUrl}/progress`);
    const form3 = typed.getByTestId('progress-form');
    await form3.locator('input[name="number"]').fill(number);
    await form3.locator('input[name="code"]').fill(lookupCode.replace(/-/g, '').toLowerCase());
    await form3.getByRole('button').click();
    assert.equal(await textOf(typed.getByTestId('progress-status')), '已送达');
  });

  test('a township clerk accepts a grassroots item; another township cannot see it', async () => {
    const page = await pageAs(web, 'lishuzhen');
    await openMenu(page, '综合窗口受理');
    await pickItem(page, '百岁老人长寿补贴');
    await fillPerson(page, { name: '钱玉兰', id: idNumber(5), phone: '13611112222' });
    await page.getByTestId('all-original').click();
    const number = await acceptAtWindow(page);
    await page.getByRole('button', { name: '查看办件' }).click();
    await page.getByTestId('case-page').waitFor();
    assert.match(await textOf(page.getByTestId('case-page')), /梨树镇/);
    const caseUrl = page.url();

    // 办件查询 by the full ID number: sent in a POST body (never in the address), and found.
    await openMenu(page, '办件查询');
    await page.getByTestId('case-filters').getByPlaceholder('申请人姓名或完整证件号码').fill(idNumber(5));
    const sent = page.waitForRequest((r) => r.url().includes('/api/cases/search'));
    await page.getByTestId('case-search').click();
    const request = await sent;
    assert.equal(request.method(), 'POST');
    assert.ok(!request.url().includes(idNumber(5)), 'the ID number is in no URL');
    assert.ok((request.postData() ?? '').includes(idNumber(5)), 'it is in the body');
    await caseRow(page, 'search-table', number).waitFor();

    const other = await pageAs(web, 'guojiadian');
    await openMenu(other, '办件查询');
    await other.getByTestId('case-filters').getByPlaceholder('办件编号').fill(number);
    await other.getByTestId('case-search').click();
    await other.getByTestId('search-table').locator('.ant-empty').waitFor();
    assert.equal(await caseRow(other, 'search-table', number).count(), 0);
    await other.goto(caseUrl);
    await other.getByText('加载失败').waitFor();
    assert.equal(await other.getByTestId('case-page').count(), 0);
  });
});
