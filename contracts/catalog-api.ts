/**
 * The catalogue's HTTP contract: search, item detail, console list, workflow bodies, versions and
 * indicators. The item document itself is in catalog.ts.
 */
import { z } from 'zod';
import { CatalogItemDocumentSchema, CatalogItemShape } from './catalog.ts';
import {
  ALL_TOPICS,
  DEPTH_SUMMARY_CODES,
  GRASSROOTS_LEVEL_CODES,
  ITEM_TYPE_CODES,
  LIMIT_UNIT_CODES,
} from './catalog-codes.ts';
import { codeOf, text } from './catalog-fields.ts';
import { codesOf, pickCodes } from './code-list.ts';
import { plainText } from './plain-text.ts';
import { bilingual } from './problem.ts';
import { ExpectedRevision, Revision } from './revision.ts';

/** Status of one version of an item. */
export const VERSION_STATUSES = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  superseded: '已被新版本替代',
  retired: '已停用',
  rejected: '已退回',
} as const;
export type VersionStatus = keyof typeof VERSION_STATUSES;
export const VERSION_STATUS_CODES = codesOf(VERSION_STATUSES);

/** Status of an item as a whole: never published yet (draft / in review), published, retired. */
export const ITEM_STATUSES = pickCodes(VERSION_STATUSES, ['draft', 'in_review', 'published', 'retired']);
export type ItemStatus = keyof typeof ITEM_STATUSES;
export const ITEM_STATUS_CODES = codesOf(ITEM_STATUSES);

/** Workflow actions on an item; `allowedActions` in responses lists those the actor may take now. */
export const CATALOG_WORKFLOW_ACTIONS = {
  edit: '编辑草稿',
  submit: '提交审核',
  approve: '审核通过并发布',
  reject: '退回修改',
  retire: '停用',
  newVersion: '修订（新建版本）',
} as const;
export type CatalogWorkflowAction = keyof typeof CATALOG_WORKFLOW_ACTIONS;
export const CATALOG_WORKFLOW_ACTION_CODES = codesOf(CATALOG_WORKFLOW_ACTIONS);

const Page = z.coerce
  .number()
  .int()
  .min(1, bilingual('页码应不小于1', 'The page should be at least 1'))
  .default(1)
  .describe('页码');
const PageSize = z.coerce
  .number()
  .int()
  .min(1, bilingual('每页条数应不小于1', 'The page size should be at least 1'))
  .max(100, bilingual('每页条数不能超过100', 'The page size is at most 100'))
  .default(20)
  .describe('每页条数');
/** An id in a path or a filter (item, version, department): one line, no control characters. */
const RefId = plainText(z.string().max(64, bilingual('编号不能超过64个字符', 'At most 64 characters')), {
  multiline: false,
  label: '编号',
});
const Query = plainText(
  z.string().trim().max(50, bilingual('搜索词不能超过50个字符', 'At most 50 characters')),
  { multiline: false, label: '搜索词' },
)
  .optional()
  .describe('搜索词：中文、全拼或拼音首字母');

/** The filters the portal's search and the catalogue export share. */
export const ITEM_FILTERS = {
  type: codeOf('事项类型', ITEM_TYPE_CODES).optional(),
  object: z
    .enum(
      ['person', 'legal'],
      bilingual('服务对象应为 person（个人）或 legal（法人）', 'Should be person or legal'),
    )
    .optional(),
  topic: z.enum(ALL_TOPICS as [string, ...string[]], bilingual('服务主题无效', 'Unknown topic')).optional(),
  depth: codeOf('网办深度', DEPTH_SUMMARY_CODES).optional(),
  grassroots: z
    .enum(
      ['any', 'township', 'village'],
      bilingual('下沉层级应为 any、township 或 village', 'Should be any, township or village'),
    )
    .optional(),
};

export const SearchCatalogQuery = z.object({
  q: Query,
  department: RefId.optional().describe('实施部门（机构编号）'),
  ...ITEM_FILTERS,
  page: Page,
  pageSize: PageSize,
});
export type SearchCatalogQueryInput = z.infer<typeof SearchCatalogQuery>;

export const LimitView = z.object({ value: z.number().int().nullable(), unit: z.enum(LIMIT_UNIT_CODES) });

export const CatalogSearchHit = z.object({
  id: z.string(),
  name: z.string(),
  implementationCode: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  type: z.enum(ITEM_TYPE_CODES),
  depthSummary: z.enum(DEPTH_SUMMARY_CODES),
  visits: z.number().int(),
  promisedLimit: LimitView,
  comprehensive: z.boolean(),
  grassroots: z.array(z.enum(GRASSROOTS_LEVEL_CODES)),
});
export type CatalogSearchHitView = z.infer<typeof CatalogSearchHit>;
export const CatalogSearchResult = z.object({ items: z.array(CatalogSearchHit), total: z.number().int() });

export const CatalogItemParams = z.object({ id: RefId });
export const CatalogItemQuery = z.object({
  version: RefId.optional().describe('版本编号（工作人员可查看任一版本）'),
});

export const CatalogItemDetail = z.object({
  id: z.string(),
  status: z.enum(ITEM_STATUS_CODES),
  revision: Revision,
  versionId: z.string(),
  versionNumber: z.number().int(),
  versionStatus: z.enum(VERSION_STATUS_CODES),
  publishedAt: z.string().nullable(),
  departmentName: z.string(),
  depthSummary: z.enum(DEPTH_SUMMARY_CODES),
  document: CatalogItemShape,
  allowedActions: z.array(z.enum(CATALOG_WORKFLOW_ACTION_CODES)),
});
export type CatalogItemDetailView = z.infer<typeof CatalogItemDetail>;

export const ListCatalogItemsQuery = z.object({
  q: Query,
  department: RefId.optional(),
  type: codeOf('事项类型', ITEM_TYPE_CODES).optional(),
  status: codeOf('事项状态', ITEM_STATUS_CODES).optional(),
  pendingReview: z.enum(['true', 'false']).optional().describe('只看待审核的版本'),
  page: Page,
  pageSize: PageSize,
});

export const CatalogStaffRow = z.object({
  id: z.string(),
  name: z.string(),
  implementationCode: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  type: z.enum(ITEM_TYPE_CODES),
  status: z.enum(ITEM_STATUS_CODES),
  publishedVersionId: z.string().nullable(),
  draftVersionId: z.string().nullable(),
  draftStatus: z.enum(VERSION_STATUS_CODES).nullable(),
  revision: Revision,
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(CATALOG_WORKFLOW_ACTION_CODES)),
});
export const CatalogStaffList = z.object({ items: z.array(CatalogStaffRow), total: z.number().int() });

export const CreateCatalogItemBody = z.strictObject({ document: CatalogItemDocumentSchema });
export const SaveCatalogDraftBody = z.strictObject({
  document: CatalogItemDocumentSchema,
  expectedRevision: ExpectedRevision,
});
/** Body of submit / approve / retire / new-version: the revision the action was decided on. */
export const CatalogWorkflowBody = z.strictObject({
  expectedRevision: ExpectedRevision,
  note: plainText(
    z.string().trim().max(1000, bilingual('说明不能超过1000个字符', 'At most 1000 characters')),
    { multiline: true, label: '说明' },
  ).optional(),
});
export const RejectCatalogItemBody = z.strictObject({
  expectedRevision: ExpectedRevision,
  note: text('退回意见', 1000),
});

export const CatalogVersionRow = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUS_CODES),
  name: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export const CatalogVersionList = z.object({ items: z.array(CatalogVersionRow) });

export const CatalogDepartmentStats = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  published: z.number().int(),
  comprehensive: z.number().int(),
  grassroots: z.number().int(),
  fullyOnline: z.number().int(),
});

/** The catalogue indicators; shares are percentages with two decimals (94.73). */
export const CatalogStats = z.object({
  published: z.number().int(),
  inHall: z.number().int(),
  comprehensive: z.number().int(),
  comprehensiveShare: z.number(),
  grassroots: z.number().int(),
  grassrootsTownship: z.number().int(),
  grassrootsVillage: z.number().int(),
  fullyOnline: z.number().int(),
  fullyOnlineShare: z.number(),
  byDepartment: z.array(CatalogDepartmentStats),
});
export type CatalogStatsView = z.infer<typeof CatalogStats>;
