import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import { type DemoDepartment, documentOf } from '../../../../demo/catalog/build.ts';
import { demoItemSpecs } from '../../../../demo/catalog/catalogue.ts';
import { DEMO_DEPARTMENTS, demoCreditCode } from '../../../../demo/org.ts';
import { parseItemDocument } from '../domain/validate-item.ts';
import type { Department } from '../store/departments.ts';
import { itemFromRows, type SheetRow } from './item-from-rows.ts';
import { appendItemRows, emptyWorkbookRows } from './item-rows.ts';
import { readWorkbook } from './read-workbook.ts';
import { SHEETS } from './sheet-columns.ts';
import { buildWorkbook } from './xlsx-template.ts';

/** The demo departments as the import resolves them (by name), with made-up ids. */
const departments: DemoDepartment[] = DEMO_DEPARTMENTS.map(([, name], index) => ({
  id: `dept-${index}`,
  name,
  creditCode: demoCreditCode(index + 1),
  phone: `0434-52${String(22000 + index).padStart(5, '0')}`,
  index,
}));
const byName = new Map<string, Department>(
  departments.map((d) => [
    d.name,
    { id: d.id, name: d.name, path: `/c/${d.id}/`, kind: 'department', creditCode: d.creditCode },
  ]),
);

/** Every demo item document, validated as the seed validates them. */
function demoDocuments(): CatalogItemDocument[] {
  const keys = DEMO_DEPARTMENTS.map(([k]) => k);
  return demoItemSpecs().map((spec, i) => {
    const dept = departments[keys.indexOf(spec.dept)] as DemoDepartment;
    const parsed = parseItemDocument(documentOf(spec, dept, i + 1), '');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
    return parsed.document;
  });
}

/** Groups child rows by 实施编码 as the import does. */
function byCode(rows: readonly SheetRow[] | undefined): Map<string, SheetRow[]> {
  const m = new Map<string, SheetRow[]>();
  for (const r of rows ?? []) {
    const code = String(r.cells.get('实施编码'));
    m.set(code, [...(m.get(code) ?? []), r]);
  }
  return m;
}

test('every demo item survives a trip through the workbook unchanged', async () => {
  const docs = demoDocuments();
  const rows = emptyWorkbookRows();
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  for (const doc of docs) appendItemRows(rows, doc, nameOf.get(doc.departmentId) ?? '');
  const sheets = await readWorkbook(
    await buildWorkbook(
      rows,
      departments.map((d) => d.name),
    ),
  );
  const items = sheets.get(SHEETS.items) ?? [];
  assert.equal(items.length, docs.length);
  const [materials, situations, faq, formFields] = [
    SHEETS.materials,
    SHEETS.situations,
    SHEETS.faq,
    SHEETS.formFields,
  ].map((s) => byCode(sheets.get(s))) as Map<string, SheetRow[]>[];
  items.forEach((row, i) => {
    const code = String(row.cells.get('实施编码'));
    const pick = (m: Map<string, SheetRow[]> | undefined) => m?.get(code) ?? [];
    const item = itemFromRows(
      row,
      {
        materials: pick(materials),
        situations: pick(situations),
        faq: pick(faq),
        formFields: pick(formFields),
      },
      byName,
    );
    assert.deepEqual(item.errors, [], `row ${row.row}`);
    assert.deepEqual(item.document, docs[i], `row ${row.row}: ${docs[i]?.name}`);
  });
});

test('the template has the national element columns, notes with the codes, and drop-downs', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(undefined, ['梨树县市场监督管理局'])) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('事项');
  assert.ok(ws);
  const headers = (ws.getRow(1).values as unknown[]).filter(Boolean);
  for (const h of [
    '事项名称',
    '基本编码',
    '实施编码',
    '事项类型代码',
    '设定依据',
    '行使层级代码',
    '实施主体',
    '实施主体代码',
    '法定办结时限',
    '法定办结时限单位',
    '承诺办结时限',
    '是否无差别全科受理',
    '下沉层级',
  ]) {
    assert.ok(headers.includes(h), `column ${h}`);
  }
  const typeCol = headers.indexOf('事项类型代码') + 1;
  assert.match(String(ws.getRow(1).getCell(typeCol).note), /01=行政许可/);
  assert.deepEqual(ws.getCell(2, typeCol).dataValidation?.formulae, ['"01,02,03,04,05,06,07,08,09,10,20"']);
  const materialHeaders = ((wb.getWorksheet('材料')?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
  for (const h of [
    '实施编码',
    '材料名称',
    '出具机构',
    '原件份数',
    '复印件份数',
    '是否必备材料',
    '容缺',
    '介质',
    '可共享获取',
    '信任等级',
    '备注',
  ]) {
    assert.ok(materialHeaders.includes(h), `material column ${h}`);
  }
  assert.ok(wb.getWorksheet('情形') && wb.getWorksheet('填写说明'));
});
