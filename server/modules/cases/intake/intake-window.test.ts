import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { findOrgUnitByCode } from '../../org/index.ts';
import { ALL_ORIGINALS, person, setUpItems, type TestItems, windowId } from '../testing/http-test-support.ts';

/** Where an intake happens when the clerk names no window, and whose windows a clerk may use. */
describeEachDb('case intake: the clerk’s own window and service centre', (ctx) => {
  let items: TestItems;
  before(async () => {
    items = await setUpItems(ctx());
  });

  type Page = { intakeLevel: string; windowNumber: string | null; servicePointName: string | null };

  test('a county-centre clerk who names no window receives at their own window', async () => {
    const clerk = await ctx().as('clerk');
    const page = ok<Page>(
      await clerk.post('/api/cases', {
        itemId: items.market,
        applicant: person(40),
        materials: ALL_ORIGINALS,
        decision: 'accept',
      }),
    );
    assert.equal(page.intakeLevel, 'county');
    assert.equal(page.windowNumber, 'A01', 'the demo clerk sits at A01');
  });

  test('a township clerk who names no window receives at their service point', async () => {
    const lsz = await ctx().as('lishuzhen');
    const page = ok<Page>(
      await lsz.post('/api/cases', {
        itemId: items.marketLocal,
        applicant: person(42),
        situations: { s1: 'self' },
        form: { shopName: '梨树镇小超市' },
        materials: [
          { materialId: 'm1', form: 'original' },
          { materialId: 'm2', form: 'original' },
        ],
        decision: 'receive',
      }),
    );
    assert.equal(page.intakeLevel, 'township');
    assert.equal(page.servicePointName, '梨树镇');
  });

  test('a window of another service centre is refused, whatever the clerk’s scope', async () => {
    const clerk = await ctx().as('clerk');
    const townshipWindow = await windowId(clerk, { centreCode: '220322004C', number: 'A01' }, ctx());
    const body = {
      itemId: items.marketLocal,
      applicant: person(43),
      situations: { s1: 'self' },
      form: { shopName: '别处的窗口' },
      materials: [
        { materialId: 'm1', form: 'original' },
        { materialId: 'm2', form: 'original' },
      ],
      decision: 'receive',
    };
    const e = expectError(
      await clerk.post('/api/cases', { ...body, windowId: townshipWindow }),
      403,
      'CASE_WINDOW_NOT_OWN',
    );
    assert.equal(e.details.fields[0].path, 'body.windowId');
    const lsz = await ctx().as('lishuzhen');
    const a02 = await windowId(lsz, { centreCode: '220322C00', number: 'A02' }, ctx());
    expectError(await lsz.post('/api/cases', { ...body, windowId: a02 }), 403, 'CASE_WINDOW_NOT_OWN');
    // Another window of the clerk's own centre is fine (a colleague's counter, say).
    const page = ok<Page>(
      await clerk.post('/api/cases', {
        itemId: items.market,
        windowId: a02,
        applicant: person(44),
        materials: ALL_ORIGINALS,
        decision: 'accept',
      }),
    );
    assert.equal(page.windowNumber, 'A02');
  });

  test('a county clerk with no window assigned must name one', async () => {
    const admin = await ctx().as('admin');
    const centre = await findOrgUnitByCode(ctx().platform.db, '220322C00');
    assert.ok(centre);
    ok(
      await admin.post('/api/org/staff', {
        username: 'nowindow',
        name: '赵无窗',
        orgUnitId: centre.id,
        initialPassword: 'Init-Pass-2026',
        roles: [{ role: 'window_clerk', scopeOrgUnitId: centre.id }],
      }),
    );
    const clerk = await ctx().firstLogIn('nowindow', 'Init-Pass-2026');
    const body = {
      itemId: items.market,
      applicant: person(45),
      materials: ALL_ORIGINALS,
      decision: 'accept',
    };
    const e = expectError(await clerk.post('/api/cases', body), 400, 'CASE_INTAKE_POINT_REQUIRED');
    assert.equal(e.details.fields[0].path, 'body.windowId');
    const a03 = await windowId(clerk, { centreCode: '220322C00', number: 'A03' }, ctx());
    const page = ok<Page>(await clerk.post('/api/cases', { ...body, windowId: a03 }));
    assert.equal(page.windowNumber, 'A03');
  });
});
