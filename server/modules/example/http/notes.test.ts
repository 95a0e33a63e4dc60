import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { defaultHouse } from '../../../house.ts';
import { inTransaction } from '../../../platform/context.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { recordEvent } from '../../../platform/events/index.ts';
import type { DomainEvent } from '../../../platform/events/types.ts';
import { JobRunner } from '../../../platform/jobs/runner.ts';
import { OutboxSmsProvider } from '../../../platform/notify/providers.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { MODULES } from '../../index.ts';
import { findOrgUnitByCode } from '../../org/index.ts';
import { exampleModule } from '../index.ts';
import { deliveredCountOf } from '../store/store.ts';
import { countDeliveries } from '../tally/count-deliveries.ts';

interface NoteReply {
  id: string;
  orgUnitId: string;
  title: string;
  text: string;
  authorName: string | null;
  revision: number;
}

test('production never mounts the example: it is not in MODULES nor in the default house', () => {
  assert.ok(!MODULES.includes(exampleModule));
  assert.ok(!defaultHouse.parts.some((p) => p.name === 'example'));
});

describeEachDb(
  'example notes (the template module, mounted for this suite)',
  (ctx) => {
    let lishu: string;
    before(async () => {
      const unit = await findOrgUnitByCode(ctx().platform.db, '220322004');
      assert.ok(unit, '梨树镇 is in the demo');
      lishu = unit.id;
    });

    test('a township clerk creates, lists, reads and updates a note of its own township, audited', async () => {
      const clerk = await ctx().as('lishuzhen');
      const note = ok<NoteReply>(
        await clerk.post('/api/example/notes', { title: '周一例会', text: '带上本周受理台账' }),
      );
      assert.equal(note.orgUnitId, lishu);
      assert.equal(note.revision, 1);
      assert.equal(note.authorName, '王淑华');

      const list = ok<{ items: NoteReply[] }>(await clerk.get('/api/example/notes'));
      assert.ok(list.items.some((n) => n.id === note.id));
      assert.equal(ok<NoteReply>(await clerk.get(`/api/example/notes/${note.id}`)).title, '周一例会');

      const updated = ok<NoteReply>(
        await clerk.patch(`/api/example/notes/${note.id}`, { expectedRevision: 1, title: '周二例会' }),
      );
      assert.equal(updated.revision, 2);
      assert.equal(updated.title, '周二例会');
      assert.equal(updated.text, '带上本周受理台账', 'a field not named is kept');
      const same = ok<NoteReply>(
        await clerk.patch(`/api/example/notes/${note.id}`, { expectedRevision: 2, title: '周二例会' }),
      );
      assert.equal(same.revision, 2, 'a change of nothing keeps the revision');

      const rows = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_id', '=', note.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.action),
        ['example.createNote', 'example.updateNote'],
      );
      assert.ok(!JSON.stringify(rows).includes('台账'), 'no typed text in the audit log');
      assert.deepEqual(fromJson(rows[1]?.detail ?? null, {}), { changed: ['title'], revision: 2 });
    });

    test('an update read at an older revision is refused with 409, and changes nothing', async () => {
      const clerk = await ctx().as('lishuzhen');
      const note = ok<NoteReply>(await clerk.post('/api/example/notes', { title: '值班表', text: '' }));
      ok(await clerk.patch(`/api/example/notes/${note.id}`, { expectedRevision: 1, text: '周六：王淑华' }));
      expectError(
        await clerk.patch(`/api/example/notes/${note.id}`, { expectedRevision: 1, text: '周六：另一人' }),
        409,
        'EXAMPLE_STALE_VERSION',
      );
      const now = ok<NoteReply>(await clerk.get(`/api/example/notes/${note.id}`));
      assert.equal(now.text, '周六：王淑华');
      assert.equal(now.revision, 2);
    });

    test('a body with a key the contract does not know is refused with 400 naming it', async () => {
      const clerk = await ctx().as('lishuzhen');
      const err = expectError(
        await clerk.post('/api/example/notes', { title: 'x', text: 'y', colour: 'red' }),
        400,
        'VALIDATION_FAILED',
      );
      assert.match(JSON.stringify(err.details), /colour/);
      const note = ok<NoteReply>(await clerk.post('/api/example/notes', { title: 'x', text: 'y' }));
      expectError(
        await clerk.patch(`/api/example/notes/${note.id}`, { expectedRevision: 1, revision: 5 }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await clerk.patch(`/api/example/notes/${note.id}`, { title: 'no revision' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    test('another township reads and writes none of it (403); a role without the actions neither', async () => {
      const clerk = await ctx().as('lishuzhen');
      const note = ok<NoteReply>(await clerk.post('/api/example/notes', { title: '内部', text: '' }));
      const other = await ctx().as('guojiadian');
      expectError(await other.get(`/api/example/notes/${note.id}`), 403, 'ACCESS_OUT_OF_SCOPE');
      expectError(
        await other.patch(`/api/example/notes/${note.id}`, { expectedRevision: 1, title: '改' }),
        403,
        'ACCESS_OUT_OF_SCOPE',
      );
      expectError(await other.get(`/api/example/notes?orgUnitId=${lishu}`), 403, 'ACCESS_OUT_OF_SCOPE');
      const own = ok<{ items: NoteReply[] }>(await other.get('/api/example/notes'));
      assert.ok(!own.items.some((n) => n.id === note.id), 'its own list holds only its own notes');
      const admin = await ctx().as('admin');
      expectError(await admin.get(`/api/example/notes/${note.id}`), 403, 'ACCESS_DENIED');
      expectError(await admin.post('/api/example/notes', { title: 'x', text: '' }), 403, 'ACCESS_DENIED');
      expectError(await clerk.get('/api/example/notes/no-such-note'), 404, 'EXAMPLE_NOTE_NOT_FOUND');
    });

    test('an anonymous caller is asked to log in (401)', async () => {
      const { anonymous } = ctx();
      expectError(await anonymous.get('/api/example/notes'), 401, 'AUTH_REQUIRED');
      expectError(await anonymous.get('/api/example/notes/any-id'), 401, 'AUTH_REQUIRED');
    });

    test('the subscription counts each delivered case once, however often it is delivered', async () => {
      const { platform, house } = ctx();
      const before = await deliveredCountOf(platform.db, lishu);
      // What the cases module records when a case is delivered (cases/events.ts), here by hand.
      const { id } = await inTransaction(platform, (trx) =>
        recordEvent(platform, trx, {
          type: 'case.delivered',
          subjectId: 'example-test-case',
          payload: { caseId: 'example-test-case', intakeUnitId: lishu, status: 'delivered' },
        }),
      );
      // The house's own runner delivers it: the dispatch, then the subscription's delivery job.
      const runner = new JobRunner(platform, house.jobHandlers({ sms: new OutboxSmsProvider() }), {
        log: () => {},
      });
      for (let round = 0; round < 5; round++) if ((await runner.runDueJobs(50)).ran === 0) break;
      assert.equal(await deliveredCountOf(platform.db, lishu), before + 1);
      const job = await platform.db
        .selectFrom('jobs')
        .select(['status'])
        .where('kind', '=', `event:${countDeliveries.name}`)
        .executeTakeFirstOrThrow();
      assert.equal(job.status, 'done');

      // A second delivery of the same event (a crash after the effect) changes nothing.
      const row = await platform.db
        .selectFrom('domain_events')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const event: DomainEvent = {
        id: row.id,
        type: 'case.delivered',
        subjectId: row.subject_id,
        sequence: Number(row.subject_seq),
        payload: fromJson(row.payload, {}),
        recordedAt: row.recorded_at,
      };
      await countDeliveries.handle(event, platform, {
        subscriber: countDeliveries.name,
        jobId: 'again',
        attempt: 2,
        maxAttempts: 5,
        runnerId: 'test',
      });
      assert.equal(await deliveredCountOf(platform.db, lishu), before + 1);
    });
  },
  { modules: [exampleModule] },
);
