/**
 * Cells of the import/export workbook ⇄ document values, by the column's kind. Reading is lenient
 * where a person typing in Excel would be (是/否/1/0, a code or its label, 、 or ; between values);
 * a cell it cannot read gets a message naming the column. Range and content rules are the item
 * schema's business, not this file's.
 */
import type { Column } from './sheet-columns.ts';
import { LIST_SEPARATOR } from './sheet-columns.ts';

/** A cell's value as the import sees it, after formulas, rich text and links are resolved. */
export type CellValue = string | number | boolean | null;

/** A read cell: the value for the document, or why it cannot be read. */
export type ReadResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Normalises an exceljs cell value (rich text, formula results, hyperlinks, dates) to a plain value. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainValue(v.result);
    if ('text' in v) return plainValue(v.text);
    if (v.error) return String(v.error);
  }
  return String(value);
}

/** A cell as text: '' for an empty cell, numbers as written. */
export function textOf(value: CellValue): string {
  if (value === null) return '';
  return String(value).trim();
}

/** Splits a multi-valued cell on 、 ， , ； ; and line breaks. */
export function splitList(value: CellValue): string[] {
  return textOf(value)
    .split(/[、，,；;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const TRUE_WORDS = new Set(['是', '1', 'y', 'yes', 'true', '√', '✓', '有']);
const FALSE_WORDS = new Set(['否', '0', 'n', 'no', 'false', '×', '✗', '无', '']);

/** Maps a typed code, its label, an alias, or "code label" to the code; null when nothing matches. */
export function lookupCode(column: Column, raw: string): string | null {
  const codes = column.codes ?? {};
  const entries = Object.entries(codes);
  const exact =
    entries.find(([c]) => c === raw) ?? entries.find(([c]) => c.toUpperCase() === raw.toUpperCase());
  if (exact) return exact[0];
  const byLabel = entries.find(([, l]) => l === raw);
  if (byLabel) return byLabel[0];
  const alias = column.aliases?.[raw];
  if (alias) return alias;
  // "4 县级", "4=县级", "4-县级", "A（…）": a leading code followed by its label.
  const lead = /^([0-9A-Za-z_]+)\s*[\s=:：\-－（(]/.exec(raw);
  if (lead?.[1] && lead[1] in codes) return lead[1];
  return null;
}

/** The allowed values of a code column, as its message lists them. */
function allowed(column: Column): string {
  const entries = Object.entries(column.codes ?? {});
  return entries.map(([c, l]) => (column.writeLabel ? l : c)).join('、');
}

/** A code typed into a General-format cell arrives as a number: 1 for 01. */
function codeText(column: Column, value: CellValue): string {
  if (typeof value !== 'number') return textOf(value);
  const width = Math.max(...Object.keys(column.codes ?? {}).map((c) => (/^\d+$/.test(c) ? c.length : 0)));
  return String(value).padStart(width, '0');
}

/** Reads one cell for its column. */
export function readCell(column: Column, value: CellValue): ReadResult {
  const h = column.header;
  switch (column.kind) {
    case 'text':
    case 'custom': {
      if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
        return {
          ok: false,
          message: `${h}是超长数字，Excel 已按数值保存并丢失了位数；请将该列设为“文本”格式后重新填写`,
        };
      }
      return { ok: true, value: textOf(value) };
    }
    case 'int':
    case 'intOrNull': {
      if (textOf(value) === '') return { ok: true, value: column.kind === 'int' ? undefined : null };
      if (typeof value === 'number') return { ok: true, value };
      const t = textOf(value);
      if (/^[+-]?\d+(\.\d+)?$/.test(t)) return { ok: true, value: Number(t) };
      return { ok: false, message: `${h}应为数字（“${t}”不是数字）` };
    }
    case 'flag': {
      if (typeof value === 'boolean') return { ok: true, value };
      const t = textOf(value).toLowerCase();
      if (TRUE_WORDS.has(t)) return { ok: true, value: true };
      if (FALSE_WORDS.has(t)) return { ok: true, value: false };
      return { ok: false, message: `${h}应填“是”或“否”（“${textOf(value)}”无法识别）` };
    }
    case 'code': {
      const t = codeText(column, value);
      if (t === '') return { ok: true, value: undefined };
      const code = lookupCode(column, t);
      if (code === null) return { ok: false, message: `${h}“${t}”无效：应为 ${allowed(column)} 之一` };
      return { ok: true, value: code };
    }
    case 'codes': {
      const parts = typeof value === 'number' ? [codeText(column, value)] : splitList(value);
      const codes: string[] = [];
      for (const p of parts) {
        const code = lookupCode(column, p);
        if (code === null) return { ok: false, message: `${h}“${p}”无效：应为 ${allowed(column)} 之一` };
        codes.push(code);
      }
      return { ok: true, value: codes };
    }
    case 'words':
      return { ok: true, value: splitList(value) };
    case 'file': {
      const t = textOf(value);
      return { ok: true, value: t ? { name: t, fileId: null } : null };
    }
  }
}

/** Writes one document value into a cell for its column ('' and empty lists leave the cell empty). */
export function writeCell(column: Column, value: unknown): string | number | null {
  switch (column.kind) {
    case 'int':
    case 'intOrNull':
      return typeof value === 'number' ? value : null;
    case 'flag':
      return value ? '是' : '否';
    case 'code': {
      if (typeof value !== 'string') return null;
      return column.writeLabel ? (column.codes?.[value] ?? value) : value;
    }
    case 'codes':
    case 'words': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      const shown =
        column.kind === 'codes' && column.writeLabel ? list.map((c) => column.codes?.[c] ?? c) : list;
      return shown.length ? shown.join(LIST_SEPARATOR) : null;
    }
    case 'file':
      return value && typeof value === 'object' && 'name' in value ? String(value.name) : null;
    default:
      return typeof value === 'string' && value !== '' ? value : null;
  }
}

/** Reads a dot path of a nested record. */
export function getPath(record: unknown, path: string): unknown {
  let cur: unknown = record;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Sets a dot path of a nested record, creating the objects on the way. */
export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = record;
  for (const key of keys.slice(0, -1)) {
    const next = cur[key];
    if (next === null || typeof next !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] as string] = value;
}
