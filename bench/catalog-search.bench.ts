/**
 * Catalogue searches per second and per-search latency through the search module (searchItems:
 * FTS5 trigram for 3+ characters, LIKE for 1–2, stored pinyin and initials, ranked, one page of
 * 20 and the total) over the seeded demo catalogue (1,782 published items) on SQLite, against a
 * bare scan of the same names (and their pinyin) with String.includes in the same run.
 * Queries mix Chinese names, pinyin initials, full pinyin and two-character Chinese.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../demo/seed.ts';
import { openPlatform } from '../server/bootstrap.ts';
import { searchItems } from '../server/modules/catalog/index.ts';
import { catalogDb } from '../server/modules/catalog/testing/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { compare, latenciesNs, median, quantile, report, round3 } from './lib.ts';

// biome-ignore format: a table of queries reads better in rows
const QUERIES = [
  '营业执照', '食品经营许可', '户口迁移', '社会保障卡', '不动产', '建设工程规划', '道路运输', '残疾人证', '高龄津贴', '临时救助', '结婚登记', '居民身份证',
  'yyzz', 'spjyxk', 'hkqy', 'shbzk', 'bdcdj', 'jsgcgh', 'dlys', 'cjrz', 'gljt', 'lsjz', 'jmsfz', 'yingyezhizhao',
  '户口', '社保', '医保', '护照', '驾驶', '许可', '登记', '备案', '补贴', '食品', '税务', '公积',
];
const PAGE = 20;

const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-bench-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: '',
  DATA_DIR: dataDir,
  ONEWINDOW_ENCRYPTION_KEY: '0'.repeat(32),
});
const platform = await openPlatform(config);
try {
  const seedStart = performance.now();
  await seedDemo(platform);
  console.log(`demo seeded in ${Math.round(performance.now() - seedStart)} ms`);
  const { db, dialect } = platform;
  const ask = (q: string, pageSize = PAGE) =>
    searchItems(db, dialect, { search: { q, page: 1, pageSize }, audience: { kind: 'public' } });

  // The baseline scans the same published rows: name, full pinyin and initials, with includes.
  const rows = await catalogDb(db)
    .selectFrom('catalog_items')
    .select(['id', 'name', 'name_pinyin', 'name_initials'])
    .where('status', '=', 'published')
    .execute();
  const bare = (q: string) => {
    const lower = q.toLowerCase();
    const hits: string[] = [];
    for (const r of rows) {
      if (r.name.includes(q) || r.name_pinyin.includes(lower) || r.name_initials.includes(lower))
        hits.push(r.id);
    }
    return { ids: hits.slice(0, PAGE), total: hits.length };
  };

  // Agreement: every name or pinyin match of the scan is ranked above any other-field match by the module.
  for (const q of QUERIES) {
    const scan = bare(q);
    const ours = await ask(q, 5000);
    const top = new Set(ours.rows.slice(0, scan.total).map((r) => r.id));
    const missing = rows.filter((r) => scan.total > 0 && !top.has(r.id) && bare(q).ids.includes(r.id));
    if (
      scan.total === 0 ||
      ours.total < scan.total ||
      missing.length > 0 ||
      [...top].some((id) => !rows.some((r) => r.id === id))
    ) {
      throw new Error(`disagreement on ${q}: scan ${scan.total}, module ${ours.total}`);
    }
    const scanSet = new Set(
      rows
        .filter(
          (r) =>
            r.name.includes(q) ||
            r.name_pinyin.includes(q.toLowerCase()) ||
            r.name_initials.includes(q.toLowerCase()),
        )
        .map((r) => r.id),
    );
    for (const id of top)
      if (!scanSet.has(id)) throw new Error(`disagreement on ${q}: ${id} ranked as a name match`);
    console.log(
      `  ${q.padEnd(14)} name/pinyin matches ${String(scan.total).padStart(4)}, with other fields ${ours.total}`,
    );
  }

  let cursor = 0;
  let sink = 0;
  const withModule = async (ops: number) => {
    for (let i = 0; i < ops; i++, cursor = (cursor + 1) % QUERIES.length) {
      sink += (await ask(QUERIES[cursor] ?? '')).total;
    }
  };
  const withScan = (ops: number) => {
    for (let i = 0; i < ops; i++, cursor = (cursor + 1) % QUERIES.length)
      sink += bare(QUERIES[cursor] ?? '').total;
  };

  const rounds = 5;
  const result = await compare(withModule, withScan, { rounds, roundMs: 800, batch: QUERIES.length });
  const latencies = await latenciesNs(withModule, 3000);
  const p50Ms = median(latencies) / 1e6;
  const p99Ms = quantile(latencies, 0.99) / 1e6;
  console.log(
    `module: ${result.oursRounds.map(round3).join(', ')} searches/s; scan: ${result.baselineRounds.map(round3).join(', ')}`,
  );
  console.log(
    `latency p50 ${p50Ms.toFixed(3)} ms, p99 ${p99Ms.toFixed(3)} ms (target p99 < 5 ms); sink ${sink}`,
  );
  report({
    bench: 'catalog-search',
    value: round3(result.ours),
    unit: 'ops/s',
    p99Ms: round3(p99Ms),
    p50Ms: round3(p50Ms),
    baseline: round3(result.baseline),
    ratio: round3(result.ours / result.baseline),
    items: rows.length,
    queries: QUERIES.length,
    rounds,
  });
} finally {
  await platform.database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
