import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkResponse } from '../../../../contracts/auth.ts';
import {
  CreateOrgUnitBody,
  IdParams,
  OrgUnit,
  OrgUnitList,
  UpdateOrgUnitBody,
} from '../../../../contracts/org.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { createOrgUnit } from '../units/create-org-unit.ts';
import { deleteOrgUnit } from '../units/delete-org-unit.ts';
import { listOrgUnits } from '../units/list-org-units.ts';
import { updateOrgUnit } from '../units/update-org-unit.ts';

/** Org units: the county tree of government, departments, centres, townships and villages. */
export function orgUnitRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/org/units',
    {
      schema: {
        operationId: 'listOrgUnits',
        tags: ['org'],
        summary: '机构列表（平铺，按 parentId 成树）',
        response: { 200: OrgUnitList },
      },
    },
    async (req) => ({ items: await listOrgUnits(platform, requireActor(req)) }),
  );
  r.post(
    '/api/org/units',
    {
      schema: {
        operationId: 'createOrgUnit',
        tags: ['org'],
        summary: '新增机构',
        body: CreateOrgUnitBody,
        response: { 200: OrgUnit },
      },
    },
    async (req) => createOrgUnit(platform, requireActor(req), req.body),
  );
  r.patch(
    '/api/org/units/:id',
    {
      schema: {
        operationId: 'updateOrgUnit',
        tags: ['org'],
        summary: '修改机构（含调整上级）',
        params: IdParams,
        body: UpdateOrgUnitBody,
        response: { 200: OrgUnit },
      },
    },
    async (req) => updateOrgUnit(platform, requireActor(req), { ...req.body, id: req.params.id }),
  );
  r.delete(
    '/api/org/units/:id',
    {
      schema: {
        operationId: 'deleteOrgUnit',
        tags: ['org'],
        summary: '删除机构（须无下级、人员、窗口）',
        params: IdParams,
        response: { 200: OkResponse },
      },
    },
    async (req) => {
      await deleteOrgUnit(platform, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
}
