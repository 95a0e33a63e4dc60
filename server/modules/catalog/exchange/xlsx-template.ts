/**
 * Writes the exchange workbook: the empty template and the export share one layout. Each data
 * sheet has its header row (the GB/T 39046 field names, frozen, with a note of the allowed values),
 * text-formatted code columns (so 01 and 18-digit codes survive Excel), drop-down lists for code
 * columns, and a 填写说明 sheet describing every column.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { ITEM_TYPE_EXTERNAL_CODE } from '../../../../contracts/catalog-codes.ts';
import { IMPORT_MAX_BYTES, IMPORT_MODES } from '../../../../contracts/catalog-exchange.ts';
import { emptyWorkbookRows, type WorkbookRows } from './item-rows.ts';
import { type Column, DATA_SHEETS, LIST_SEPARATOR, SHEETS } from './sheet-columns.ts';

/** A hidden sheet listing the implementing departments, the source of 实施部门's drop-down. */
const LISTS_SHEET = '代码表';
/** Drop-down lists cover this many rows beyond the data, for rows a user adds. */
const SPARE_ROWS = 1000;

/** Range data validations: exceljs 4 supports them (ws.dataValidations) but does not declare them. */
type WithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** The column letter of a 1-based column number. */
function letter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The values of a column's drop-down list, or null when it has none. */
function listValues(c: Column): string[] | null {
  if (c.kind === 'flag') return ['是', '否'];
  if (c.header === '事项类型代码') return [...new Set(Object.values(ITEM_TYPE_EXTERNAL_CODE))].sort();
  if (c.kind === 'code' && c.codes)
    return Object.entries(c.codes).map(([code, label]) => (c.writeLabel ? label : code));
  return null;
}

/**
 * Adds one data sheet (its name and columns) with its header, formats, drop-downs and rows;
 * `departmentCount` sizes the 实施部门 drop-down.
 */
function addDataSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  { name, columns }: { name: string; columns: readonly Column[] },
  { rows, departmentCount }: { rows: readonly (string | number | null)[][]; departmentCount: number },
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    // Text format keeps leading zeros (01) and long digit strings (credit codes) as typed.
    style: c.kind === 'int' || c.kind === 'intOrNull' ? {} : { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.optional ? 'FFEFEFEF' : 'FFDDEBF7' },
    };
    if (c.note) cell.note = c.note;
  });
  header.commit();
  for (const r of rows) ws.addRow([...r]).commit();
  const last = rows.length + 1 + SPARE_ROWS;
  columns.forEach((c, i) => {
    const range = `${letter(i + 1)}2:${letter(i + 1)}${last}`;
    const values = listValues(c);
    if (values) {
      (ws as unknown as WithValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: c.note ?? `请从列表中选择${c.header}`,
      });
    } else if (c.header === '实施部门' && departmentCount > 0) {
      (ws as unknown as WithValidations).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${LISTS_SHEET}'!$A$2:$A$${departmentCount + 1}`],
        // A department code is accepted too, so a value off the list only warns.
        showErrorMessage: true,
        errorStyle: 'warning',
        error: '请填写本县机构名称或机构编码',
      });
    }
  });
  ws.commit();
}

/** The 填写说明 sheet: how to fill the workbook, then one line per column of every sheet. */
function addReadme(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(SHEETS.readme);
  ws.columns = [
    { header: '工作表', width: 12 },
    { header: '列名', width: 22 },
    { header: '是否必需', width: 10 },
    { header: '说明', width: 100, style: { alignment: { wrapText: true } } },
  ];
  ws.getRow(1).font = { bold: true };
  const general = [
    '“事项”表每行一个事项，列名为 GB/T 39046《政务服务平台基础数据规范》表4的数据项名称；其余工作表以“实施编码”关联到事项。',
    `多值单元格用“${LIST_SEPARATOR}”分隔；是/否列填“是”或“否”；代码列可填代码，也可从下拉列表选择。`,
    `导入时逐行校验，错误按“工作表、行号、列名”列出。${IMPORT_MODES['all-or-nothing']}（默认）：有任何错误则一个也不导入；${IMPORT_MODES['valid-only']}：导入无错的事项，其余列出原因。`,
    `导入的事项为草稿，须经审核发布；持有发布权限的事项管理员可选择直接发布。文件不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB。`,
  ];
  for (const g of general) ws.addRow(['', '', '', g]);
  for (const sheet of DATA_SHEETS) {
    for (const c of sheet.columns)
      ws.addRow([sheet.name, c.header, c.optional ? '可省略此列' : '必需', c.note ?? '']);
  }
  ws.commit();
}

/** Builds the workbook: the template when `rows` is empty, an export otherwise. */
export async function buildWorkbook(
  rows: WorkbookRows = emptyWorkbookRows(),
  departmentNames: readonly string[] = [],
): Promise<Buffer> {
  // The streaming writer with shared strings: a 1,782-item export takes a third of the in-memory writer's time.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  wb.creator = 'OneWindow';
  for (const sheet of DATA_SHEETS) {
    addDataSheet(wb, sheet, { rows: rows[sheet.name], departmentCount: departmentNames.length });
  }
  addReadme(wb);
  if (departmentNames.length) {
    const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    lists.addRow(['实施部门']);
    for (const n of departmentNames) lists.addRow([n]);
    lists.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
