import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';

/**
 * Seeds the working-day calendar with the years the State Council has published (2025 and 2026),
 * copied from the `chinese-days` package, and adds `calendar_years.version`: a random token that
 * changes with every edit of a year, so each process can tell cheaply whether its cached calendar
 * is still current. Self-contained on purpose: a migration must not change once it has landed.
 */
export const SEEDED_YEARS = [2025, 2026] as const;

/** chinese-days entries read "English name,中文名,id"; keys are YYYY-MM-DD. */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

/** The names of the 国办 notices (《全国年节及纪念日放假办法》), where chinese-days abbreviates. */
const OFFICIAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export interface SeedDayRow {
  date: string;
  year: number;
  workday: number;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup';
  name: string | null;
}

function readChineseDays(): ChineseDaysData {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));
}

function chineseName(entry: string): string {
  const name = entry.split(',')[1]?.trim() ?? '';
  return OFFICIAL_NAMES[name] ?? name;
}

/** Every day of a year from the chinese-days tables: holidays off, 调休 days on, weekends off. */
export function chineseDaysYear(year: number, data: ChineseDaysData = readChineseDays()): SeedDayRow[] {
  const rows: SeedDayRow[] = [];
  const day = new Date(Date.UTC(year, 0, 1));
  while (day.getUTCFullYear() === year) {
    const date = day.toISOString().slice(0, 10);
    const holiday = data.holidays[date];
    const makeup = data.workdays[date];
    const weekday = day.getUTCDay();
    if (holiday) rows.push({ date, year, workday: 0, kind: 'holiday', name: chineseName(holiday) });
    else if (makeup) rows.push({ date, year, workday: 1, kind: 'makeup', name: chineseName(makeup) });
    else if (weekday === 0 || weekday === 6)
      rows.push({ date, year, workday: 0, kind: 'weekend', name: null });
    else rows.push({ date, year, workday: 1, kind: 'workday', name: null });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return rows;
}

const BATCH = 200;

export const calendarSeedMigration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Migration contract types the schema-less db as Kysely<any>.
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('calendar_years').addColumn('version', 'text').execute();
    const data = readChineseDays();
    const now = new Date().toISOString();
    for (const year of SEEDED_YEARS) {
      await db
        .insertInto('calendar_years')
        .values({
          year,
          source: 'chinese-days',
          published_at: now,
          published_by: null,
          version: randomUUID(),
        })
        .execute();
      const rows = chineseDaysYear(year, data);
      for (let i = 0; i < rows.length; i += BATCH) {
        await db
          .insertInto('calendar_days')
          .values(rows.slice(i, i + BATCH))
          .execute();
      }
    }
  },
};
