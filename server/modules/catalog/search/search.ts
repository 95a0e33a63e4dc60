import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Audience, DepthSummary, ItemType } from '../../../../contracts/catalog.ts';
import { AUDIENCE_OBJECTS } from '../../../../contracts/catalog.ts';
import type { ItemStatus } from '../../../../contracts/catalog-api.ts';
import type { Dialect, Executor } from '../../../platform/db/index.ts';
import { escapeLike, likeEscaped } from '../../../platform/db/like.ts';
import { catalogDb } from '../store/store.ts';
import type { CatalogItemsTable, CatalogTables } from '../store/tables.ts';

/** What a search asks: a query and filters, as the portal and the console send them. */
export interface CatalogSearch {
  q?: string;
  department?: string;
  type?: ItemType;
  object?: Audience;
  topic?: string;
  depth?: DepthSummary;
  grassroots?: 'any' | 'township' | 'village';
  page: number;
  pageSize: number;
}

/**
 * Who searches: the public sees published items only; staff see every status, limited to the
 * departments in their scope (null = county-wide) plus whatever is published anyway.
 */
export type SearchAudience =
  | { kind: 'public' }
  | { kind: 'staff'; departmentIds: string[] | null; status?: ItemStatus; pendingReview?: boolean };

/** One search: what it asks and who asks it. */
export interface SearchItemsInput {
  search: CatalogSearch;
  audience: SearchAudience;
}

/** A matching row: the listed columns and the working version's status. */
export type SearchRow = Pick<
  CatalogItemsTable,
  (typeof COLUMNS)[number] extends `catalog_items.${infer C}` ? C & keyof CatalogItemsTable : never
> & {
  draft_status: string | null;
};

type Eb = ExpressionBuilder<CatalogTables, 'catalog_items'>;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ASCII_WORD = /^[a-z0-9]+$/i;

/**
 * `column` contains `term`, ignoring the case of Latin letters as SQLite's LIKE does. PostgreSQL's
 * LIKE is case-sensitive and ILIKE is several times slower on Chinese text, so there a term with
 * Latin letters is looked for as typed in lower and in upper case, and any other term with LIKE.
 */
function contains(dialect: Dialect, column: string, term: string) {
  const pattern = (t: string) => `%${escapeLike(t)}%`;
  if (dialect === 'sqlite' || !/[a-z]/i.test(term)) return likeEscaped(column, pattern(term));
  return sql<SqlBool>`(${likeEscaped(column, pattern(term.toLowerCase()))} or ${likeEscaped(column, pattern(term.toUpperCase()))})`;
}

/** An FTS5 phrase: quotes doubled inside, the whole term quoted (trigram substring match). */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * One query term as a condition. On SQLite a term of 3+ characters is one FTS5 trigram match over
 * name, other fields and name pinyin; on PostgreSQL it is LIKE, which pg_trgm GIN indexes can serve.
 * Shorter terms (户口, sb) have no trigram and scan with LIKE. Latin terms also match the codes and
 * the stored full pinyin and initials.
 */
function termCondition(dialect: Dialect, term: string) {
  if (dialect === 'sqlite' && [...term].length >= 3) {
    return sql<SqlBool>`catalog_items.id in (select item_id from catalog_search where catalog_search match ${ftsPhrase(term)})`;
  }
  const text = sql<SqlBool>`(${contains(dialect, 'catalog_items.name', term)} or ${contains(dialect, 'catalog_items.search_text', term)})`;
  if (!ASCII_WORD.test(term)) return text;
  // Codes are stored upper-case, pinyin and initials lower-case.
  const codes = likeEscaped('catalog_items.codes', `%${escapeLike(term.toUpperCase())}%`);
  const lower = `%${escapeLike(term.toLowerCase())}%`;
  const pinyin = sql<SqlBool>`(${likeEscaped('catalog_items.name_initials', lower)} or ${likeEscaped('catalog_items.name_pinyin', lower)})`;
  return sql<SqlBool>`(${text} or ${codes} or ${pinyin})`;
}

/** Position of `needle` in a column, 1-based, 0 when absent (instr on SQLite, strpos on PostgreSQL). */
function position(dialect: Dialect, column: string, needle: string) {
  return dialect === 'postgres'
    ? sql<number>`strpos(${sql.ref(column)}, ${needle})`
    : sql<number>`instr(${sql.ref(column)}, ${needle})`;
}

/**
 * Rank of a row for the whole query: exact name 0, name prefix 1, name substring 2, pinyin
 * (initials or full: exact 3, prefix 4, substring 5), anything else 6. One position lookup per
 * column instead of a LIKE per rank keeps the sort cheap.
 */
function rankExpression(dialect: Dialect, q: string) {
  const inName = position(dialect, 'catalog_items.name', q);
  const name = sql`case when catalog_items.name = ${q} then 0 else case ${inName} when 0 then`;
  const latin = ASCII_WORD.test(q) && !CJK.test(q);
  if (!latin) return sql<number>`${name} 6 when 1 then 1 else 2 end end`;
  const l = q.toLowerCase();
  const initials = position(dialect, 'catalog_items.name_initials', l);
  const full = position(dialect, 'catalog_items.name_pinyin', l);
  return sql<number>`${name} (case
      when catalog_items.name_initials = ${l} or catalog_items.name_pinyin = ${l} then 3
      when ${initials} = 1 or ${full} = 1 then 4
      when ${initials} > 1 or ${full} > 1 then 5
      else 6 end)
    when 1 then 1 else 2 end end`;
}

/** The filters of a search (its own and its audience's) as one condition. */
function filterConditions(eb: Eb, dialect: Dialect, input: SearchItemsInput) {
  const { search: s, audience: who } = input;
  const all = [];
  if (who.kind === 'public') all.push(eb('catalog_items.status', '=', 'published'));
  else {
    if (who.status) all.push(eb('catalog_items.status', '=', who.status));
    if (who.departmentIds) {
      all.push(
        eb.or([
          eb('catalog_items.published_version_id', 'is not', null),
          eb('catalog_items.department_id', 'in', who.departmentIds.length ? who.departmentIds : ['']),
        ]),
      );
    }
    if (who.pendingReview) {
      const inReview = eb.selectFrom('catalog_item_versions').select('id').where('status', '=', 'in_review');
      all.push(eb('catalog_items.draft_version_id', 'in', inReview));
    }
  }
  if (s.department) all.push(eb('catalog_items.department_id', '=', s.department));
  if (s.type) all.push(eb('catalog_items.type', '=', s.type));
  if (s.object) {
    all.push(
      eb.or(
        AUDIENCE_OBJECTS[s.object].map((code) => eb('catalog_items.service_objects', 'like', `%,${code},%`)),
      ),
    );
  }
  if (s.topic) all.push(eb('catalog_items.topics', 'like', `%|${s.topic}|%`));
  if (s.depth) all.push(eb('catalog_items.depth_summary', '=', s.depth));
  if (s.grassroots === 'any') all.push(eb('catalog_items.grassroots', '!=', 'none'));
  else if (s.grassroots) all.push(eb('catalog_items.grassroots', 'in', [s.grassroots, 'township_village']));
  for (const term of queryTerms(s.q)) all.push(termCondition(dialect, term));
  return eb.and(all);
}

/** The query's terms: whitespace-separated, each must match. */
export function queryTerms(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean);
}

/** The columns a search returns: what a result row and a console row show. */
const COLUMNS = [
  'catalog_items.id',
  'catalog_items.name',
  'catalog_items.implementation_code',
  'catalog_items.department_id',
  'catalog_items.department_name',
  'catalog_items.type',
  'catalog_items.depth_summary',
  'catalog_items.visits',
  'catalog_items.promised_value',
  'catalog_items.promised_unit',
  'catalog_items.comprehensive',
  'catalog_items.grassroots',
  'catalog_items.status',
  'catalog_items.published_version_id',
  'catalog_items.draft_version_id',
  'catalog_items.revision',
  'catalog_items.updated_at',
] as const;

/**
 * Searches the catalogue: matching rows of one page, ranked (exact name first, then prefix,
 * substring, pinyin, other fields; ties by shorter name, then pinyin, then id), and the total.
 * The ranking sorts ids only; the page's rows are read afterwards by id.
 */
export async function searchItems(
  db: Executor,
  dialect: Dialect,
  input: SearchItemsInput,
): Promise<{ rows: SearchRow[]; total: number }> {
  const s = input.search;
  const base = catalogDb(db)
    .selectFrom('catalog_items')
    .where((eb) => filterConditions(eb as Eb, dialect, input));
  const q = queryTerms(s.q).join(' ');
  let ranked = base.select('catalog_items.id');
  if (q) ranked = ranked.orderBy(rankExpression(dialect, q)).orderBy(sql`length(catalog_items.name)`);
  // All matching ids in rank order, in one scan: the total is their number and the page a slice.
  // A county catalogue has thousands of items, so the id list stays small; a separate count(*)
  // would scan the matches a second time (and a window count materialises every row).
  const ids = await ranked.orderBy('catalog_items.name_pinyin').orderBy('catalog_items.id').execute();
  const total = ids.length;
  const page = ids.slice((s.page - 1) * s.pageSize, s.page * s.pageSize);
  if (page.length === 0) return { rows: [], total };
  const rows = await catalogDb(db)
    .selectFrom('catalog_items')
    .leftJoin('catalog_item_versions as w', 'w.id', 'catalog_items.draft_version_id')
    .select(COLUMNS)
    .select('w.status as draft_status')
    .where(
      'catalog_items.id',
      'in',
      page.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: page.flatMap((r) => byId.get(r.id) ?? []), total };
}
