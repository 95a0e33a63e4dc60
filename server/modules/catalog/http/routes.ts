import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CatalogItemDetail,
  CatalogItemParams,
  CatalogItemQuery,
  CatalogSearchResult,
  CatalogStaffList,
  CatalogStats,
  CatalogVersionList,
  ListCatalogItemsQuery,
  SearchCatalogQuery,
} from '../../../../contracts/catalog-api.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { getCatalogItem } from '../items/get-catalog-item.ts';
import { listCatalogItemsForStaff } from '../items/list-catalog-items.ts';
import { listCatalogVersions } from '../items/list-catalog-versions.ts';
import { hitOf } from '../items/present.ts';
import { searchItems } from '../search/search.ts';
import { getCatalogStats } from '../stats/get-catalog-stats.ts';
import { catalogExchangeRoutes } from './routes-exchange.ts';
import { catalogWorkflowRoutes } from './routes-workflow.ts';

const tags = ['catalog'];

/** HTTP wiring of the catalogue: public search and guides, the console list, versions, indicators. */
export function catalogRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/catalog/items',
    {
      schema: {
        operationId: 'searchCatalogItems',
        tags,
        summary:
          '搜索已发布的政务服务事项（中文、全拼、拼音首字母；可按部门、类型、对象、主题、网办深度筛选）',
        querystring: SearchCatalogQuery,
        response: { 200: CatalogSearchResult },
      },
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    async (req) => {
      const { rows, total } = await searchItems(platform.db, platform.dialect, {
        search: req.query,
        audience: { kind: 'public' },
      });
      return { items: rows.map(hitOf), total };
    },
  );

  r.get(
    '/api/catalog/items/:id',
    {
      schema: {
        operationId: 'getCatalogItem',
        tags,
        summary: '事项办事指南（已发布版本；工作人员可查看任一版本）',
        params: CatalogItemParams,
        querystring: CatalogItemQuery,
        response: { 200: CatalogItemDetail },
      },
    },
    async (req) =>
      getCatalogItem(platform.db, req.actor, { itemId: req.params.id, versionId: req.query.version }),
  );

  r.get(
    '/api/catalog/items/:id/versions',
    {
      schema: {
        operationId: 'listCatalogVersions',
        tags,
        summary: '事项的版本历史',
        params: CatalogItemParams,
        response: { 200: CatalogVersionList },
      },
    },
    async (req) => listCatalogVersions(platform.db, requireActor(req), req.params.id),
  );

  r.get(
    '/api/console/catalog/items',
    {
      schema: {
        operationId: 'listCatalogItemsForStaff',
        tags,
        summary: '事项管理列表（含草稿、待审核、已停用；每行附可执行操作）',
        querystring: ListCatalogItemsQuery,
        response: { 200: CatalogStaffList },
      },
    },
    async (req) => {
      const { pendingReview, ...query } = req.query;
      return listCatalogItemsForStaff(platform, requireActor(req), {
        ...query,
        pendingReview: pendingReview === 'true',
      });
    },
  );

  r.get(
    '/api/catalog/stats',
    {
      schema: {
        operationId: 'getCatalogStats',
        tags,
        summary: '事项指标：已发布、进驻大厅、无差别全科受理及占比、下沉、全程网办',
        response: { 200: CatalogStats },
      },
    },
    async () => getCatalogStats(platform.db),
  );

  catalogWorkflowRoutes(app, platform);
  catalogExchangeRoutes(app, platform);
}
