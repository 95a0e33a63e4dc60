import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { OrgUnitView, StaffView, WindowView } from '../../../../contracts/org.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { fieldRefused, refused, tally } from '../../../testing/malformed-support.ts';

/**
 * Org units, windows and staff carry `revision` (1 when stored, +1 on every change) and every
 * update names the `expectedRevision` it was decided on (contracts/revision.ts): a stale one is 409
 * ORG_STALE_VERSION with `{ expected, current }` and nothing stored, a missing one is 400 naming
 * `body.expectedRevision`, and of ten concurrent updates decided on one revision exactly one lands.
 */
describeEachDb('org units, windows and staff: one concurrency field', (ctx) => {
  let admin: Client;
  let units: OrgUnitView[];
  const unitNamed = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u;
  };
  before(async () => {
    admin = await ctx().as('admin');
    units = (await admin.get('/api/org/units')).json().items;
  });

  /** One resource kind: how to make a fresh one, its URL, and a change of it. */
  interface Kind {
    name: string;
    fresh(n: number): Promise<{ id: string; revision: number }>;
    url(id: string): string;
    change(i: number): Record<string, unknown>;
    read(id: string): Promise<{ revision: number } & Record<string, unknown>>;
  }
  const kinds: Kind[] = [
    {
      name: 'org unit',
      fresh: async (n) => {
        const res = await admin.post('/api/org/units', {
          parentId: unitNamed('梨树县人民政府').id,
          code: `REV${n}`,
          name: `修订测试局${n}`,
          kind: 'department',
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      },
      url: (id) => `/api/org/units/${id}`,
      change: (i) => ({ name: `改名${i}` }),
      read: async (id) =>
        ((await admin.get('/api/org/units')).json().items as OrgUnitView[]).find((u) => u.id === id) ?? {
          revision: -1,
        },
    },
    {
      name: 'window',
      fresh: async (n) => {
        const res = await admin.post('/api/org/windows', {
          serviceCentreId: unitNamed('梨树县政务服务中心').id,
          number: `R${n}`,
          name: '修订测试窗口',
          kind: 'comprehensive',
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      },
      url: (id) => `/api/org/windows/${id}`,
      change: (i) => ({ name: `窗口${i}` }),
      read: async (id) =>
        ((await admin.get('/api/org/windows')).json().items as WindowView[]).find((w) => w.id === id) ?? {
          revision: -1,
        },
    },
    {
      name: 'staff member',
      fresh: async (n) => {
        const res = await admin.post('/api/org/staff', {
          username: `rev_${n}`,
          name: '修订测试',
          orgUnitId: unitNamed('梨树县市场监督管理局').id,
          initialPassword: 'Start-Pass-2026',
          roles: [],
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      },
      url: (id) => `/api/org/staff/${id}`,
      change: (i) => ({ title: `职务${i}` }),
      read: async (id) => (await admin.get(`/api/org/staff/${id}`)).json() as StaffView,
    },
  ];

  let n = 0;
  for (const kind of kinds) {
    test(`${kind.name}: revision starts at 1 and moves by one; a stale expectedRevision is 409 ORG_STALE_VERSION, nothing stored`, async () => {
      const made = await kind.fresh(++n);
      assert.equal(made.revision, 1);
      const first = await admin.patch(kind.url(made.id), { ...kind.change(1), expectedRevision: 1 });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().revision, 2);
      const after = await kind.read(made.id);
      const stale = await admin.patch(kind.url(made.id), { ...kind.change(2), expectedRevision: 1 });
      const error = refused(stale, 'ORG_STALE_VERSION');
      assert.deepEqual(error.details, { expected: 1, current: 2 });
      assert.deepEqual(await kind.read(made.id), after, 'nothing stored');
      // The body names the revision: the fresh one lands, and moves it again.
      const next = await admin.patch(kind.url(made.id), { ...kind.change(2), expectedRevision: 2 });
      assert.equal(next.statusCode, 200, next.body);
      assert.equal(next.json().revision, 3);
    });

    test(`${kind.name}: a missing or malformed expectedRevision is 400 naming body.expectedRevision, in both languages`, async () => {
      const made = await kind.fresh(++n);
      const missing = fieldRefused(
        await admin.patch(kind.url(made.id), kind.change(1)),
        'body.expectedRevision',
      );
      assert.match(missing.details?.fields?.[0]?.message ?? '', /期望修订号/);
      const en = fieldRefused(
        await admin.inject({
          method: 'PATCH',
          url: kind.url(made.id),
          payload: kind.change(1),
          headers: { 'accept-language': 'en-US' },
        }),
        'body.expectedRevision',
        { english: true },
      );
      assert.match(en.details?.fields?.[0]?.message ?? '', /expected revision/);
      for (const bad of ['1', 1.5, 0, -1, null]) {
        fieldRefused(
          await admin.patch(kind.url(made.id), { ...kind.change(1), expectedRevision: bad }),
          'body.expectedRevision',
        );
      }
      assert.equal((await kind.read(made.id)).revision, 1, 'nothing stored');
    });

    test(`${kind.name}: ten concurrent updates decided on one revision: exactly one lands`, async () => {
      const made = await kind.fresh(++n);
      const all = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          admin.patch(kind.url(made.id), { ...kind.change(i + 10), expectedRevision: made.revision }),
        ),
      );
      assert.deepEqual(tally(all), { 200: 1, '409 ORG_STALE_VERSION': 9 });
      for (const r of all.filter((x) => x.statusCode === 409)) refused(r, 'ORG_STALE_VERSION');
      const winner = all.find((r) => r.statusCode === 200)?.json();
      const stored = await kind.read(made.id);
      assert.equal(stored.revision, 2);
      assert.deepEqual(stored, winner, 'the one that landed is what is stored');
    });
  }
});
