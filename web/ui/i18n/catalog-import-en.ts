import type { catalogImportZh } from './catalog-import-zh.ts';

/** English messages of the console's catalogue import and export page. */
export const catalogImportEn: Record<keyof typeof catalogImportZh, string> = {
  'catalogImport.menu': 'Import / export items',
  'catalogImport.importTitle': 'Import items from Excel',
  'catalogImport.template': 'Download the template',
  'catalogImport.templateHint':
    'The 事项 sheet is headed by the GB/T 39046 element names; materials, situations, FAQ and form fields have a sheet each, linked by the implementation code; the 填写说明 sheet explains every column and its codes.',
  'catalogImport.pick': 'Click or drop an .xlsx file (10 MB at most)',
  'catalogImport.mode': 'Mode',
  'catalogImport.mode.all-or-nothing': 'All or nothing (any error imports nothing)',
  'catalogImport.mode.valid-only': 'Import the valid items, list the errors of the rest',
  'catalogImport.publish': 'Publish at once (otherwise drafts for review)',
  'catalogImport.start': 'Import',
  'catalogImport.noFile': 'Choose an .xlsx file first',
  'catalogImport.done': '{n} items imported ({total} item rows)',
  'catalogImport.none': 'Nothing imported: {total} item rows, {errors} errors',
  'catalogImport.partial': '{n} items imported; {errors} errors not imported',
  'catalogImport.errors': 'Errors',
  'catalogImport.sheet': 'Sheet',
  'catalogImport.row': 'Row',
  'catalogImport.column': 'Column',
  'catalogImport.message': 'Problem',
  'catalogImport.imported': 'Imported items',
  'catalogImport.name': 'Item name',
  'catalogImport.code': 'Implementation code',
  'catalogImport.exportTitle': 'Export items',
  'catalogImport.exportHint':
    'Exports what the filters below select. The Excel file has the template layout and can be imported again; the JSON holds the published items as GB/T 39046 exchange data for the provincial platform.',
  'catalogImport.exportXlsx': 'Export Excel',
  'catalogImport.exportJson': 'Export JSON (GB/T 39046)',
  'catalogImport.filter.q': 'Name, pinyin or code',
  'catalogImport.filter.type': 'Item type',
  'catalogImport.filter.status': 'Item status',
  'catalogImport.filter.department': 'Department',
};
