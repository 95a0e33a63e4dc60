import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkResponse } from '../../../../contracts/auth.ts';
import {
  CreateStaffBody,
  IdParams,
  ListStaffQuery,
  ResetStaffPasswordBody,
  Staff,
  StaffList,
  StaffPhone,
  UpdateStaffBody,
} from '../../../../contracts/org.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { createStaff } from '../staff/create-staff.ts';
import { getStaff } from '../staff/get-staff.ts';
import { listStaff } from '../staff/list-staff.ts';
import { readStaffPhone } from '../staff/read-staff-phone.ts';
import { resetStaffPassword } from '../staff/reset-staff-password.ts';
import { updateStaff } from '../staff/update-staff.ts';

/** Staff accounts: who works where, at which window, with which roles over which subtree. */
export function staffRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/org/staff',
    {
      schema: {
        operationId: 'listStaff',
        tags: ['org'],
        summary: '工作人员列表（限本人管辖范围）',
        querystring: ListStaffQuery,
        response: { 200: StaffList },
      },
    },
    async (req) => listStaff(platform, requireActor(req), req.query),
  );
  r.get(
    '/api/org/staff/:id',
    {
      schema: {
        operationId: 'getStaff',
        tags: ['org'],
        summary: '工作人员详情',
        params: IdParams,
        response: { 200: Staff },
      },
    },
    async (req) => getStaff(platform, requireActor(req), req.params.id),
  );
  r.get(
    '/api/org/staff/:id/phone',
    {
      schema: {
        operationId: 'readStaffPhone',
        tags: ['org'],
        summary: '查看完整手机号（记入审计日志）',
        params: IdParams,
        response: { 200: StaffPhone },
      },
    },
    async (req) => readStaffPhone(platform, requireActor(req), req.params.id),
  );
  r.post(
    '/api/org/staff',
    {
      schema: {
        operationId: 'createStaff',
        tags: ['org'],
        summary: '新增工作人员',
        body: CreateStaffBody,
        response: { 200: Staff },
      },
    },
    async (req) => createStaff(platform, requireActor(req), req.body),
  );
  r.patch(
    '/api/org/staff/:id',
    {
      schema: {
        operationId: 'updateStaff',
        tags: ['org'],
        summary: '修改工作人员（含角色、启停）',
        params: IdParams,
        body: UpdateStaffBody,
        response: { 200: Staff },
      },
    },
    async (req) => updateStaff(platform, requireActor(req), { ...req.body, id: req.params.id }),
  );
  r.post(
    '/api/org/staff/:id/reset-password',
    {
      schema: {
        operationId: 'resetStaffPassword',
        tags: ['org'],
        summary: '重置工作人员密码',
        params: IdParams,
        body: ResetStaffPasswordBody,
        response: { 200: OkResponse },
      },
    },
    async (req) => {
      await resetStaffPassword(platform, requireActor(req), { ...req.body, id: req.params.id });
      return { ok: true as const };
    },
  );
}
