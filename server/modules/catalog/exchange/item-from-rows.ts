/**
 * Rows of the exchange workbook → item documents (the import direction). Each item is assembled
 * from its 事项 row and the rows of the other sheets that carry its 实施编码, then validated by the
 * one item schema (parseItemDocument). Every fault, of a cell or of the schema, is reported at the
 * sheet, row and column it comes from. Pure: departments are resolved beforehand.
 */
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { ITEM_TYPE_EXTERNAL_CODE, ITEM_TYPES, type ItemType } from '../../../../contracts/catalog-codes.ts';
import { parseItemDocument } from '../domain/validate-item.ts';
import type { Department } from '../store/departments.ts';
import {
  type Cell,
  type CellSource,
  dedupe,
  ItemDraft,
  type RowError,
  type SheetRow,
  withIds,
} from './item-draft.ts';
import { type CellValue, splitList, textOf } from './sheet-cells.ts';
import {
  type Column,
  FAQ_COLUMNS,
  FORM_FIELD_COLUMNS,
  ITEM_COLUMNS,
  KEY_HEADER,
  MATERIAL_COLUMNS,
  SHEETS,
  SITUATION_COLUMNS,
} from './sheet-columns.ts';

export type { RowError, SheetRow, SheetsData } from './item-draft.ts';

/** An item of the file: its document when every check passed, else its faults. */
export interface ItemCandidate {
  row: number;
  name: string;
  implementationCode: string;
  department: Department | null;
  document: CatalogItemDocument | null;
  errors: RowError[];
}

const EXTERNAL_TYPE_CODES = [...new Set(Object.values(ITEM_TYPE_EXTERNAL_CODE))].sort();

/**
 * 事项类型代码 (`cells.code`, and the optional 事项类型 name `cells.label`) → the internal type;
 * 10 + 行政备案 is a filing.
 */
function readType(d: ItemDraft, cells: { code: CellValue; label: CellValue }, at: (h: string) => Cell): void {
  const { code: codeCell, label: labelCell } = cells;
  const rawCode = typeof codeCell === 'number' ? String(codeCell).padStart(2, '0') : textOf(codeCell);
  const label = textOf(labelCell);
  const byLabel = (Object.entries(ITEM_TYPES) as [ItemType, string][]).find(([, l]) => l === label)?.[0];
  d.origins.set('type', at('事项类型代码'));
  if (rawCode === '') {
    if (byLabel) d.draft.type = byLabel;
    else d.fail(at('事项类型代码'), '事项类型代码不能为空', 'type');
    return;
  }
  if (!EXTERNAL_TYPE_CODES.includes(rawCode)) {
    const hint = rawCode === '00' ? '（00 行政权力事项是大类，不是事项类型）' : '';
    d.fail(
      at('事项类型代码'),
      `事项类型代码“${rawCode}”无效${hint}：应为 ${EXTERNAL_TYPE_CODES.join('、')} 之一（行政备案填 10）`,
      'type',
    );
    return;
  }
  const type: ItemType = rawCode === '10' && byLabel === 'filing' ? 'filing' : (rawCode as ItemType);
  if (label && byLabel !== type && !(rawCode === '10' && label === '其他类别事项')) {
    d.fail(at('事项类型'), `事项类型“${label}”与事项类型代码 ${rawCode}（${ITEM_TYPES[type]}）不符`, 'type');
    return;
  }
  d.draft.type = type;
}

const CONDITION_LINE = /^([a-z0-9][a-z0-9_-]{0,39})\s*[：:]\s*(.+)$/;

/** 受理条件: one per line, "id：text" or plain text (numbered c1, c2… around the given ids). */
function readConditions(d: ItemDraft, value: CellValue): void {
  const lines = textOf(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const parsed = lines.map((l) => {
    const m = CONDITION_LINE.exec(l);
    return m ? { id: m[1] as string, text: (m[2] as string).trim() } : { id: '', text: l };
  });
  d.draft.conditions = withIds(parsed, 'c');
}

/**
 * Reads the rows of a child sheet (its name, its columns, the document path of its n-th record)
 * into records, recording where each field came from.
 */
function readChildRows(
  d: ItemDraft,
  rows: readonly SheetRow[],
  layout: { sheet: string; columns: readonly Column[]; docPrefix: (index: number) => string },
): Record<string, unknown>[] {
  const { sheet, columns, docPrefix } = layout;
  return rows.map((r, i) => {
    const record: Record<string, unknown> = {};
    const prefix = docPrefix(i);
    for (const c of columns) {
      if (c.kind === 'custom') continue;
      d.read(
        c,
        { value: r.cells.get(c.header) ?? null, cell: { sheet, row: r.row, column: c.header } },
        { target: record, docPath: `${prefix}.${c.path}` },
      );
    }
    return record;
  });
}

/**
 * Resolves 适用材料 / 适用受理条件 entries (ids or names) to ids of this item: of `known`, the
 * item's records of that kind, which `what` names in the fault.
 */
function refs(
  d: ItemDraft,
  { value, cell }: CellSource,
  { known, what }: { known: { id: string; name: string }[]; what: string },
): string[] {
  const ids: string[] = [];
  for (const entry of splitList(value)) {
    const hit = known.find((k) => k.id === entry) ?? known.find((k) => k.name === entry);
    if (hit) ids.push(hit.id);
    else d.fail(cell, `${cell.column}“${entry}”不是该事项的${what}（填写${what}编号或名称）`);
  }
  return ids;
}

/** 情形 rows → situations: rows with the same 情形编号 (or, without one, the same 问题) are one question. */
function readSituations(d: ItemDraft, rows: readonly SheetRow[]): void {
  const groups = new Map<string, SheetRow[]>();
  for (const r of rows) {
    const key = textOf(r.cells.get('情形编号') ?? null) || `问题:${textOf(r.cells.get('问题') ?? null)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const materials = (d.draft.materials ?? []) as { id: string; name: string }[];
  const conditions = ((d.draft.conditions ?? []) as { id: string; text: string }[]).map((c) => ({
    id: c.id,
    name: c.text,
  }));
  const at = (r: SheetRow, column: string): Cell => ({ sheet: SHEETS.situations, row: r.row, column });
  // The question's own columns are read from its first row; the answer's (path answers.*) from each row.
  const own = SITUATION_COLUMNS.filter((c) => c.kind !== 'custom' && !c.path.startsWith('answers.'));
  const perAnswer = SITUATION_COLUMNS.filter((c) => c.kind !== 'custom' && c.path.startsWith('answers.'));
  const situations = [...groups.values()].map((group, i) => {
    const first = group[0] as SheetRow;
    const situation: Record<string, unknown> = {};
    for (const c of own)
      d.read(
        c,
        { value: first.cells.get(c.header) ?? null, cell: at(first, c.header) },
        { target: situation, docPath: `situations.${i}.${c.path}` },
      );
    d.origins.set(`situations.${i}`, at(first, '问题'));
    d.origins.set(`situations.${i}.answers`, at(first, '答案'));
    const answers = group.map((r, j) => {
      const base = `situations.${i}.answers.${j}`;
      const holder: { answers: Record<string, unknown> } = { answers: {} };
      for (const c of perAnswer)
        d.read(
          c,
          { value: r.cells.get(c.header) ?? null, cell: at(r, c.header) },
          { target: holder, docPath: `situations.${i}.${c.path.replace('answers', `answers.${j}`)}` },
        );
      d.origins.set(base, at(r, '答案'));
      d.origins.set(`${base}.materialIds`, at(r, '适用材料'));
      d.origins.set(`${base}.conditionIds`, at(r, '适用受理条件'));
      const cell = (h: string) => r.cells.get(h) ?? null;
      holder.answers.materialIds = refs(
        d,
        { value: cell('适用材料'), cell: at(r, '适用材料') },
        { known: materials, what: '材料' },
      );
      holder.answers.conditionIds = refs(
        d,
        { value: cell('适用受理条件'), cell: at(r, '适用受理条件') },
        { known: conditions, what: '受理条件' },
      );
      return { ...holder.answers, id: String(holder.answers.id ?? '') };
    });
    return { ...situation, id: String(situation.id ?? ''), answers };
  });
  d.draft.situations = withIds(situations, 's').map((s) => ({
    ...s,
    answers: withIds(s.answers, `${s.id}-`),
  }));
}

/** Builds and validates one item from its 事项 row and the child rows keyed by its 实施编码. */
export function itemFromRows(
  itemRow: SheetRow,
  children: {
    materials: readonly SheetRow[];
    situations: readonly SheetRow[];
    faq: readonly SheetRow[];
    formFields: readonly SheetRow[];
  },
  departments: ReadonlyMap<string, Department>,
): ItemCandidate {
  const d = new ItemDraft();
  const sheet = SHEETS.items;
  const at = (h: string): Cell => ({ sheet, row: itemRow.row, column: h });
  const cell = (h: string) => itemRow.cells.get(h) ?? null;
  let department: Department | null = null;
  for (const c of ITEM_COLUMNS) {
    if (c.kind !== 'custom')
      d.read(c, { value: cell(c.header), cell: at(c.header) }, { target: d.draft, docPath: c.path });
  }
  readType(d, { code: cell('事项类型代码'), label: cell('事项类型') }, at);
  const deptText = textOf(cell('实施部门'));
  d.origins.set('departmentId', at('实施部门'));
  if (!deptText) d.fail(at('实施部门'), '实施部门不能为空', 'departmentId');
  else {
    department = departments.get(deptText) ?? null;
    if (department) d.draft.departmentId = department.id;
    else
      d.fail(
        at('实施部门'),
        `实施部门“${deptText}”不存在或不能实施事项（填写本县机构名称或机构编码）`,
        'departmentId',
      );
  }
  d.origins.set('conditions', at('受理条件'));
  readConditions(d, cell('受理条件'));

  const materials = readChildRows(d, children.materials, {
    sheet: SHEETS.materials,
    columns: MATERIAL_COLUMNS,
    docPrefix: (i) => `materials.${i}`,
  });
  children.materials.forEach((r, i) => {
    d.origins.set(`materials.${i}`, { sheet: SHEETS.materials, row: r.row, column: '材料名称' });
    if (i === 0) d.origins.set('materials', { sheet: SHEETS.materials, row: r.row, column: '材料编号' });
  });
  d.draft.materials = withIds(
    materials.map((m) => ({ ...m, id: (m.id as string) || '' })),
    'm',
  );
  readSituations(d, children.situations);
  d.draft.faq = readChildRows(d, children.faq, {
    sheet: SHEETS.faq,
    columns: FAQ_COLUMNS,
    docPrefix: (i) => `faq.${i}`,
  });
  d.draft.formFields = readChildRows(d, children.formFields, {
    sheet: SHEETS.formFields,
    columns: FORM_FIELD_COLUMNS,
    docPrefix: (i) => `formFields.${i}`,
  });

  const parsed = parseItemDocument(d.draft, '');
  if (!parsed.ok) {
    for (const f of parsed.fields) {
      if (d.isBad(f.path)) continue; // the cell's own message says it already
      d.errors.push({ ...d.locate(f.path, at('事项名称')), message: f.message.zh });
    }
  }
  const errors = dedupe(d.errors);
  return {
    row: itemRow.row,
    name: textOf(cell('事项名称')),
    implementationCode: textOf(cell(KEY_HEADER)).toUpperCase(),
    department,
    document: errors.length === 0 && parsed.ok ? parsed.document : null,
    errors,
  };
}
