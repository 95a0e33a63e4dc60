import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleReport } from '../scripts/bundle-report.ts';
import { WEB_DIR } from './harness.ts';

test('the portal entry stays under 250 KB gzipped, and no portal page loads the console', () => {
  const report = bundleReport(WEB_DIR);
  assert.ok(report.entryKb < 250, `entry ${report.entryKb} KB`);
  const pages = Object.keys(report.pages);
  for (const page of [
    'front page',
    'SearchPage',
    'GuidePage',
    'ProgressPage',
    'LoginPage',
    'MePage',
    'ApplyPage',
  ]) {
    assert.ok(pages.includes(page), `${page} is one of the portal's pages: ${pages.join(', ')}`);
  }
  for (const [page, r] of Object.entries(report.pages)) {
    assert.equal(r.loadsConsole, false, `${page} loads the console`);
    assert.ok(r.kb >= report.entryKb, `${page} includes the entry`);
  }
});
