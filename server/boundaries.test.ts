import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/*
 * The boundaries of .dependency-cruiser.cjs (run by `npm run check`), proved on a small made-up house:
 * a clean one that uses every allowed way across a boundary, and the same house with one deliberate
 * violation of each rule. The real config file is loaded, so weakening or dropping a rule fails here.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const TOP_FOLDERS = ['server', 'contracts', 'web', 'demo', 'bench', 'e2e'];

/** A house that keeps every rule, using each allowed crossing at least once. */
const CLEAN: Record<string, string> = {
  'contracts/thing.ts': `import { z } from 'zod';
export const Thing = z.object({ id: z.string() });
export type Thing = z.infer<typeof Thing>;
`,
  'server/platform/errors.ts': `import type { Thing } from '../../contracts/thing.ts';
export class AppError extends Error { thing?: Thing; }
`,
  'server/platform/calendar/dates.ts': `import { AppError } from '../errors.ts';
export function day(s: string): string { if (!s) throw new AppError(); return s; }
`,
  'server/platform/db.ts': `import { readFileSync } from 'node:fs';
import { Kysely } from 'kysely';
export type Db = Kysely<Record<string, never>>;
export const read = () => readFileSync('x');
export { Kysely };
`,
  'server/modules/alpha/domain/helper.ts': `export const twice = (n: number) => n * 2;
`,
  'server/modules/alpha/domain/rules.ts': `import { z } from 'zod';
import { Thing } from '../../../../contracts/thing.ts';
import { day } from '../../../platform/calendar/dates.ts';
import { AppError } from '../../../platform/errors.ts';
import { twice } from './helper.ts';
export const Rule = z.object({ thing: Thing, n: z.number() });
export const check = (n: number, d: string) => { if (n < 0) throw new AppError(); return [twice(n), day(d)]; };
`,
  'server/modules/alpha/store.ts': `import type { Db } from '../../platform/db.ts';
import { check } from './domain/rules.ts';
export const save = (db: Db, n: number) => [db, check(n, '2026-01-01')];
`,
  'server/modules/alpha/index.ts': `export { save } from './store.ts';
`,
  'server/modules/alpha/testing/index.ts': `import { save } from '../store.ts';
export const seedAlpha = save;
`,
  'server/modules/beta/use-alpha.ts': `import { save } from '../alpha/index.ts';
export const useAlpha = save;
`,
  'server/modules/beta/index.ts': `export { useAlpha } from './use-alpha.ts';
`,
  'server/modules/beta/beta.test.ts': `import { seedAlpha } from '../alpha/testing/index.ts';
import { harness } from '../../testing/harness.ts';
import { useAlpha } from './use-alpha.ts';
export const t = [seedAlpha, harness, useAlpha];
`,
  'server/modules/index.ts': `import { save } from './alpha/index.ts';
import { useAlpha } from './beta/index.ts';
export const MODULES = [save, useAlpha];
`,
  'server/app.ts': `import { read } from './platform/db.ts';
import { MODULES } from './modules/index.ts';
export const app = [read, MODULES];
`,
  'server/testing/harness.ts': `import { app } from '../app.ts';
export const harness = app;
`,
  'server/platform/app.test.ts': `import { app } from '../app.ts';
import { save } from '../modules/alpha/index.ts';
import { seedAlpha } from '../modules/alpha/testing/index.ts';
import { harness } from '../testing/harness.ts';
export const t = [app, save, seedAlpha, harness];
`,
  'web/main.tsx': `import type { Thing } from '../contracts/thing.ts';
export const show = (t: Thing) => t.id;
`,
  'demo/seed.ts': `import { app } from '../server/app.ts';
import { seedAlpha } from '../server/modules/alpha/testing/index.ts';
export const seed = [app, seedAlpha];
`,
  'bench/run.ts': `import { save } from '../server/modules/alpha/index.ts';
export const b = save;
`,
  'e2e/page.test.ts': `import { seedAlpha } from '../server/modules/alpha/testing/index.ts';
import { harness } from '../server/testing/harness.ts';
export const t = [seedAlpha, harness];
`,
};

/** One deliberate violation per rule (some rules more than one way), as [rule, from, to]. */
const VIOLATIONS: { files: Record<string, string>; expected: [string, string, string][] } = {
  files: {
    'server/platform/jobs.ts': `import { save } from '../modules/alpha/index.ts';
export const j = save;
`,
    'server/platform/boot.ts': `import { app } from '../app.ts';
export const b = app;
`,
    'server/modules/beta/peek.ts': `import { save } from '../alpha/store.ts';
export const p = save;
`,
    'demo/peek.ts': `import { save } from '../server/modules/alpha/store.ts';
export const p = save;
`,
    'server/platform/peek.test.ts': `import { save } from '../modules/alpha/store.ts';
export const p = save;
`,
    'server/modules/beta/seed-on-start.ts': `import { seedAlpha } from '../alpha/testing/index.ts';
export const s = seedAlpha;
`,
    'server/cli.ts': `import { harness } from './testing/harness.ts';
export const c = harness;
`,
    'server/modules/alpha/domain/load.ts': `import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db.ts';
export const load = (db: Db, k: Kysely<Record<string, never>>) => [db, k, readFileSync('x')];
`,
    'contracts/leak.ts': `import type { AppError } from '../server/platform/errors.ts';
export type Leak = AppError;
`,
    'web/api.ts': `import type { AppError } from '../server/platform/errors.ts';
export type Failure = AppError;
`,
    'web/ui/menu.ts': `import type { Page } from './page.ts';
export const MENU: Page[] = [];
`,
    'web/ui/page.ts': `import { MENU } from './menu.ts';
export type Page = { name: string };
export const pages = MENU;
`,
    'server/platform/typo.ts': `import { nothing } from './nowhere.ts';
export const t = nothing;
`,
  },
  expected: [
    ['platform-not-to-modules', 'server/platform/jobs.ts', 'server/modules/alpha/index.ts'],
    ['platform-not-to-modules', 'server/platform/boot.ts', 'server/app.ts'],
    ['module-to-module-via-index', 'server/modules/beta/peek.ts', 'server/modules/alpha/store.ts'],
    ['outside-to-module-via-entries', 'demo/peek.ts', 'server/modules/alpha/store.ts'],
    ['outside-to-module-via-entries', 'server/platform/peek.test.ts', 'server/modules/alpha/store.ts'],
    [
      'runtime-not-to-test-helpers',
      'server/modules/beta/seed-on-start.ts',
      'server/modules/alpha/testing/index.ts',
    ],
    ['runtime-not-to-test-helpers', 'server/cli.ts', 'server/testing/harness.ts'],
    ['domain-purity', 'server/modules/alpha/domain/load.ts', 'fs'],
    ['domain-purity', 'server/modules/alpha/domain/load.ts', 'node_modules/kysely'],
    ['domain-purity', 'server/modules/alpha/domain/load.ts', 'server/platform/db.ts'],
    ['contracts-isolated', 'contracts/leak.ts', 'server/platform/errors.ts'],
    ['web-not-to-server', 'web/api.ts', 'server/platform/errors.ts'],
    // A cycle with a type-only leg is still a cycle (reported once, at the edge where it was found).
    ['no-circular', 'web/ui/menu.ts', 'web/ui/page.ts'],
    ['not-to-unresolvable', 'server/platform/typo.ts', './nowhere.ts'],
  ],
};

const scratch = mkdtempSync(path.join(tmpdir(), 'ow-boundaries-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a made-up house into a fresh folder with the repository's tsconfig and packages. */
function writeHouse(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  for (const top of TOP_FOLDERS) mkdirSync(path.join(dir, top), { recursive: true });
  copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Cruises a made-up house with the real configuration, as `npm run check:boundaries` does. */
async function cruiseHouse(dir: string): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfig = path.join(dir, 'tsconfig.json');
  const result = await cruise(
    TOP_FOLDERS,
    // The symlinked node_modules keeps its path, so packages read as node_modules/<name>/ as at home.
    { ...options, baseDir: dir, preserveSymlinks: true, tsConfig: { fileName: tsConfig } },
    {},
    { tsConfig: extractTSConfig(tsConfig) },
  );
  return (result.output as ICruiseResult).summary.violations;
}

/** Each violation as [rule, from, to], a package named by its folder (not by the file it resolves to). */
const triples = (violations: IViolation[]) =>
  violations
    .map((v) => [v.rule.name, v.from, v.to.replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, '$1')])
    .sort((a, b) => a.join().localeCompare(b.join()));

test('a house that keeps the boundaries has no violation', async () => {
  const violations = await cruiseHouse(writeHouse('clean', CLEAN));
  assert.deepEqual(triples(violations), []);
});

test('each boundary rule reports its deliberate violation by name, and nothing else is reported', async () => {
  const violations = await cruiseHouse(writeHouse('dirty', { ...CLEAN, ...VIOLATIONS.files }));
  assert.deepEqual(
    triples(violations),
    triples(VIOLATIONS.expected.map(([name, from, to]) => ({ rule: { name, severity: 'error' }, from, to }))),
  );
  assert.ok(violations.every((v) => v.rule.severity === 'error'));
});

test('every rule in the configuration is proved by a violation above', async () => {
  const options = await extractDepcruiseOptions(CONFIG);
  const names = (options.ruleSet?.forbidden ?? []).map((r) => r.name).sort();
  assert.deepEqual(names, [...new Set(VIOLATIONS.expected.map(([name]) => name))].sort());
});

test('a domain file may not reach the network or the environment through globals (biome)', () => {
  const text = 'export const load = () => fetch(`http://x/` + process.env.X);\n';
  const dir = writeHouse('globals', {
    'server/modules/alpha/domain/fetcher.ts': text,
    'server/modules/alpha/fetcher.ts': text,
  });
  copyFileSync(path.join(ROOT, 'biome.json'), path.join(dir, 'biome.json'));
  const lint = (file: string) =>
    spawnSync(path.join(ROOT, 'node_modules/.bin/biome'), ['lint', file], { cwd: dir, encoding: 'utf8' });
  const domain = lint('server/modules/alpha/domain/fetcher.ts');
  const output = domain.stdout + domain.stderr;
  assert.notEqual(domain.status, 0, output);
  assert.match(output, /Do not use the global variable fetch/);
  assert.match(output, /Do not use the global variable process/);
  const outsideDomain = lint('server/modules/alpha/fetcher.ts');
  assert.equal(outsideDomain.status, 0, outsideDomain.stdout + outsideDomain.stderr);
});
