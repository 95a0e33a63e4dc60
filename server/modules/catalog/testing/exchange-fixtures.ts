/** Test helpers of the catalogue exchange: workbooks from documents, multipart bodies, zip entries. */
import { inflateRawSync } from 'node:zlib';
import {
  type CatalogItemDocument,
  CatalogItemDocumentSchema,
  type CatalogItemInput,
} from '../../../../contracts/catalog.ts';
import { appendItemRows, emptyWorkbookRows, type OutCell, type WorkbookRows } from '../exchange/item-rows.ts';
import { DATA_SHEETS } from '../exchange/sheet-columns.ts';
import { buildWorkbook } from '../exchange/xlsx-template.ts';

/** The rows of a workbook holding these items (each with its department's name). */
export function rowsOf(items: { doc: CatalogItemInput; department: string }[]): WorkbookRows {
  const rows = emptyWorkbookRows();
  for (const { doc, department } of items) {
    appendItemRows(rows, CatalogItemDocumentSchema.parse(doc) as CatalogItemDocument, department);
  }
  return rows;
}

/** Where a cell is: sheet, data row index (0 = Excel row 2), column header. */
export interface CellAt {
  sheet: keyof WorkbookRows;
  index: number;
  header: string;
}

/** Overwrites one cell, at `at`, with `value`. */
export function setCell(rows: WorkbookRows, at: CellAt, value: OutCell) {
  const { sheet, index, header } = at;
  const columns = DATA_SHEETS.find((s) => s.name === sheet)?.columns ?? [];
  const col = columns.findIndex((c) => c.header === header);
  const row = rows[sheet][index];
  if (col < 0 || !row) throw new Error(`no cell ${sheet}/${index}/${header}`);
  row[col] = value;
}

/** The workbook bytes of some rows. */
export function workbookOf(rows: WorkbookRows): Promise<Buffer> {
  return buildWorkbook(rows, []);
}

/** A multipart/form-data body with one file and some fields, as a browser sends it. */
export function multipart(
  file: { name: string; bytes: Buffer; type?: string } | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----onewindow${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(file.name)}"\r\n` +
          `Content-Type: ${file.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** One entry of a ZIP archive (read through its central directory), or null when absent. */
export function unzipEntry(zip: Buffer, name: string): Buffer | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return null;
  let p = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    p += 46 + nameLength + extra;
  }
  return null;
}
