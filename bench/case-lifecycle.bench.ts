/**
 * Whole case lifecycles through HTTP (a real socket, 50 concurrent clients): intake with
 * acceptance → 承办 pass → 审核 pass → 批准 decide → conclude → deliver, as the demo clerk,
 * handler, reviewer, approver and delivery clerk, with session auth, CSRF, zod validation, the
 * policy, the per-case SM3 hash chain, the projection, the audit chain and the SMS outbox, on
 * embedded SQLite (WAL, synchronous=FULL). 7 actions per lifecycle (receive + accept at intake).
 *
 * Baseline, same run: a bare Fastify route (no auth, no validation, no domain) that writes the
 * same rows per action (action row with its hash, projection insert/update with a state JSON of
 * the same size, audit row chained to the last, outbox row + job where ours writes them) in one
 * better-sqlite3 transaction, on its own SQLite file with the same pragmas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { idNumberCheckChar } from '../contracts/identifiers.ts';
import { seedDemo } from '../demo/seed.ts';
import { buildApp } from '../server/app.ts';
import { openPlatform } from '../server/bootstrap.ts';
import { insertTestItem } from '../server/modules/cases/test-items.ts';
import { findOrgUnitByCode } from '../server/modules/org/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { sm3 } from '../server/platform/crypto/sm3.ts';
import { median, quantile, report, round3 } from './lib.ts';

const CLIENTS = 50;
const ACTIONS_PER_LIFECYCLE = 7;
const ROUND_MS = 4000;
const ROUNDS = 3;
const PASSWORD = 'Bench-Pass-2026';

const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-bench-cases-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  DATA_DIR: dataDir,
  DEMO_PASSWORD: PASSWORD,
  ONEWINDOW_ENCRYPTION_KEY: '0'.repeat(32),
  JOB_POLL_MS: '0',
};
const platform = await openPlatform(loadConfig(env));
const baseDir = path.join(dataDir, 'baseline');
const basePlatform = await openPlatform(loadConfig({ ...env, DATA_DIR: baseDir }));
await basePlatform.database.close();
const app = await buildApp(platform);
const bare = Fastify();
try {
  await seedDemo(platform, { catalog: false, cases: false });
  const itemId = await insertTestItem(platform, {
    name: '食品经营许可（新办）',
    departmentCode: '220322D01',
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  type Session = { cookie: string; csrf: string };
  const login = async (username: string): Promise<Session> => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  const who = {
    clerk: await login('clerk'),
    handler: await login('scjg_handler'),
    reviewer: await login('scjg_reviewer'),
    approver: await login('scjg_approver'),
    delivery: await login('delivery'),
  };
  const centre = await findOrgUnitByCode(platform.db, '220322C00');
  const windows = (await (
    await fetch(`${url}/api/org/windows?serviceCentreId=${centre?.id}`, {
      headers: { cookie: who.clerk.cookie },
    })
  ).json()) as { items: { id: string; number: string }[] };
  const a01 = windows.items.find((w) => w.number === 'A01')?.id;

  const latencies: number[] = [];
  const post = async (s: Session, path: string, body: unknown) => {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string; version: number; status: string };
    latencies.push(performance.now() - t);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  let serial = 0;
  const lifecycle = async () => {
    serial++;
    const first17 = `220322198503${String(1 + (serial % 28)).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
    const c = await post(who.clerk, '/api/cases', {
      itemId,
      windowId: a01,
      applicant: {
        kind: 'person',
        name: '张建国',
        idNumber: `${first17}${idNumberCheckChar(first17)}`,
        phone: '13904340001',
      },
      materials: [
        { materialId: 'm1', form: 'original' },
        { materialId: 'm2', form: 'copy' },
      ],
      decision: 'accept',
    });
    let v = (
      await post(who.handler, `/api/cases/${c.id}/pass`, {
        version: c.version,
        opinion: '材料齐全，符合条件',
      })
    ).version;
    v = (await post(who.reviewer, `/api/cases/${c.id}/pass`, { version: v, opinion: '同意' })).version;
    v = (
      await post(who.approver, `/api/cases/${c.id}/decide`, {
        version: v,
        outcome: 'grant',
        opinion: '准予许可',
      })
    ).version;
    v = (
      await post(who.handler, `/api/cases/${c.id}/conclude`, {
        version: v,
        documentName: '食品经营许可证',
        documentNumber: `JY${serial}`,
      })
    ).version;
    const done = await post(who.delivery, `/api/cases/${c.id}/deliver`, { version: v, method: 'window' });
    if (done.status !== 'delivered') throw new Error(`lifecycle ended ${done.status}`);
  };

  // ---- baseline: the same rows per action, one transaction each, behind a bare route
  const sample = await platform.db
    .withTables<{ cases: { state: string } }>()
    .selectFrom('cases')
    .select('state')
    .executeTakeFirst();
  const db = new BetterSqlite3(path.join(baseDir, 'onewindow.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const stateJson = sample?.state ?? '{}';
  const now = () => new Date().toISOString();
  const columns = (id: string, n: number) => ({
    id,
    number: `B-${n}`,
    parent_id: null,
    channel: 'window',
    status: 'in_process',
    item_id: 'i',
    item_version_id: 'v',
    item_code: 'c',
    item_name: '食品经营许可',
    department_id: 'd',
    department_path: '/a/b/',
    department_name: '市场监督管理局',
    step_index: 0,
    step_name: '承办',
    step_role: 'dept_handler',
    step_department_path: '/a/b/',
    assignee_id: null,
    assignee_name: null,
    intake_unit_id: 'u',
    intake_path: '/a/c/',
    intake_unit_name: '县政务服务中心',
    intake_level: 'county',
    window_id: 'w',
    window_number: 'A01',
    service_point_id: null,
    service_point_name: null,
    applicant_kind: 'person',
    applicant_name_masked: '张**',
    applicant_name: '张建国',
    applicant_id_masked: '2203**********0012',
    applicant_id_digest: 'x'.repeat(64),
    applicant_phone_masked: '139****0001',
    received_at: now(),
    received_on: '2026-01-01',
    accepted_at: now(),
    clock_start: '2026-01-01',
    deemed_accepted: 0,
    promised_due: '2026-01-15',
    legal_due: '2026-01-29',
    limit_days: 10,
    used_days: 0,
    remaining_days: 10,
    paused: 0,
    paused_days: 0,
    extension_days: 0,
    warning_level: 'green',
    lost_step: null,
    clock_on: '2026-01-01',
    decision: null,
    concluded_at: null,
    delivered_at: null,
    closed_at: null,
    version: 1,
    last_hash: 'h',
    state: stateJson,
    created_at: now(),
    updated_at: now(),
  });
  const names = Object.keys(columns('x', 0));
  const insertCase = db.prepare(
    `insert into cases (${names.join(',')}) values (${names.map((n) => `@${n}`).join(',')})`,
  );
  const updateCase = db.prepare(
    'update cases set status = ?, state = ?, version = version + 1, last_hash = ?, updated_at = ?, step_index = ?, warning_level = ? where id = ? and version = ?',
  );
  const insertAction = db.prepare(
    'insert into case_actions (case_id, seq, type, actor_id, actor_name, org_unit_id, at, payload, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?)',
  );
  const lastAudit = db.prepare('select seq, hash from audit_log order by seq desc limit 1');
  const insertAudit = db.prepare(
    'insert into audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, org_unit_id, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const insertNote = db.prepare(
    "insert into notifications (id, channel, recipient_masked, recipient_enc, template, body, status, related_type, related_id, created_at) values (?, 'sms', '139****0001', 'sm4:x', 'case.accepted', ?, 'queued', 'case', ?, ?)",
  );
  const insertJob = db.prepare(
    "insert into jobs (id, kind, payload, status, max_attempts, run_at, created_at, updated_at) values (?, 'notify.sms', ?, 'pending', 5, ?, ?, ?)",
  );
  const versions = new Map<string, { v: number; hash: string }>();
  const writeAction = db.transaction((caseId: string, type: string, n: number) => {
    const at = now();
    const cur = versions.get(caseId) ?? { v: 0, hash: '0'.repeat(64) };
    if (type === 'receive') insertCase.run(columns(caseId, n));
    else if (updateCase.run('in_process', stateJson, cur.hash, at, 1, 'green', caseId, cur.v).changes !== 1)
      throw new Error('stale');
    const payload = JSON.stringify({ opinion: '同意', type });
    const hash = sm3(
      [caseId, cur.v + 1, type, 'actor', '陈志强', 'org', at, payload, cur.hash].join('\u001f'),
    );
    insertAction.run(caseId, cur.v + 1, type, 'actor', '陈志强', 'org', at, payload, cur.hash, hash);
    versions.set(caseId, { v: cur.v + 1, hash });
    const last = lastAudit.get() as { seq: number; hash: string } | undefined;
    const row = [
      (last?.seq ?? 0) + 1,
      at,
      'actor',
      '陈志强',
      `case.${type}`,
      'case',
      caseId,
      'org',
      JSON.stringify({ seq: cur.v + 1 }),
      last?.hash ?? '0'.repeat(64),
    ];
    insertAudit.run(...row, sm3(row.join('\u001f')));
    if (type === 'accept' || type === 'conclude') {
      const id = crypto.randomUUID();
      insertNote.run(id, '【梨树县政务服务】您的办件已受理', caseId, at);
      insertJob.run(crypto.randomUUID(), JSON.stringify({ notificationId: id }), at, at, at);
    }
  });
  bare.post<{ Body: { caseId: string; types: string[]; n: number } }>('/bare', async (req) => {
    for (const t of req.body.types) writeAction(req.body.caseId, t, req.body.n);
    return { ok: true, version: versions.get(req.body.caseId)?.v };
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  let bareSerial = 0;
  const barePost = async (body: unknown) => {
    const t = performance.now();
    const res = await fetch(`${bareUrl}/bare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.json();
    latencies.push(performance.now() - t);
  };
  const bareLifecycle = async () => {
    const n = ++bareSerial;
    const caseId = crypto.randomUUID();
    await barePost({ caseId, n, types: ['receive', 'accept'] });
    for (const t of ['pass', 'pass', 'decide', 'conclude', 'deliver'])
      await barePost({ caseId, n, types: [t] });
  };

  // Agreement: one lifecycle each writes the same kinds of rows.
  await lifecycle();
  await bareLifecycle();
  const count = (d: BetterSqlite3.Database, table: string) =>
    (d.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const ours = new BetterSqlite3(path.join(dataDir, 'onewindow.sqlite'), { readonly: true });
  if (
    count(ours, 'case_actions') !== ACTIONS_PER_LIFECYCLE ||
    count(db, 'case_actions') !== ACTIONS_PER_LIFECYCLE
  ) {
    throw new Error(`disagreement: ${count(ours, 'case_actions')} vs ${count(db, 'case_actions')} actions`);
  }
  if (count(ours, 'notifications') !== count(db, 'notifications'))
    throw new Error('disagreement on outbox rows');
  ours.close();

  /** Lifecycles per second with CLIENTS concurrent clients for `ms`, and the request latencies. */
  const round = async (one: () => Promise<void>, ms: number) => {
    latencies.length = 0;
    let done = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() - start < ms) {
          await one();
          done++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    return {
      actionsPerSecond: (done * ACTIONS_PER_LIFECYCLE) / seconds,
      p99: quantile(latencies, 0.99),
      p50: median(latencies),
    };
  };
  await round(lifecycle, 1500);
  await round(bareLifecycle, 1500);
  const oursRounds: { actionsPerSecond: number; p99: number; p50: number }[] = [];
  const baseRounds: { actionsPerSecond: number; p99: number; p50: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    oursRounds.push(await round(lifecycle, ROUND_MS));
    baseRounds.push(await round(bareLifecycle, ROUND_MS));
    console.log(
      `round ${i + 1}: ours ${round3(oursRounds[i]?.actionsPerSecond ?? 0)} actions/s (p99 ${round3(oursRounds[i]?.p99 ?? 0)} ms), bare ${round3(baseRounds[i]?.actionsPerSecond ?? 0)} actions/s (p99 ${round3(baseRounds[i]?.p99 ?? 0)} ms)`,
    );
  }
  const value = median(oursRounds.map((r) => r.actionsPerSecond));
  const baseline = median(baseRounds.map((r) => r.actionsPerSecond));
  report({
    bench: 'case-lifecycle',
    value: round3(value),
    unit: 'ops/s',
    baseline: round3(baseline),
    ratio: round3(value / baseline),
    p99Ms: round3(median(oursRounds.map((r) => r.p99))),
    p50Ms: round3(median(oursRounds.map((r) => r.p50))),
    baselineP99Ms: round3(median(baseRounds.map((r) => r.p99))),
    clients: CLIENTS,
    actionsPerLifecycle: ACTIONS_PER_LIFECYCLE,
    rounds: ROUNDS,
  });
  db.close();
} finally {
  await bare.close();
  await app.close();
  await platform.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
