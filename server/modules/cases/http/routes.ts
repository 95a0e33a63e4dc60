import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssigneeList,
  CaseDetail,
  CaseList,
  CasePersonal,
  ProcessView,
  SupervisionView,
} from '../../../../contracts/case-views.ts';
import {
  CaseIdParams,
  CaseListQuery,
  CaseSearchBody,
  IntakeBody,
  IntakeHeaders,
  ItemIdParams,
  ProcessBody,
  SupervisionQuery,
} from '../../../../contracts/cases.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { orgUnitNames } from '../../org/index.ts';
import { listAssignees } from '../backoffice/list-assignees.ts';
import { getProcess, updateProcess } from '../backoffice/manage-process.ts';
import { receiveCase } from '../intake/receive-case.ts';
import { intakeKeyOf, type KeyedIntake, receiveCaseOnce } from '../intake/receive-case-once.ts';
import { loadCaseSettings } from '../settings.ts';
import { superviseCases } from '../supervision/supervise-cases.ts';
import { getCase } from '../views/get-case.ts';
import { listCases } from '../views/list-cases.ts';
import { detailOf, timelineOf } from '../views/present.ts';
import { readCasePersonal } from '../views/read-case-personal.ts';
import { refuseFullIdInUrl, searchCases } from '../views/search-cases.ts';
import { caseActionRoutes } from './routes-actions.ts';
import { caseDocumentRoutes } from './routes-documents.ts';
import { publicProgressRoutes } from './routes-public.ts';

/** HTTP wiring of the cases module: intake, search, the case page, actions, supervision, processes. */
export function caseRoutes(app: FastifyInstance, platform: Platform): void {
  const settings = loadCaseSettings(platform.config.source);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post(
    '/api/cases',
    {
      // A refused Idempotency-Key gets its own code (intakeKeyOf), not the generic schema failure.
      attachValidation: true,
      schema: {
        operationId: 'receiveCase',
        tags,
        summary: '窗口收件并作出受理决定（受理 / 一次性告知 / 不予受理 / 仅收件）',
        description:
          '带 Idempotency-Key 请求头时，同一工作人员以相同内容重复提交，返回首次收件的办件（201，响应头 Idempotent-Replayed: true），不再收件；同一个键、不同内容为 409 CASE_INTAKE_KEY_REUSED。',
        headers: IntakeHeaders,
        body: IntakeBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => {
      const key = intakeKeyOf(req.validationError, req.headers['idempotency-key']);
      const actor = requireActor(req);
      const outcome: KeyedIntake = key
        ? await receiveCaseOnce(platform, actor, { intake: req.body, settings, key })
        : { written: await receiveCase(platform, actor, { intake: req.body, settings }) };
      const written = outcome.written;
      if (!written) {
        // The case as it is now, as its page shows it: what the first answer showed, if nothing happened since.
        const page = await getCase(platform, actor, { caseId: outcome.replayOf, settings });
        return reply.status(201).header('idempotent-replayed', 'true').send(page);
      }
      // The page of the new case from what was just written: no second read of the log.
      const names = await orgUnitNames(platform.db, actor.orgUnitId ? [actor.orgUnitId] : []);
      const detail = detailOf(written.state, {
        clock: written.clock,
        actor,
        timeline: timelineOf(written.state, written.actions, { calendar: written.calendar, orgNames: names }),
      });
      return reply.status(201).send(detail);
    },
  );

  r.get(
    '/api/cases',
    {
      schema: {
        operationId: 'listCases',
        tags,
        summary: '办件查询',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      refuseFullIdInUrl(req.query);
      return listCases(platform, actor, req.query);
    },
  );

  r.post(
    '/api/cases/search',
    {
      schema: {
        operationId: 'searchCases',
        tags,
        summary: '办件查询（条件在请求体中；按完整证件号码查询须用此接口，并记入审计日志）',
        body: CaseSearchBody,
        response: { 200: CaseList },
      },
    },
    async (req) => searchCases(platform, requireActor(req), req.body),
  );

  r.get(
    '/api/cases/supervision',
    {
      schema: {
        operationId: 'superviseCases',
        tags,
        summary: '电子监察：黄牌、红牌办件',
        querystring: SupervisionQuery,
        response: { 200: SupervisionView },
      },
    },
    async (req) => superviseCases(platform, requireActor(req), req.query),
  );

  r.get(
    '/api/cases/:id',
    {
      schema: {
        operationId: 'getCase',
        tags,
        summary: '办件详情与全过程记录',
        params: CaseIdParams,
        response: { 200: CaseDetail },
      },
    },
    async (req) => getCase(platform, requireActor(req), { caseId: req.params.id, settings }),
  );

  r.get(
    '/api/cases/:id/summary',
    {
      schema: {
        operationId: 'getCaseSummary',
        tags,
        summary: '办件概要（含当前可执行操作）',
        params: CaseIdParams,
        response: { 200: CaseDetail.pick({ id: true, version: true, status: true, allowedActions: true }) },
      },
    },
    async (req) => {
      const detail = await getCase(platform, requireActor(req), { caseId: req.params.id, settings });
      return {
        id: detail.id,
        version: detail.version,
        status: detail.status,
        allowedActions: detail.allowedActions,
      };
    },
  );

  r.get(
    '/api/cases/:id/assignees',
    {
      schema: {
        operationId: 'listCaseAssignees',
        tags,
        summary: '可分派人员：能办理当前环节的工作人员',
        params: CaseIdParams,
        response: { 200: AssigneeList },
      },
    },
    async (req) => listAssignees(platform, requireActor(req), req.params.id),
  );

  r.post(
    '/api/cases/:id/personal',
    {
      schema: {
        operationId: 'readCasePersonal',
        tags,
        summary: '查看申请人完整证件号码和电话（留痕）',
        params: CaseIdParams,
        response: { 200: CasePersonal },
      },
    },
    async (req) => readCasePersonal(platform, requireActor(req), req.params.id),
  );

  r.get(
    '/api/case-processes/:itemId',
    {
      schema: {
        operationId: 'getCaseProcess',
        tags,
        summary: '事项办理流程',
        params: ItemIdParams,
        response: { 200: ProcessView },
      },
    },
    async (req) => getProcess(platform, requireActor(req), req.params.itemId),
  );

  r.put(
    '/api/case-processes/:itemId',
    {
      schema: {
        operationId: 'updateCaseProcess',
        tags,
        summary: '设置事项办理流程（环节、角色、部门、时限）',
        params: ItemIdParams,
        body: ProcessBody,
        response: { 200: ProcessView },
      },
    },
    async (req) =>
      updateProcess(platform, requireActor(req), {
        itemId: req.params.itemId,
        steps: req.body.steps,
        expectedRevision: req.body.expectedRevision,
      }),
  );

  caseActionRoutes(app, platform, settings);
  caseDocumentRoutes(app, platform, settings);
  publicProgressRoutes(app, platform, settings);
}
