import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OrgUnitList } from '../../../contracts/org.ts';
import { authorize } from '../../platform/access/policy.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import type { Platform } from '../../platform/context.ts';
import { orgDb } from './store.ts';

/** HTTP wiring of the org module: org units, windows, staff. */
export function orgRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/org/units',
    {
      schema: {
        operationId: 'listOrgUnits',
        tags: ['org'],
        summary: '机构列表（树）',
        response: { 200: OrgUnitList },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'org.read', 'anywhere');
      const rows = await orgDb(platform.db)
        .selectFrom('org_units')
        .selectAll()
        .orderBy('sort')
        .orderBy('code')
        .execute();
      return {
        items: rows.map((u) => ({
          id: u.id,
          parentId: u.parent_id,
          code: u.code,
          name: u.name,
          kind: u.kind,
          creditCode: u.credit_code,
          divisionCode: u.division_code,
        })),
      };
    },
  );
}
