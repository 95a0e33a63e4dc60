import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { AuditCheckpoint, AuditProblem, AuditVerifyResult } from '../../../contracts/audit.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { generateSm2KeyPair, sm2Sign } from '../crypto/sm2.ts';
import { dropAppendOnly } from '../db/append-only.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { auditRowHash } from './audit.ts';
import { checkpointMessage, claimOf } from './checkpoint-format.ts';

describeEachDb(
  'signed audit checkpoints anchor the audit log and the case action chains',
  (ctx) => {
    const dir = () => ctx().platform.config.auditCheckpointDir;
    const verify = async (query = ''): Promise<AuditVerifyResult> => {
      const res = await (await ctx().as('supervisor')).get(`/api/audit/verify${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const problemsOf = (r: AuditVerifyResult) => r.problems.map((p: AuditProblem) => p.problem);
    const allAudit = (): Promise<AuditLogTable[]> =>
      ctx().platform.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const restoreAudit = async (rows: AuditLogTable[]) => {
      await sql`delete from audit_log`.execute(ctx().platform.db);
      for (const row of rows) await ctx().platform.db.insertInto('audit_log').values(row).execute();
    };
    let latest: { file: string; seq: number; before: string };

    test('without a checkpoint the chain verifies, and says none was checked', async () => {
      const result = await verify();
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      assert.deepEqual(result.checkpoints, { checked: 0, latest: null });
    });

    test('only a county-wide audit.read grant may list or write checkpoints', async () => {
      assert.equal((await ctx().anonymous.post('/api/audit/checkpoints')).statusCode, 401);
      const clerk = await ctx().as('clerk');
      assert.equal((await clerk.post('/api/audit/checkpoints')).statusCode, 403);
      assert.equal((await clerk.get('/api/audit/checkpoints')).statusCode, 403);
      const townadmin = await ctx().as('townadmin');
      assert.equal((await townadmin.post('/api/audit/checkpoints')).statusCode, 403);
      assert.equal((await ctx().anonymous.get('/api/audit/checkpoints')).statusCode, 401);
      const file = 'checkpoint-20260101T000000000Z-seq-1.json';
      assert.equal((await ctx().anonymous.get(`/api/audit/checkpoints/${file}`)).statusCode, 401);
      assert.equal((await townadmin.get(`/api/audit/checkpoints/${file}`)).statusCode, 403);
    });

    test('an administrator writes a checkpoint: a signed file 0600 in a 0700 directory, listed and downloadable', async () => {
      const admin = await ctx().as('admin');
      const newest = (await allAudit()).at(-1);
      const res = await admin.post('/api/audit/checkpoints');
      assert.equal(res.statusCode, 201, res.body);
      const summary = res.json();
      assert.equal(summary.seq, Number(newest?.seq));
      assert.equal(summary.hash, newest?.hash);
      const cases = summary.chains.case_actions;
      assert.ok(cases.chains >= 250 && cases.entries > cases.chains, JSON.stringify(cases));
      latest = { file: summary.file, seq: summary.seq, before: cases.before };

      assert.equal(statSync(dir()).mode & 0o777, 0o700);
      assert.equal(statSync(path.join(dir(), summary.file)).mode & 0o777, 0o600);
      const list = (await admin.get('/api/audit/checkpoints')).json();
      assert.equal(list.items[0].file, summary.file);
      assert.match(list.publicKey, /^04[0-9a-f]{128}$/);
      assert.match(list.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);

      const download = await admin.get(`/api/audit/checkpoints/${summary.file}`);
      assert.equal(download.statusCode, 200);
      assert.match(String(download.headers['content-disposition']), /attachment/);
      const file: AuditCheckpoint = download.json();
      assert.equal(file.publicKey, list.publicKey);
      assert.equal(file.message, checkpointMessage(claimOf(file)));
      assert.match(file.message, new RegExp(`audit.seq: ${summary.seq}\\n`));

      const audited = (await admin.get('/api/audit?action=audit.writeCheckpoint')).json();
      assert.equal(audited.items[0].entityId, summary.file);

      const missing = await admin.get('/api/audit/checkpoints/..%2Fsigning.key', { 'accept-language': 'en' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'AUDIT_CHECKPOINT_NOT_FOUND');
      assert.equal(missing.json().error.message, 'No such audit checkpoint file');

      const result = await verify();
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      assert.deepEqual(
        { checked: result.checkpoints.checked, file: result.checkpoints.latest?.file },
        { checked: 1, file: summary.file },
      );
    });

    test('an archivist checks a downloaded checkpoint with openssl alone, as the audit README says', async () => {
      const admin = await ctx().as('admin');
      const checkpoint: AuditCheckpoint = (await admin.get(`/api/audit/checkpoints/${latest.file}`)).json();
      // The public key as printed by GET /api/audit/checkpoints (kept by the archive beforehand).
      const { publicKeyPem } = (await admin.get('/api/audit/checkpoints')).json();
      const work = mkdtempSync(path.join(tmpdir(), 'onewindow-archivist-'));
      try {
        writeFileSync(path.join(work, 'key.pem'), publicKeyPem);
        writeFileSync(path.join(work, 'msg.txt'), checkpoint.message);
        writeFileSync(path.join(work, 'sig.der'), Buffer.from(checkpoint.signatureDer, 'base64'));
        writeFileSync(
          path.join(work, 'forged.txt'),
          checkpoint.message.replace(/audit\.seq: \d+/, 'audit.seq: 1'),
        );
        const openssl = (msg: string) =>
          spawnSync(
            'openssl',
            [
              'pkeyutl',
              '-verify',
              '-pubin',
              '-inkey',
              'key.pem',
              '-rawin',
              '-in',
              msg,
              '-sigfile',
              'sig.der',
            ].concat(['-digest', 'sm3', '-pkeyopt', `distid:${checkpoint.userId}`]),
            { cwd: work, encoding: 'utf8' },
          );
        const good = openssl('msg.txt');
        assert.equal(good.status, 0, good.stderr);
        assert.match(good.stdout, /Signature Verified Successfully/);
        assert.notEqual(openssl('forged.txt').status, 0);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    test('as a database administrator, drop the append-only triggers to tamper', async () => {
      const { db, dialect } = ctx().platform;
      await dropAppendOnly(db, dialect, 'audit_log');
      await dropAppendOnly(db, dialect, 'case_actions');
    });

    test('deleting the newest rows leaves a valid shorter chain, but not the checkpoint: truncated', async () => {
      const saved = await allAudit();
      await ctx()
        .platform.db.deleteFrom('audit_log')
        .where('seq', '>=', latest.seq - 2)
        .execute();
      const result = await verify();
      await restoreAudit(saved);
      assert.equal(result.firstBad, undefined, 'the chain itself still holds');
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.problems.filter((p) => p.problem === 'checkpoint_truncated').map((p) => [p.file, p.seq]),
        [[latest.file, latest.seq]],
      );
      assert.equal((await verify()).ok, true, 'restored');
    });

    test('deleting every row is detected', async () => {
      const saved = await allAudit();
      await ctx().platform.db.deleteFrom('audit_log').execute();
      // Verified as the CLI would: no log-in (a log-in would write a new row 1).
      const { verifyAudit } = await import('./verify-anchored.ts');
      const { house } = await import('../../house.ts');
      const result = await verifyAudit(ctx().platform, house.anchoredChains);
      await restoreAudit(saved);
      assert.equal(result.rows, 0);
      assert.equal(result.ok, false);
      assert.ok(problemsOf(result).includes('checkpoint_truncated'), JSON.stringify(result.problems));
    });

    /** Rewrites one detail of row 3 and re-hashes every later row: a chain that verifies on its own. */
    const rewriteFromRow3 = async (saved: AuditLogTable[]) => {
      const { db } = ctx().platform;
      // From row 3 on: change one detail, recompute every hash and link to the end.
      let prev = saved.find((r) => Number(r.seq) === 2)?.hash ?? '';
      for (const original of saved.filter((r) => Number(r.seq) >= 3)) {
        const content = {
          ...original,
          seq: Number(original.seq),
          prev_hash: prev,
          detail: Number(original.seq) === 3 ? '{"ip":"10.6.6.6"}' : original.detail,
        };
        const { hash: _old, ...unhashed } = content;
        const hash = auditRowHash(unhashed);
        await db
          .updateTable('audit_log')
          .set({ detail: content.detail, prev_hash: prev, hash })
          .where('seq', '=', content.seq)
          .execute();
        prev = hash;
      }
    };

    test('rewriting a stretch before the checkpoint and re-hashing every later row is detected', async () => {
      const saved = await allAudit();
      await rewriteFromRow3(saved);
      const result = await verify();
      await restoreAudit(saved);
      assert.equal(result.firstBad, undefined, 'the re-hashed chain verifies on its own');
      const rewritten = result.problems.find((p) => p.problem === 'checkpoint_rewritten');
      assert.equal(rewritten?.seq, latest.seq);
      assert.equal(rewritten?.file, latest.file);
      assert.equal((await verify()).ok, true, 'restored');
    });

    test('no checkpoint is signed over a rewritten log: the next one is refused, by the console, the command line and the daily job', async () => {
      const saved = await allAudit();
      await rewriteFromRow3(saved);
      const admin = await ctx().as('admin');
      const files = readdirSync(dir());
      const res = await admin.post('/api/audit/checkpoints');
      const { createCheckpoint } = await import('./create-checkpoint.ts');
      const { house } = await import('../../house.ts');
      const direct = await createCheckpoint(ctx().platform, null, { chains: house.anchoredChains }).then(
        () => 'signed',
        (err: { code?: string }) => err.code,
      );
      const after = readdirSync(dir());
      const result = await verify();
      await restoreAudit(saved);
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'AUDIT_CHECKPOINT_REFUSED');
      assert.match(res.json().error.message, /拒绝签发/);
      assert.ok(JSON.stringify(res.json().error).includes('checkpoint_rewritten'), res.body);
      assert.equal(direct, 'AUDIT_CHECKPOINT_REFUSED', 'the job and the CLI call the same function');
      assert.deepEqual(after, files, 'no new checkpoint file');
      assert.equal(result.ok, false, 'the latest checkpoint still tells the forgery');
      assert.equal((await verify()).ok, true, 'restored');
    });

    test('a row inserted with seq 0 is reported (the chain walk starts at 1)', async () => {
      const { db } = ctx().platform;
      const content = {
        seq: 0,
        at: new Date().toISOString(),
        actor_id: null,
        actor_name: 'intruder',
        action: 'staff.create',
        entity_type: 'staff',
        entity_id: 'x',
        org_unit_id: null,
        detail: '{}',
        prev_hash: '0'.repeat(64),
      };
      await db
        .insertInto('audit_log')
        .values({ ...content, hash: auditRowHash(content) })
        .execute();
      const result = await verify();
      await db.deleteFrom('audit_log').where('seq', '=', 0).execute();
      assert.equal(result.ok, false);
      assert.deepEqual(
        result.problems.filter((p) => p.problem === 'seq_below_one').map((p) => p.seq),
        [0],
      );
    });

    test("truncating one case's actions before the checkpoint is detected", async () => {
      const { db } = ctx().platform;
      // A case whose every action is covered by the checkpoint, with at least two actions.
      const covered = await db
        .withTables<{ case_actions: { case_id: string; seq: number; at: string } }>()
        .selectFrom('case_actions')
        .select(['case_id', (eb) => eb.fn.max('seq').as('last'), (eb) => eb.fn.max('at').as('lastAt')])
        .groupBy('case_id')
        .having((eb) => eb.fn.max('seq'), '>=', 2)
        .having((eb) => eb.fn.max('at'), '<=', latest.before)
        .orderBy('case_id')
        .executeTakeFirstOrThrow();
      const table = db.withTables<{
        case_actions: Record<string, unknown> & { case_id: string; seq: number };
      }>();
      const last = await table
        .selectFrom('case_actions')
        .selectAll()
        .where('case_id', '=', covered.case_id)
        .where('seq', '=', Number(covered.last))
        .executeTakeFirstOrThrow();
      await table
        .deleteFrom('case_actions')
        .where('case_id', '=', covered.case_id)
        .where('seq', '=', Number(covered.last))
        .execute();
      const result = await verify();
      await table.insertInto('case_actions').values(last).execute();
      assert.equal(result.firstBad, undefined);
      assert.deepEqual(
        problemsOf(result),
        ['checkpoint_anchor_mismatch'],
        'the shorter chain holds on its own',
      );
      assert.equal(result.problems[0]?.chain, 'case_actions');
      assert.equal((await verify()).ok, true, 'restored');
    });

    test("an altered case action (not re-hashed) breaks that case's chain", async () => {
      const { db } = ctx().platform;
      const table = db.withTables<{ case_actions: { case_id: string; seq: number; actor_name: string } }>();
      const first = await table
        .selectFrom('case_actions')
        .selectAll()
        .where('seq', '=', 1)
        .orderBy('case_id')
        .executeTakeFirstOrThrow();
      await table
        .updateTable('case_actions')
        .set({ actor_name: '某人' })
        .where('case_id', '=', first.case_id)
        .where('seq', '=', 1)
        .execute();
      const result = await verify();
      await table
        .updateTable('case_actions')
        .set({ actor_name: first.actor_name })
        .where('case_id', '=', first.case_id)
        .where('seq', '=', 1)
        .execute();
      const broken = result.problems.find((p) => p.problem === 'case_chain_broken');
      assert.deepEqual([broken?.entityId, broken?.seq], [first.case_id, 1]);
      assert.equal((await verify()).ok, true, 'restored');
    });

    test('a checkpoint file edited, or signed by another key, fails its signature', async () => {
      const file = path.join(dir(), latest.file);
      const original = readFileSync(file, 'utf8');
      const parsed: AuditCheckpoint = JSON.parse(original);
      // Moved back to an earlier seq, as someone covering a truncation would.
      writeFileSync(file, JSON.stringify({ ...parsed, audit: { ...parsed.audit, seq: 1 } }));
      const edited = await verify();
      assert.deepEqual(
        edited.problems.map((p) => [p.problem, p.file]),
        [['checkpoint_signature', latest.file]],
      );
      // A forger's own key: the signature is valid for the forger's key, not the platform's.
      const forger = generateSm2KeyPair();
      const claim = { ...claimOf(parsed), audit: { ...parsed.audit, seq: 1 } };
      writeFileSync(
        file,
        JSON.stringify({
          ...parsed,
          ...claim,
          message: checkpointMessage(claim),
          signature: sm2Sign(checkpointMessage(claim), forger.privateKey),
          publicKey: forger.publicKey,
        }),
      );
      assert.deepEqual(problemsOf(await verify()), ['checkpoint_signature']);
      writeFileSync(file, original);
      assert.equal((await verify()).ok, true, 'restored');
      // The platform's key lost: no checkpoint can be its own, and verification makes no new key.
      const keyFile = path.join(ctx().platform.config.dataDir, 'signing.key');
      renameSync(keyFile, `${keyFile}.away`);
      const keyless = await verify();
      const madeKey = existsSync(keyFile);
      renameSync(`${keyFile}.away`, keyFile);
      assert.deepEqual(problemsOf(keyless), ['checkpoint_signature']);
      assert.equal(madeKey, false);
    });

    test('?checkpoints=all checks every checkpoint, and the newest is the one checked by default', async () => {
      const admin = await ctx().as('admin');
      const second = (await admin.post('/api/audit/checkpoints')).json();
      const all = await verify('?checkpoints=all');
      assert.equal(all.ok, true, JSON.stringify(all.problems));
      assert.equal(all.checkpoints.checked, 2);
      assert.equal(all.checkpoints.latest?.file, second.file);
      // Damage only the older one: the default check does not see it, ?checkpoints=all does.
      const older = path.join(dir(), latest.file);
      const original = readFileSync(older, 'utf8');
      writeFileSync(older, '{"not":"a checkpoint"}');
      assert.equal((await verify()).ok, true);
      assert.deepEqual(problemsOf(await verify('?checkpoints=all')), ['checkpoint_unreadable']);
      writeFileSync(older, original);
    });
  },
  { cases: true },
);
