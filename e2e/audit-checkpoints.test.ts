import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { dropAppendOnly } from '../server/platform/db/append-only.ts';
import { logIn, startWebApp, textOf, type WebApp } from './harness.ts';

describe('console audit page: signed checkpoints (Chromium)', () => {
  let web: WebApp;
  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('admin writes a checkpoint, downloads it, and the check uses it; deleting the newest rows then shows as truncation', async () => {
    const { page } = await web.newPage();
    await logIn(web, page, 'admin');
    await page.goto(`${web.baseUrl}/console/audit`);
    await page.getByRole('button', { name: /校验审计链/ }).click();
    assert.match(await textOf(page.getByTestId('audit-verify-checkpoint')), /尚无签名检查点/);

    await page.getByTestId('audit-checkpoint-create').click();
    const created = page.getByTestId('audit-checkpoint-created');
    await created.waitFor();
    const file = (await textOf(created)).match(/checkpoint-\S+\.json/)?.[0] ?? '';
    assert.ok(file, await textOf(created));
    const row = page.getByTestId('audit-checkpoints').locator('tr', { hasText: file });
    await row.waitFor();
    assert.match(await textOf(page.getByTestId('audit-public-key')), /04[0-9a-f]{128}/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /下载/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), file);
    const saved = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    assert.match(saved.signature, /^[0-9a-f]{128}$/);
    assert.match(saved.message, /^onewindow-audit-checkpoint\/1\n/);

    await page.getByRole('button', { name: /校验审计链/ }).click();
    await page
      .getByTestId('audit-verify')
      .getByText(/审计链完整/)
      .waitFor();
    assert.match(
      await textOf(page.getByTestId('audit-verify-checkpoint')),
      new RegExp(`已对照签名检查点 ${file}`),
    );

    // A database administrator drops the trigger and deletes the newest rows.
    const { db, dialect } = web.platform;
    await dropAppendOnly(db, dialect, 'audit_log');
    await db.deleteFrom('audit_log').where('seq', '>=', saved.audit.seq).execute();
    await page.getByRole('button', { name: /校验审计链/ }).click();
    const problem = page.getByTestId('audit-problem');
    await problem.waitFor();
    assert.match(await textOf(problem), /审计日志已不再到达检查点记录的序号/);
    assert.match(await textOf(page.getByTestId('audit-verify')), /审计校验发现问题/);
  });
});
