import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateWindowBody,
  IdParams,
  ListWindowsQuery,
  UpdateWindowBody,
  Window,
  WindowList,
} from '../../../../contracts/org.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { createWindow } from '../windows/create-window.ts';
import { listWindows } from '../windows/list-windows.ts';
import { updateWindow } from '../windows/update-window.ts';

/** Windows of the service centres: comprehensive, specialist, delivery and bundle windows. */
export function windowRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/org/windows',
    {
      schema: {
        operationId: 'listWindows',
        tags: ['org'],
        summary: '窗口列表',
        querystring: ListWindowsQuery,
        response: { 200: WindowList },
      },
    },
    async (req) => ({ items: await listWindows(platform, requireActor(req), req.query) }),
  );
  r.post(
    '/api/org/windows',
    {
      schema: {
        operationId: 'createWindow',
        tags: ['org'],
        summary: '新增窗口',
        body: CreateWindowBody,
        response: { 200: Window },
      },
    },
    async (req) => createWindow(platform, requireActor(req), req.body),
  );
  r.patch(
    '/api/org/windows/:id',
    {
      schema: {
        operationId: 'updateWindow',
        tags: ['org'],
        summary: '修改窗口（编号、名称、类型、启停）',
        params: IdParams,
        body: UpdateWindowBody,
        response: { 200: Window },
      },
    },
    async (req) => updateWindow(platform, requireActor(req), { ...req.body, id: req.params.id }),
  );
}
