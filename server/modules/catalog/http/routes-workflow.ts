import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CatalogItemDetail,
  CatalogItemParams,
  CatalogWorkflowBody,
  CreateCatalogItemBody,
  RejectCatalogItemBody,
  SaveCatalogDraftBody,
} from '../../../../contracts/catalog-api.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { approveCatalogItem } from '../items/approve-catalog-item.ts';
import { createCatalogItem } from '../items/create-catalog-item.ts';
import { rejectCatalogItem } from '../items/reject-catalog-item.ts';
import { retireCatalogItem } from '../items/retire-catalog-item.ts';
import { saveCatalogDraft } from '../items/save-catalog-draft.ts';
import { startCatalogVersion } from '../items/start-catalog-version.ts';
import { submitCatalogItem } from '../items/submit-catalog-item.ts';

const tags = ['catalog'];
const detail = { 200: CatalogItemDetail };

/** HTTP wiring of the catalogue workflow: create, edit, submit, approve, reject, retire, revise. */
export function catalogWorkflowRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/catalog/items',
    {
      schema: {
        operationId: 'createCatalogItem',
        tags,
        summary: '新建事项（第一个版本为草稿）',
        body: CreateCatalogItemBody,
        response: detail,
      },
    },
    async (req) => createCatalogItem(platform, requireActor(req), req.body.document),
  );

  r.put(
    '/api/catalog/items/:id/draft',
    {
      schema: {
        operationId: 'saveCatalogDraft',
        tags,
        summary: '保存事项草稿（须带期望修订号，已被他人修改时返回 409）',
        params: CatalogItemParams,
        body: SaveCatalogDraftBody,
        response: detail,
      },
    },
    async (req) =>
      saveCatalogDraft(platform, requireActor(req), {
        itemId: req.params.id,
        document: req.body.document,
        expectedRevision: req.body.expectedRevision,
      }),
  );

  const transitions = [
    ['submit', 'submitCatalogItem', '提交事项审核'],
    ['approve', 'approveCatalogItem', '审核通过并发布事项（原发布版本被替代）'],
    ['retire', 'retireCatalogItem', '停用事项（不再公开，历史版本仍可按编号查看）'],
    ['new-version', 'startCatalogVersion', '修订已发布事项：以发布版本为底稿新建草稿版本'],
  ] as const;
  for (const [path, operationId, summary] of transitions) {
    r.post(
      `/api/catalog/items/:id/${path}`,
      {
        schema: {
          operationId,
          tags,
          summary,
          params: CatalogItemParams,
          body: CatalogWorkflowBody,
          response: detail,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const { id } = req.params;
        const { expectedRevision, note } = req.body;
        if (path === 'submit') return submitCatalogItem(platform, actor, { itemId: id, expectedRevision });
        if (path === 'approve')
          return approveCatalogItem(platform, actor, { itemId: id, note, expectedRevision });
        if (path === 'retire')
          return retireCatalogItem(platform, actor, { itemId: id, note, expectedRevision });
        return startCatalogVersion(platform, actor, { itemId: id, expectedRevision });
      },
    );
  }

  r.post(
    '/api/catalog/items/:id/reject',
    {
      schema: {
        operationId: 'rejectCatalogItem',
        tags,
        summary: '退回事项修改（须写明退回意见）',
        params: CatalogItemParams,
        body: RejectCatalogItemBody,
        response: detail,
      },
    },
    async (req) =>
      rejectCatalogItem(platform, requireActor(req), {
        itemId: req.params.id,
        note: req.body.note,
        expectedRevision: req.body.expectedRevision,
      }),
  );
}
