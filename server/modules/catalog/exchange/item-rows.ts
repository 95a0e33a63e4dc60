/**
 * Item documents → rows of the exchange workbook (the export direction). Pure: the same document
 * always gives the same rows, and reading them back (item-from-rows.ts) gives the same document.
 */
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { ITEM_TYPE_EXTERNAL_CODE, ITEM_TYPES } from '../../../../contracts/catalog-codes.ts';
import { getPath, writeCell } from './sheet-cells.ts';
import {
  type Column,
  FAQ_COLUMNS,
  FORM_FIELD_COLUMNS,
  ITEM_COLUMNS,
  KEY_HEADER,
  LIST_SEPARATOR,
  MATERIAL_COLUMNS,
  type SHEETS,
  SITUATION_COLUMNS,
} from './sheet-columns.ts';

export type OutCell = string | number | null;
/** Rows per data sheet, each row's cells in the sheet's column order. */
export type WorkbookRows = Record<Exclude<(typeof SHEETS)[keyof typeof SHEETS], '填写说明'>, OutCell[][]>;

/** Empty rows for every data sheet. */
export function emptyWorkbookRows(): WorkbookRows {
  return { 事项: [], 材料: [], 情形: [], 常见问题: [], 表单字段: [] };
}

/** A condition as one line of the 受理条件 cell: "c1：text", so situations can refer to it. */
export function conditionLine(c: { id: string; text: string }): string {
  return `${c.id}：${c.text.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

/** The cells of a row of `columns` from a record; `custom` columns come from `custom`. */
function rowOf(columns: readonly Column[], record: unknown, custom: (column: Column) => OutCell): OutCell[] {
  return columns.map((c) => (c.kind === 'custom' ? custom(c) : writeCell(c, getPath(record, c.path))));
}

/** Appends one item's rows to every sheet. `departmentName` fills 实施部门 (ids differ between installs). */
export function appendItemRows(rows: WorkbookRows, doc: CatalogItemDocument, departmentName: string): void {
  const key = doc.implementationCode;
  rows.事项.push(
    rowOf(ITEM_COLUMNS, doc, (c) => {
      if (c.header === '事项类型') return ITEM_TYPES[doc.type];
      if (c.header === '事项类型代码') return ITEM_TYPE_EXTERNAL_CODE[doc.type];
      if (c.header === '实施部门') return departmentName;
      if (c.header === '受理条件') return doc.conditions.map(conditionLine).join('\n');
      return null;
    }),
  );
  for (const m of doc.materials) rows.材料.push(rowOf(MATERIAL_COLUMNS, m, () => key));
  for (const s of doc.situations) {
    for (const a of s.answers) {
      const record = { ...s, answers: a };
      rows.情形.push(
        rowOf(SITUATION_COLUMNS, record, (c) => {
          if (c.header === KEY_HEADER) return key;
          const ids = c.path === 'answers.materialIds' ? a.materialIds : a.conditionIds;
          return ids.length ? ids.join(LIST_SEPARATOR) : null;
        }),
      );
    }
  }
  for (const f of doc.faq) rows.常见问题.push(rowOf(FAQ_COLUMNS, f, () => key));
  for (const f of doc.formFields) rows.表单字段.push(rowOf(FORM_FIELD_COLUMNS, f, () => key));
}
