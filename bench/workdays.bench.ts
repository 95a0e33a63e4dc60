/**
 * Deadline computations per second: addWorkdays(from, n) with random start dates in 2025–2026 and
 * n in 1..60, through the calendar module (built by getWorkCalendar from a freshly migrated SQLite
 * database) versus a bare day-by-day loop over the same table rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../server/migrations.ts';
import { getWorkCalendar } from '../server/platform/calendar/index.ts';
import { openDatabase } from '../server/platform/db/index.ts';
import { compare, latenciesNs, median, quantile, report, round3, seededRandom } from './lib.ts';

const INPUTS = 10_000;
const LAST_DATE = '2026-12-31';

const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-bench-'));
const database = openDatabase({ databaseUrl: null, dataDir });
try {
  await migrateToLatest(database);
  const calendar = await getWorkCalendar(database.db);

  // The baseline reads the same rows: a Set of holidays and a Set of make-up days.
  const rows = await database.db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  const off = new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date));
  const makeup = new Set(rows.filter((r) => r.kind === 'makeup').map((r) => r.date));
  const bareAddWorkdays = (from: string, n: number): string => {
    const d = new Date(`${from}T00:00:00Z`);
    for (let left = n; left > 0; ) {
      d.setUTCDate(d.getUTCDate() + 1);
      const iso = d.toISOString().slice(0, 10);
      if (iso > LAST_DATE) throw new Error('year not published');
      const weekday = d.getUTCDay();
      if (makeup.has(iso) || (!off.has(iso) && weekday !== 0 && weekday !== 6)) left--;
    }
    return d.toISOString().slice(0, 10);
  };

  // Deterministic inputs whose deadline stays inside the published years, checked to agree.
  const random = seededRandom(20260930);
  const froms: string[] = [];
  const ns: number[] = [];
  const start = Date.UTC(2025, 0, 1);
  while (froms.length < INPUTS) {
    const from = new Date(start + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
    const n = 1 + Math.floor(random() * 60);
    let expected: string;
    try {
      expected = bareAddWorkdays(from, n);
    } catch {
      continue;
    }
    const got = calendar.addWorkdays(from, n);
    if (got !== expected)
      throw new Error(`disagreement: ${from} + ${n}: module ${got}, bare loop ${expected}`);
    froms.push(from);
    ns.push(n);
  }

  let cursor = 0;
  let sink = 0;
  const withModule = (ops: number) => {
    for (let i = 0; i < ops; i++, cursor = (cursor + 1) % INPUTS) {
      sink += calendar.addWorkdays(froms[cursor] ?? '', ns[cursor] ?? 0).charCodeAt(9);
    }
  };
  const withBareLoop = (ops: number) => {
    for (let i = 0; i < ops; i++, cursor = (cursor + 1) % INPUTS) {
      sink += bareAddWorkdays(froms[cursor] ?? '', ns[cursor] ?? 0).charCodeAt(9);
    }
  };
  // What a use case pays per call: the version-stamp query on calendar_years, then the arithmetic.
  const withFreshnessCheck = async (ops: number) => {
    for (let i = 0; i < ops; i++, cursor = (cursor + 1) % INPUTS) {
      const current = await getWorkCalendar(database.db);
      sink += current.addWorkdays(froms[cursor] ?? '', ns[cursor] ?? 0).charCodeAt(9);
    }
  };

  const rounds = 7;
  const result = await compare(withModule, withBareLoop, { rounds, roundMs: 500, batch: 1000 });
  const oursLatency = await latenciesNs(withModule, 20_000);
  const bareLatency = await latenciesNs(withBareLoop, 20_000);
  const fresh = await compare(withFreshnessCheck, withBareLoop, { rounds: 3, roundMs: 300, batch: 100 });

  console.log(`inputs: ${INPUTS} (from in 2025–2026, n in 1..60), rounds: ${rounds}`);
  console.log(`module ops/s by round:    ${result.oursRounds.map(Math.round).join(' ')}`);
  console.log(`bare loop ops/s by round: ${result.baselineRounds.map(Math.round).join(' ')}`);
  console.log(`module with per-call freshness check: ${Math.round(fresh.ours)} ops/s (sink ${sink % 10})`);
  report({
    bench: 'workdays',
    value: round3(result.ours),
    unit: 'ops/s',
    baseline: round3(result.baseline),
    ratio: round3(result.ours / result.baseline),
    rounds,
    p50_ns: round3(median(oursLatency)),
    p99_ns: round3(quantile(oursLatency, 0.99)),
    baseline_p50_ns: round3(median(bareLatency)),
    baseline_p99_ns: round3(quantile(bareLatency, 0.99)),
    with_freshness_check_ops_s: round3(fresh.ours),
  });
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
