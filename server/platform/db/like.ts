import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * Escapes LIKE wildcards in what a user typed, so `%` and `_` mean themselves (the patterns below
 * say ESCAPE backslash, which SQLite and PostgreSQL both accept). A search for `%` finds the names
 * that hold a percent sign, not every row.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE pattern ESCAPE '\'`: the pattern already escaped where it holds user text. */
export function likeEscaped(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** `column` contains `term` literally (LIKE wildcards in `term` escaped). */
export function containsLiteral(column: string, term: string): RawBuilder<SqlBool> {
  return likeEscaped(column, `%${escapeLike(term)}%`);
}
