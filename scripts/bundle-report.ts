/**
 * What JavaScript each portal page makes a phone download, gzipped, read from the built files
 * (dist/web, `npm run build:web` first): the entry (index.html's script and everything it imports
 * statically), then each page as the entry + PortalApp + the page's chunk, each with its static
 * imports. `npm run report:bundle` prints a table and, last, one JSON line. Issue 11 asks that the
 * portal's entry stay under 250 KB gzipped and never load the console.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleReport {
  entryKb: number;
  pages: Record<string, { kb: number; chunks: number; loadsConsole: boolean }>;
}

const STATIC_IMPORT = /(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g;

/** A chunk and every chunk it imports statically (dynamic `import()` is loaded later, on demand). */
function closure(assets: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(assets, file), 'utf8');
  for (const m of text.matchAll(STATIC_IMPORT)) if (m[1]) closure(assets, m[1], seen);
  return seen;
}

const kbOf = (assets: string, files: Iterable<string>) =>
  Math.round(
    ([...files].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f))).length, 0) / 1024) * 10,
  ) / 10;

/** The report of a built web directory. */
export function bundleReport(webDir: string): BundleReport {
  const assets = path.join(webDir, 'assets');
  const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const entry = html.match(/<script[^>]+src="\/assets\/([\w.-]+\.js)"/)?.[1];
  if (!entry) throw new Error('index.html names no entry script');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const chunkOf = (name: string) => {
    const found = files.find((f) => f.startsWith(`${name}-`));
    if (!found) throw new Error(`no chunk for ${name} in ${assets}`);
    return found;
  };
  const base = closure(assets, entry);
  const portalChunk = chunkOf('PortalApp');
  const portal = closure(assets, portalChunk, new Set(base));
  // The front page is PortalApp itself; every other page is a chunk PortalApp loads on demand.
  const lazyPages = [...readFileSync(path.join(assets, portalChunk), 'utf8').matchAll(DYNAMIC_IMPORT)]
    .map((m) => m[1])
    .filter((f): f is string => f !== undefined);
  const pages: BundleReport['pages'] = {};
  for (const [page, all] of [
    ['front page', portal] as const,
    ...lazyPages.map((f) => [f.replace(/-[\w-]{8}\.js$/, ''), closure(assets, f, new Set(portal))] as const),
  ]) {
    pages[page] = {
      kb: kbOf(assets, all),
      chunks: all.size,
      loadsConsole: [...all].some((f) => f.startsWith('ConsoleApp-')),
    };
  }
  return { entryKb: kbOf(assets, base), pages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = bundleReport(path.resolve(import.meta.dirname, '../dist/web'));
  console.log(`entry (index.html's script and its static imports): ${report.entryKb} KB gzipped`);
  for (const [page, r] of Object.entries(report.pages)) {
    console.log(`${page.padEnd(14)} ${String(r.kb).padStart(7)} KB gzipped in ${r.chunks} chunks`);
  }
  console.log(JSON.stringify({ bench: 'portal-bundle', value: report.entryKb, unit: 'KB gzip', ...report }));
}
