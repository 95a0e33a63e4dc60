/**
 * Whole case lifecycles through HTTP (a real socket, 50 concurrent clients in a worker thread of
 * their own, case-lifecycle-clients.ts, so that this thread only serves): intake with
 * acceptance → 承办 pass → 审核 pass → 批准 decide → conclude → deliver, as the demo clerk,
 * handler, reviewer, approver and delivery clerk, with session auth, CSRF, zod validation, the
 * policy, the per-case SM3 hash chain, the projection, the audit chain and the SMS outbox, on
 * embedded SQLite (WAL; no write answered before the WAL is on disk, see platform/db/README.md).
 * 7 actions per lifecycle (receive + accept at intake).
 *
 * Baseline, same run: a bare Fastify route (no auth, no validation, no domain) that writes the
 * same rows per action (action row with its hash, projection insert/update with a state JSON of
 * the same size, audit row chained to the last, outbox row + job where ours writes them, the
 * domain events (without dispatch jobs: nobody subscribes to case events yet)) in one
 * better-sqlite3 transaction, on its own SQLite file in WAL mode with synchronous=FULL (its fsync
 * inside each commit: the same guarantee, acknowledged = on disk), driven by the same
 * worker. Besides throughput and latency it reports the server thread's CPU per action.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { seedDemo } from '../demo/seed.ts';
import { buildApp } from '../server/app.ts';
import { openPlatform } from '../server/bootstrap.ts';
import { insertTestItem } from '../server/modules/cases/testing/index.ts';
import { findOrgUnitByCode } from '../server/modules/org/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { sm3 } from '../server/platform/crypto/sm3.ts';
import type { ClientSetup, RoundRequest, RoundResult } from './case-lifecycle-clients.ts';
import { median, report, round3 } from './lib.ts';

const CLIENTS = 50;
const ACTIONS_PER_LIFECYCLE = 7;
const ROUND_MS = Number(process.env.CASE_BENCH_ROUND_MS ?? 3000);
/**
 * The server's CPU per action keeps falling for several seconds under load (JIT tiers, the heap
 * growing to its working size, the WAL file growing to its checkpoint size): after a 1.5 s warm-up
 * the first rounds ran 20–30% slower than the later ones, so each side warms up for 5 s.
 */
const WARMUP_MS = Number(process.env.CASE_BENCH_WARMUP_MS ?? 5000);
const ROUNDS = Number(process.env.CASE_BENCH_ROUNDS ?? 5);
/**
 * CASE_BENCH_PROFILE=file.cpuprofile: profile this (the server's) thread during our rounds only,
 * one file per round (file-1.cpuprofile, …). CASE_BENCH_WARMUP_MS: the warm-up of each side.
 */
const PROFILE = process.env.CASE_BENCH_PROFILE;
const PASSWORD = 'Bench-Pass-2026';

/**
 * CPU time of this thread (the server's; the clients have their own), from Linux's per-thread
 * counters, in ms: what an action costs the server whatever else the machine is doing. NaN elsewhere.
 */
function serverThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields?.[11]) + Number(fields?.[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

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
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
let stopClients: () => Promise<unknown> = async () => undefined;
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

  // ---- baseline: the same rows per action, one transaction each, behind a bare route
  const db = new BetterSqlite3(path.join(baseDir, 'onewindow.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The projection's state JSON: set from a real case of ours before the baseline writes any.
  let stateJson = '{}';
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
  const insertEvent = db.prepare(
    'insert into domain_events (id, type, subject_id, subject_seq, payload, recorded_at) values (?, ?, ?, (select coalesce(max(subject_seq), 0) + 1 from domain_events where subject_id = ?), ?, ?) returning subject_seq',
  );
  /** The domain events ours records per action type (cases/events.ts): named ones and status changes. */
  const EVENTS: Record<string, string[]> = {
    receive: ['case.received'],
    accept: ['case.accepted', 'case.statusChanged'],
    decide: ['case.statusChanged'],
    conclude: ['case.concluded', 'case.statusChanged'],
    deliver: ['case.delivered', 'case.statusChanged'],
  };
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
    for (const eventType of EVENTS[type] ?? []) {
      const eventId = crypto.randomUUID();
      const eventPayload = JSON.stringify({
        caseId,
        caseNumber: '220322-2026-0000001',
        seq: cur.v + 1,
        at,
        status: type,
      });
      // The event only, no dispatch job: no part of the default house subscribes to case events (as ours).
      insertEvent.get(eventId, eventType, caseId, caseId, eventPayload, at);
    }
    if (type === 'accept' || type === 'conclude' || type === 'deliver') {
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

  // The clients run in a worker thread: this thread serves, the worker loads it.
  const setup: ClientSetup = { url, bareUrl, clients: CLIENTS, itemId, windowId: a01 ?? '', who };
  // A worker is a fresh isolate that tsx does not reach by itself: it loads the TypeScript file
  // through tsx's API.
  const clientsFile = new URL('./case-lifecycle-clients.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(clientsFile)}, ${JSON.stringify(import.meta.url)}))`;
  const clients = new Worker(boot, { eval: true, workerData: setup });
  stopClients = () => clients.terminate();
  type Figures = { actionsPerSecond: number; p50: number; p99: number; cpuMsPerAction: number };
  /** One round of the clients against a target: actions per second and request latencies. */
  const round = (target: RoundRequest['target'], ms: number) =>
    new Promise<Figures>((resolve, reject) => {
      const cpuBefore = serverThreadCpuMs();
      clients.once('message', (r: RoundResult) => {
        if (r.error) return reject(new Error(r.error));
        const actions = r.lifecycles * ACTIONS_PER_LIFECYCLE;
        resolve({
          actionsPerSecond: actions / r.seconds,
          p50: r.p50,
          p99: r.p99,
          cpuMsPerAction: (serverThreadCpuMs() - cpuBefore) / Math.max(1, actions),
        });
      });
      clients.postMessage({ target, ms } satisfies RoundRequest);
    });

  // Agreement: one lifecycle each writes the same kinds of rows.
  await round('ours', 0);
  const sample = await platform.db
    .withTables<{ cases: { state: string } }>()
    .selectFrom('cases')
    .select('state')
    .executeTakeFirstOrThrow();
  stateJson = sample.state;
  console.log(`a delivered case's state JSON: ${Buffer.byteLength(stateJson)} bytes`);
  await round('bare', 0);
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
  if (count(ours, 'domain_events') !== count(db, 'domain_events'))
    throw new Error(
      `disagreement on events: ${count(ours, 'domain_events')} vs ${count(db, 'domain_events')}`,
    );
  ours.close();

  const profiler = PROFILE ? new inspector.Session() : null;
  profiler?.connect();
  const profilerPost = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      profiler?.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  const samples: unknown[] = [];
  /** Runs a round under the CPU profiler when one was asked for. */
  const profiled = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!profiler) return run();
    await profilerPost('Profiler.enable');
    await profilerPost('Profiler.setSamplingInterval', { interval: 200 });
    await profilerPost('Profiler.start');
    const result = await run();
    samples.push(((await profilerPost('Profiler.stop')) as { profile: unknown }).profile);
    return result;
  };

  await round('ours', WARMUP_MS);
  await round('bare', WARMUP_MS);
  const oursRounds: Figures[] = [];
  const baseRounds: Figures[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const o = await profiled(() => round('ours', ROUND_MS));
    const b = await round('bare', ROUND_MS);
    oursRounds.push(o);
    baseRounds.push(b);
    console.log(
      `round ${i + 1}: ours ${round3(o.actionsPerSecond)} actions/s (p50 ${round3(o.p50)} ms, p99 ${round3(o.p99)} ms, server CPU ${round3(o.cpuMsPerAction)} ms/action), bare ${round3(b.actionsPerSecond)} actions/s (p50 ${round3(b.p50)} ms, p99 ${round3(b.p99)} ms, server CPU ${round3(b.cpuMsPerAction)} ms/action)`,
    );
  }
  if (PROFILE) {
    for (const [i, profile] of samples.entries()) {
      writeFileSync(PROFILE.replace('.cpuprofile', `-${i + 1}.cpuprofile`), JSON.stringify(profile));
    }
  }
  const value = median(oursRounds.map((r) => r.actionsPerSecond));
  const baseline = median(baseRounds.map((r) => r.actionsPerSecond));
  console.log(
    `load average before ${loadBefore}, after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  report({
    bench: 'case-lifecycle',
    value: round3(value),
    unit: 'ops/s',
    baseline: round3(baseline),
    ratio: round3(value / baseline),
    p99Ms: round3(median(oursRounds.map((r) => r.p99))),
    p50Ms: round3(median(oursRounds.map((r) => r.p50))),
    baselineP99Ms: round3(median(baseRounds.map((r) => r.p99))),
    cpuMsPerAction: round3(median(oursRounds.map((r) => r.cpuMsPerAction))),
    baselineCpuMsPerAction: round3(median(baseRounds.map((r) => r.cpuMsPerAction))),
    clients: CLIENTS,
    actionsPerLifecycle: ACTIONS_PER_LIFECYCLE,
    rounds: ROUNDS,
    loadAverage: round3(os.loadavg()[0] ?? 0),
  });
  db.close();
} finally {
  await stopClients();
  await bare.close();
  await app.close();
  await platform.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
