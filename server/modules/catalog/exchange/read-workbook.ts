/**
 * Reads an uploaded exchange workbook into rows by header. File-level faults are refused here,
 * before any row is looked at: not an .xlsx (sniffed from the bytes, not the name), no 事项 sheet,
 * required columns missing (one error per sheet naming them all), too many rows.
 */
import ExcelJS from 'exceljs';
import { AppError, type Bilingual, say } from '../../../platform/errors.ts';
import type { RowError, SheetRow, SheetsData } from './item-from-rows.ts';
import { type CellValue, plainValue } from './sheet-cells.ts';
import { DATA_SHEETS, SHEETS } from './sheet-columns.ts';

/** Rows a sheet may hold: far above a county catalogue (≈2,000 items, ≈10,000 materials). */
export const MAX_SHEET_ROWS = 50_000;

/** What the first bytes say a file is, for the refusal message. */
function sniff(bytes: Buffer): 'xlsx' | Bilingual {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0)
    return say(
      '旧版 Excel 97-2003（.xls）或其他 OLE 文档',
      'An old Excel 97-2003 file (.xls) or another OLE document',
    );
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return say('PDF 文档', 'A PDF document');
  if (bytes.length === 0) return say('空文件', 'An empty file');
  return say('非 .xlsx 文件', 'Not an .xlsx file');
}

/** Uncompressed bytes a workbook may unpack to: a whole county catalogue is about 20 MB of XML. */
export const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;

/**
 * The sum of the entries' uncompressed sizes from the ZIP central directory, read before anything
 * is inflated, so a small file that unpacks to gigabytes (a ZIP bomb) is refused; null when the
 * directory cannot be read (the loader then says the file is damaged).
 */
function unpackedSize(zip: Buffer): number | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(p + 24);
    // ZIP64 marks sizes over 4 GB with 0xFFFFFFFF: far over any limit here.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return total;
}

/** A header as typed: whitespace and line breaks dropped, a trailing * (required mark) ignored. */
function headerText(value: CellValue): string {
  return String(value ?? '')
    .replace(/\s+/g, '')
    .replace(/[*＊]$/, '');
}

/** Loads the workbook, or refuses the file as not an .xlsx. */
async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const kind = sniff(bytes);
  if (kind !== 'xlsx') throw new AppError('CATALOG_IMPORT_NOT_XLSX', { detected: kind });
  const unpacked = unpackedSize(bytes);
  if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
    throw new AppError('CATALOG_IMPORT_FILE_TOO_LARGE', { unpackedLimitBytes: MAX_UNPACKED_BYTES });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('CATALOG_IMPORT_NOT_XLSX', {
      detected: say(
        '文件已损坏，或是压缩包而不是 Excel 工作簿',
        'The file is damaged, or a zip archive that is not an Excel workbook',
      ),
    });
  }
  return wb;
}

/** Reads the data sheets of an uploaded workbook: rows by header, blank rows skipped. */
export async function readWorkbook(bytes: Buffer): Promise<SheetsData> {
  const wb = await load(bytes);
  if (!wb.getWorksheet(SHEETS.items)) {
    throw new AppError('CATALOG_IMPORT_SHEET_MISSING', { sheets: wb.worksheets.map((w) => w.name) });
  }
  const missing: (Omit<RowError, 'message'> & { message: Bilingual })[] = [];
  const data = new Map<string, SheetRow[]>();
  for (const sheet of DATA_SHEETS) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue; // Only 事项 is required; an item without materials needs no 材料 sheet.
    if (ws.actualRowCount > MAX_SHEET_ROWS + 1) {
      throw new AppError('CATALOG_IMPORT_TOO_MANY_ROWS', { sheet: sheet.name, limit: MAX_SHEET_ROWS });
    }
    const byColumn = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      byColumn.set(col, headerText(plainValue(cell.value)));
    });
    const present = new Set(byColumn.values());
    const absent = sheet.columns.filter((c) => !c.optional && !present.has(c.header)).map((c) => c.header);
    if (absent.length) {
      missing.push({
        sheet: sheet.name,
        row: 1,
        column: absent.join('、'),
        message: say(`缺少列：${absent.join('、')}`, `Missing columns: ${absent.join(', ')}`),
      });
      continue;
    }
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells = new Map<string, CellValue>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const header = byColumn.get(col);
        const value = plainValue(cell.value);
        if (header && value !== null && String(value).trim() !== '') cells.set(header, value);
      });
      if (cells.size > 0) rows.push({ row: rowNumber, cells });
    });
    data.set(sheet.name, rows);
  }
  if (missing.length) throw new AppError('CATALOG_IMPORT_COLUMNS_MISSING', { errors: missing });
  return data;
}
