/**
 * One item being read from the exchange workbook: its draft document, where each value came from
 * (sheet, row, column) so a schema fault can be shown at its cell, and the faults found so far.
 */
import { type CellValue, readCell, setPath } from './sheet-cells.ts';
import type { Column } from './sheet-columns.ts';

/** A data row of a sheet: its Excel row number and its cells by header. */
export interface SheetRow {
  row: number;
  cells: ReadonlyMap<string, CellValue>;
}
/** The data rows of each sheet present in the file. */
export type SheetsData = ReadonlyMap<string, readonly SheetRow[]>;

/** One fault: sheet, Excel row, column header, message. */
export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** A cell's address: sheet, Excel row, column header. */
export type Cell = Omit<RowError, 'message'>;

/** A value read from the workbook and the cell it came from. */
export interface CellSource {
  value: CellValue;
  cell: Cell;
}

/** Collects one item's draft, where each of its values came from, and its faults. */
export class ItemDraft {
  readonly draft: Record<string, unknown> = {};
  readonly origins = new Map<string, Cell>();
  readonly bad = new Set<string>();
  readonly errors: RowError[] = [];

  fail(cell: Cell, message: string, path?: string): void {
    this.errors.push({ ...cell, message });
    if (path) this.bad.add(path);
  }

  /**
   * Reads a cell's value into `target` at the column's path (its document path is `docPath`),
   * remembering the cell as its origin.
   */
  read(
    column: Column,
    { value, cell }: CellSource,
    { target, docPath }: { target: Record<string, unknown>; docPath: string },
  ): void {
    this.origins.set(docPath, cell);
    const result = readCell(column, value);
    if (result.ok) setPath(target, column.path, result.value);
    else this.fail(cell, result.message, docPath);
  }

  /** Where a schema issue's path points: the longest recorded prefix, else the item's name cell. */
  locate(path: string, fallback: Cell): Cell {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const found = this.origins.get(parts.slice(0, n).join('.'));
      if (found) return found;
    }
    return fallback;
  }

  isBad(path: string): boolean {
    for (const b of this.bad) if (path === b || path.startsWith(`${b}.`)) return true;
    return false;
  }
}

/** Gives records without an id the next free `${prefix}${n}`. */
export function withIds<T extends { id: string }>(records: T[], prefix: string): T[] {
  const used = new Set(records.map((r) => r.id).filter(Boolean));
  let n = 0;
  return records.map((r) => {
    if (r.id) return r;
    do n++;
    while (used.has(`${prefix}${n}`));
    used.add(`${prefix}${n}`);
    return { ...r, id: `${prefix}${n}` };
  });
}

/** Drops repeated faults (one cell, one message). */
export function dedupe(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.sheet}|${e.row}|${e.column}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
