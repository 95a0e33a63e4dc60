import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import { DirectSqliteAdapter, type Executor } from './index.ts';

/**
 * Queries built and compiled once, then run with new values. Kysely builds an operation tree and
 * compiles it to SQL on every call, which costs several times what SQLite takes to run a small
 * statement; a hot path (every case action, every audit row) pays it a dozen times per request.
 *
 * `prepared(build)` calls `build` once per dialect with stand-ins for the parameters, compiles it,
 * and remembers where each stand-in landed among the bound values. Later calls only swap the
 * values in. Rules, checked when the query is first built: every parameter value (a leaf of the
 * params object) must reach the SQL as exactly one bound value, so use it in `where`, `set`,
 * `values`… but not as a list for `in`, and do not branch on it. Params have the same shape on
 * every call (same keys); an undefined value is bound as null. Inside a SQLite transaction the
 * compiled statement is run directly (see DirectSqliteAdapter); elsewhere through Kysely.
 */

/** Stands in for a parameter while the query is built. */
class Slot {
  constructor(readonly path: readonly string[]) {}
}

/** Parameters: plain values (string, number, bigint, boolean, null), possibly grouped in records (a row). */
type Params = object;

interface Template {
  compiled: CompiledQuery;
  /** Per bound value: read it from the params, or a constant of the query. */
  readers: ((params: Params) => unknown)[];
}

function slotsOf(params: Params, path: readonly string[] = []): Params {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value))
      throw new Error(`prepared query: parameter ${[...path, key].join('.')} is a list`);
    out[key] =
      value !== null && typeof value === 'object'
        ? slotsOf(value as Params, [...path, key])
        : new Slot([...path, key]);
  }
  return out;
}

function reader(path: readonly string[]): (params: Params) => unknown {
  const [a, b] = path as [string, string | undefined];
  type Rec = Record<string, unknown>;
  // A row in a record is the usual case: two plain property reads, no loop.
  if (path.length === 1) return (params) => (params as Rec)[a] ?? null;
  if (path.length === 2 && b !== undefined) return (params) => ((params as Rec)[a] as Rec)[b] ?? null;
  return (params) => {
    let v: unknown = params;
    for (const key of path) v = (v as Rec)[key];
    return v ?? null;
  };
}

function countSlots(params: Params): number {
  let n = 0;
  for (const value of Object.values(params)) n += value instanceof Slot ? 1 : countSlots(value as object);
  return n;
}

/** A query built once per dialect and run with new parameter values (see the rules above). */
export function prepared<P extends Params, R>(
  build: (db: Executor, params: P) => Compilable<R>,
): (db: Executor, params: P) => Promise<QueryResult<R>> {
  // One template per dialect: SQLite and PostgreSQL number their placeholders differently.
  const templates = new Map<unknown, Template>();
  return async (db, params) => {
    const dialect = db.getExecutor().adapter.constructor;
    let template = templates.get(dialect);
    if (!template) {
      const slots = slotsOf(params);
      const compiled = build(db, slots as P).compile();
      const placed = new Set(compiled.parameters.filter((v) => v instanceof Slot));
      if (placed.size !== countSlots(slots)) {
        throw new Error(
          `prepared query: ${countSlots(slots)} parameters, ${placed.size} bound in ${compiled.sql}`,
        );
      }
      template = {
        compiled,
        readers: compiled.parameters.map((v) => (v instanceof Slot ? reader(v.path) : () => v)),
      };
      templates.set(dialect, template);
    }
    const { compiled, readers } = template;
    return runCompiled<R>(db, { ...compiled, parameters: readers.map((read) => read(params)) });
  };
}

/**
 * Runs a compiled query. Inside a SQLite transaction the connection is the transaction's until it
 * ends and better-sqlite3 runs a statement synchronously, so nothing can interleave: the statement
 * runs directly (DirectSqliteAdapter), without Kysely's executor; elsewhere through Kysely.
 */
export async function runCompiled<R>(db: Executor, query: CompiledQuery): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  if (db.isTransaction && adapter instanceof DirectSqliteAdapter) {
    const statement = adapter.statements.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    return { rows: [], numAffectedRows: BigInt(statement.run(parameters).changes) };
  }
  return db.executeQuery(query as CompiledQuery<R>);
}
