/**
 * `npm run bench` runs every bench/*.bench.ts, each in its own child process (no JIT state or
 * heap shared between benchmarks); `npm run bench -- <name>` runs bench/<name>.bench.ts only.
 * A benchmark's output passes through as it is; its last line must be its JSON result.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBenchResult } from './lib.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Every benchmark name, from its file bench/<name>.bench.ts. */
function allBenchmarks(): string[] {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
}

/** Runs one benchmark in a child process; resolves to an error text, or null when it reported. */
function runOne(name: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, path.join(benchDir, `${name}.bench.ts`)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4096);
    });
    child.on('close', (code) => {
      if (code !== 0) return resolve(`${name}: exited with ${code}`);
      const last = tail.trimEnd().split('\n').at(-1) ?? '';
      try {
        const result: unknown = JSON.parse(last);
        if (isBenchResult(result) && result.bench === name) return resolve(null);
      } catch {
        // falls through to the message below
      }
      resolve(`${name}: the last line is not {"bench":"${name}","value":N,"unit":…,"baseline":N,"ratio":N}`);
    });
  });
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : allBenchmarks();
const unknown = names.filter((n) => !existsSync(path.join(benchDir, `${n}.bench.ts`)));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; there are: ${allBenchmarks().join(', ')}`);
  process.exit(2);
}
const failures: string[] = [];
for (const name of names) {
  const failure = await runOne(name);
  if (failure) failures.push(failure);
}
if (failures.length > 0) {
  for (const f of failures) console.error(f);
  process.exit(1);
}
