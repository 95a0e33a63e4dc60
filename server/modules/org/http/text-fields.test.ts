import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { OrgUnitView, StaffView, WindowView } from '../../../../contracts/org.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { fieldRefused } from '../../../testing/malformed-support.ts';

/**
 * Org units, windows and staff follow the same text rule as cases and the catalogue
 * (contracts/plain-text.ts): a name with a right-to-left override, a zero-width space, a control
 * character or a lone surrogate is refused with the field named, in Chinese and in English, and
 * nothing is stored. (The probe stored them; a lone surrogate came back as U+FFFD.)
 */
const BAD: [string, string][] = [
  ['a right-to-left override', '梨树\u202e镇'],
  ['a zero-width space', '梨树\u200b镇'],
  ['a control character', '梨树\u0007镇'],
  ['a lone surrogate', '梨树\ud800镇'],
  ['an Arabic letter mark', '梨树\u061c镇'],
  ['a line separator', '梨树\u2028镇'],
  ['a soft hyphen', '梨树\u00ad镇'],
  ['a Mongolian vowel separator', '梨树\u180e镇'],
  ['a tag character', '梨树\u{e0041}镇'],
  ['a noncharacter', '梨树\uffff镇'],
  ['nothing but Hangul fillers', '\u3164\u3164'],
  ['nothing but braille blanks', '\u2800'],
];

describeEachDb('org, window and staff names follow the one text rule', (ctx) => {
  let admin: Client;
  let units: OrgUnitView[];
  const unitId = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  before(async () => {
    admin = await ctx().as('admin');
    units = (await admin.get('/api/org/units')).json().items;
  });
  const counts = async () => ({
    units: ((await admin.get('/api/org/units')).json().items as OrgUnitView[]).length,
    windows: ((await admin.get('/api/org/windows')).json().items as WindowView[]).length,
    staff: (await admin.get('/api/org/staff?pageSize=1')).json().total as number,
  });
  const en = { 'accept-language': 'en' };

  test('a unit name, a window name and a staff name with a hidden or broken character: 400 naming the field, nothing stored', async () => {
    const before = await counts();
    const lishu = unitId('梨树镇');
    const centre = unitId('梨树镇便民服务中心');
    for (const [what, bad] of BAD) {
      const unitBody = { parentId: lishu, code: 'T_BAD', name: bad, kind: 'village' };
      const zh = fieldRefused(await admin.post('/api/org/units', unitBody), 'body.name', { what });
      assert.match(
        zh.details?.fields?.[0]?.message ?? '',
        /^机构名称/,
        `${what}: names the field in Chinese`,
      );
      const english = fieldRefused(await admin.post('/api/org/units', unitBody, en), 'body.name', {
        what,
        english: true,
      });
      assert.match(english.details?.fields?.[0]?.message ?? '', /^The unit name /, `${what}: in English`);

      const windowBody = { serviceCentreId: centre, number: 'Z99', name: bad, kind: 'comprehensive' };
      const w = fieldRefused(await admin.post('/api/org/windows', windowBody), 'body.name', { what });
      assert.match(w.details?.fields?.[0]?.message ?? '', /^窗口名称/);
      const wEn = fieldRefused(await admin.post('/api/org/windows', windowBody, en), 'body.name', {
        what,
        english: true,
      });
      assert.match(wEn.details?.fields?.[0]?.message ?? '', /^The window name /);

      const staffBody = {
        username: 'bad_name',
        name: bad,
        orgUnitId: lishu,
        initialPassword: 'Start-Pass-2026',
        roles: [],
      };
      const s = fieldRefused(await admin.post('/api/org/staff', staffBody), 'body.name', { what });
      assert.match(s.details?.fields?.[0]?.message ?? '', /^姓名/);
      const sEn = fieldRefused(await admin.post('/api/org/staff', staffBody, en), 'body.name', {
        what,
        english: true,
      });
      assert.match(sEn.details?.fields?.[0]?.message ?? '', /^The name /);
      fieldRefused(
        await admin.post('/api/org/staff', { ...staffBody, name: '王五', title: bad }),
        'body.title',
        {
          what,
        },
      );
    }
    assert.deepEqual(await counts(), before, 'nothing was stored');
  });

  test('an edit that would bring such a character in is refused and leaves the unit, window and person as they were', async () => {
    const unit = units.find((u) => u.name === '南杏山村');
    assert.ok(unit);
    const window = ((await admin.get('/api/org/windows')).json().items as WindowView[])[0];
    assert.ok(window);
    const person = ((await admin.get('/api/org/staff?q=lishuzhen')).json().items as StaffView[])[0];
    assert.ok(person);
    const [unitBefore, windowBefore, personBefore] = [
      (await admin.get('/api/org/units')).body,
      (await admin.get('/api/org/windows')).body,
      (await admin.get(`/api/org/staff/${person.id}`)).body,
    ];
    for (const [what, bad] of BAD) {
      const unitAt = { expectedRevision: unit.revision };
      fieldRefused(await admin.patch(`/api/org/units/${unit.id}`, { ...unitAt, name: bad }), 'body.name', {
        what,
      });
      fieldRefused(
        await admin.patch(`/api/org/units/${unit.id}`, { ...unitAt, address: bad }),
        'body.address',
        { what },
      );
      fieldRefused(
        await admin.patch(`/api/org/windows/${window.id}`, { name: bad, expectedRevision: window.revision }),
        'body.name',
        { what },
      );
      fieldRefused(
        await admin.patch(`/api/org/staff/${person.id}`, { name: bad, expectedRevision: person.revision }),
        'body.name',
        { what },
      );
    }
    assert.equal((await admin.get('/api/org/units')).body, unitBefore);
    assert.equal((await admin.get('/api/org/windows')).body, windowBefore);
    assert.equal((await admin.get(`/api/org/staff/${person.id}`)).body, personBefore);
  });

  test('ordinary names, a rare CJK character and an emoji in a title are still taken', async () => {
    const res = await admin.post('/api/org/staff', {
      username: 'rare_name',
      name: '𠀀王',
      orgUnitId: unitId('梨树镇'),
      title: '受理员👍',
      initialPassword: 'Start-Pass-2026',
      roles: [],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as StaffView).name, '𠀀王');
  });
});
