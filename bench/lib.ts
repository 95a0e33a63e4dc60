/**
 * Small helpers every benchmark uses: interleaved rounds of "ours" and "baseline", medians,
 * per-operation latency percentiles, and the one JSON line a benchmark ends with.
 */

/** The last line of every benchmark (extra fields such as p99 are welcome). */
export interface BenchResult {
  bench: string;
  value: number;
  unit: 'ops/s' | 'ms';
  baseline: number;
  ratio: number;
  [extra: string]: unknown;
}

/** True for an object of the BenchResult shape. */
export function isBenchResult(value: unknown): value is BenchResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.bench === 'string' &&
    typeof v.value === 'number' &&
    (v.unit === 'ops/s' || v.unit === 'ms') &&
    typeof v.baseline === 'number' &&
    typeof v.ratio === 'number'
  );
}

/** Median of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The q-quantile (0..1) of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run measures the same work. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Work to time: one call performs `ops` operations (sync, or async when it returns a promise). */
export type Work = (ops: number) => unknown;

/** Operations per second of one round: repeats `work` in batches until `ms` have passed. */
async function roundOpsPerSecond(work: Work, batch: number, ms: number): Promise<number> {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    const pending = work(batch);
    if (pending instanceof Promise) await pending;
    ops += batch;
    elapsed = performance.now() - start;
  }
  return (ops / elapsed) * 1000;
}

export interface Comparison {
  ours: number;
  baseline: number;
  oursRounds: number[];
  baselineRounds: number[];
}

/**
 * Ops/s of ours and of the baseline over several rounds, interleaved (ours, baseline, ours, …)
 * so that machine noise hits both alike; a warm-up round of each first lets the JIT settle.
 */
export async function compare(
  ours: Work,
  baseline: Work,
  options: { rounds?: number; roundMs?: number; batch?: number } = {},
): Promise<Comparison> {
  const { rounds = 7, roundMs = 500, batch = 1000 } = options;
  await roundOpsPerSecond(ours, batch, roundMs);
  await roundOpsPerSecond(baseline, batch, roundMs);
  const oursRounds: number[] = [];
  const baselineRounds: number[] = [];
  for (let i = 0; i < rounds; i++) {
    oursRounds.push(await roundOpsPerSecond(ours, batch, roundMs));
    baselineRounds.push(await roundOpsPerSecond(baseline, batch, roundMs));
  }
  return { ours: median(oursRounds), baseline: median(baselineRounds), oursRounds, baselineRounds };
}

/** Latency of single operations in nanoseconds (includes ~50 ns of timer overhead each). */
export async function latenciesNs(work: Work, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = process.hrtime.bigint();
    const pending = work(1);
    if (pending instanceof Promise) await pending;
    out.push(Number(process.hrtime.bigint() - t));
  }
  return out;
}

/** Rounds a figure to 3 significant digits for the report. */
export function round3(n: number): number {
  return Number(n.toPrecision(3));
}

/** Prints the result as the benchmark's last line. */
export function report(result: BenchResult): void {
  console.log(JSON.stringify(result));
}
