/**
 * The catalogue's exchange contract: the .xlsx import report, export filters, the GB/T 39046 JSON
 * exchange record (keyed by the standard's Chinese field names) and the guide download options.
 */
import { z } from 'zod';
import { ITEM_FILTERS, ITEM_STATUS_CODES } from './catalog-api.ts';
import { codeOf } from './catalog-fields.ts';
import { codesOf } from './code-list.ts';
import { plainText } from './plain-text.ts';
import { bilingual } from './problem.ts';

/** Import modes: nothing unless every row is valid (the default), or only the valid items. */
export const IMPORT_MODES = {
  'all-or-nothing': '全部有效才导入',
  'valid-only': '只导入有效事项',
} as const;
export type ImportMode = keyof typeof IMPORT_MODES;
export const IMPORT_MODE_CODES = codesOf(IMPORT_MODES);

/** The size limit of an import file (10 MB): larger files are refused before they are read. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The form fields of an import beside the file (multipart/form-data). */
export const ImportCatalogOptions = z.object({
  mode: z
    .enum(
      IMPORT_MODE_CODES,
      bilingual(
        '导入方式应为 all-or-nothing（全部有效才导入）或 valid-only（只导入有效事项）',
        'The mode should be all-or-nothing or valid-only',
      ),
    )
    .default('all-or-nothing')
    .describe('导入方式'),
  publish: z
    .enum(['true', 'false'], bilingual('是否直接发布应为 true 或 false', 'Should be true or false'))
    .default('false')
    .transform((v) => v === 'true')
    .describe('直接发布（须持有事项发布权限；否则导入为草稿）'),
});
export type ImportCatalogOptionsInput = z.input<typeof ImportCatalogOptions>;

/** One fault of an import file: the sheet, the Excel row number, the column header and what is wrong. */
export const ImportRowError = z.object({
  sheet: z.string().describe('工作表'),
  row: z.number().int().describe('行号（与 Excel 显示的行号一致，表头为第1行）'),
  column: z.string().describe('列名（表头）'),
  message: z.string(),
});
export type ImportRowErrorView = z.infer<typeof ImportRowError>;

export const ImportedItem = z.object({ id: z.string(), name: z.string(), implementationCode: z.string() });

/** What an import did: the items it created and every fault it found (none created when all-or-nothing fails). */
export const ImportCatalogResult = z.object({
  mode: z.enum(IMPORT_MODE_CODES),
  published: z.boolean().describe('导入的事项是否已直接发布（否则为草稿）'),
  /** Item rows in the file (事项 sheet, blank rows not counted). */
  total: z.number().int(),
  imported: z.number().int(),
  items: z.array(ImportedItem),
  errors: z.array(ImportRowError),
});
export type ImportCatalogResultView = z.infer<typeof ImportCatalogResult>;

/** Filters of an export: those of the console list and the public search, without paging. */
export const ExportCatalogQuery = z.object({
  q: plainText(z.string().trim().max(50, bilingual('搜索词不能超过50个字符', 'At most 50 characters')), {
    multiline: false,
    label: '搜索词',
  })
    .optional()
    .describe('搜索词'),
  department: plainText(z.string().max(64), { multiline: false, label: '实施部门' })
    .optional()
    .describe('实施部门（机构编号）'),
  ...ITEM_FILTERS,
  status: codeOf('事项状态', ITEM_STATUS_CODES).optional(),
  pendingReview: z.enum(['true', 'false']).optional().describe('只看待审核的版本'),
});
export type ExportCatalogQueryInput = z.infer<typeof ExportCatalogQuery>;

const Flag01 = z.enum(['0', '1']).describe('1 = 是，0 = 否');

/** A material as exchanged: the GB/T 39046 material fields, then this platform's additions. */
export const ExchangeMaterial = z.object({
  材料名称: z.string(),
  出具机构: z.string(),
  原件份数: z.number().int(),
  复印件份数: z.number().int(),
  是否必备材料: Flag01,
  材料形式: z.string(),
  是否可容缺: Flag01,
  是否可通过共享获取: Flag01,
  材料可信度: z.string(),
  空白表格: z.string(),
  示例样表: z.string(),
  备注: z.string(),
});

/**
 * One item keyed by the GB/T 39046-2020 Table 4 field names, code values per Annex A. 行政备案 has no
 * A.1 code: 事项类型 says 行政备案 and 事项类型代码 is 10. Elements the standard lacks are under 扩展信息.
 */
export const ExchangeItem = z.object({
  事项名称: z.string(),
  基本编码: z.string(),
  实施编码: z.string(),
  事项类型: z.string(),
  事项类型代码: z.string(),
  设定依据: z.string(),
  行使层级: z.string(),
  行使层级代码: z.string(),
  权限划分: z.string(),
  行使内容: z.string(),
  实施主体: z.string(),
  实施主体代码: z.string(),
  实施主体性质: z.string(),
  实施主体性质代码: z.string(),
  法定办结时限: z.number().int().nullable(),
  法定办结时限单位: z.string(),
  法定办结时限说明: z.string(),
  承诺办结时限: z.number().int(),
  承诺办结时限单位: z.string(),
  承诺办结时限说明: z.string(),
  受理条件: z.array(z.string()),
  办理流程: z.string(),
  共同实施部门: z.array(z.string()),
  承办机构: z.string(),
  承办机构代码: z.string(),
  中介服务: z.string(),
  数量限制: z.string(),
  结果名称: z.string(),
  结果样本: z.string(),
  是否收费: Flag01,
  收费依据: z.string(),
  通办范围: z.string(),
  服务对象: z.array(z.string()),
  服务对象代码: z.array(z.string()),
  自然人服务主题: z.array(z.string()),
  法人服务主题: z.array(z.string()),
  办理形式: z.array(z.string()),
  办理形式代码: z.array(z.string()),
  特别程序: z.string(),
  是否支持预约办理: Flag01,
  是否支持网上支付: Flag01,
  是否支持物流快递: Flag01,
  是否网办: Flag01,
  网办地址: z.string(),
  办理地点: z.string(),
  办理时间: z.string(),
  咨询电话: z.string(),
  监督电话: z.string(),
  常见问题: z.array(z.object({ 问题: z.string(), 解答: z.string() })),
  办件类型: z.string(),
  办件类型代码: z.string(),
  申请材料: z.array(ExchangeMaterial),
  扩展信息: z.object({
    收费标准: z.string(),
    网办深度代码: z.array(z.string()),
    网办深度: z.string(),
    到现场次数: z.number().int(),
    是否进驻政务服务大厅: Flag01,
    是否无差别全科受理: Flag01,
    下沉层级: z.array(z.string()),
    情形: z.array(
      z.object({
        情形问题: z.string(),
        是否可多选: Flag01,
        选项: z.array(
          z.object({ 选项: z.string(), 适用材料: z.array(z.string()), 适用受理条件: z.array(z.string()) }),
        ),
      }),
    ),
  }),
});
export type ExchangeItemView = z.infer<typeof ExchangeItem>;
export const ExchangeItemList = z.array(ExchangeItem);

/** Options of a downloaded guide: chosen situation answers tailor the materials and conditions. */
export const GuideDocxQuery = z.object({
  answers: z
    .string()
    .max(2000)
    .optional()
    .describe('所选情形选项：逗号分隔的“情形编号:选项编号”或选项编号，如 entrust:agent'),
});
