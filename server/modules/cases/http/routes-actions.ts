import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CaseSummary } from '../../../../contracts/case-views.ts';
import {
  AssignBody,
  CaseIdParams,
  ConcludeBody,
  CorrectionBody,
  DecideBody,
  DeliverBody,
  EndSpecialBody,
  ExtendBody,
  PassBody,
  ReasonBody,
  RefuseBody,
  ResubmitBody,
  ReturnBody,
  StartSpecialBody,
  SupplyMaterialBody,
  VersionBody,
} from '../../../../contracts/cases.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { actOnCase } from '../backoffice/act-on-case.ts';
import { assignCase } from '../backoffice/assign-case.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { CaseCommand } from '../domain/decide.ts';
import { acceptCase } from '../intake/accept-case.ts';
import type { CaseWritten } from '../store/write-path.ts';
import { figuresOf, summaryOf } from '../views/present.ts';

/** How an action's route is described in the API: its operation id, summary and body schema. */
interface ActionEndpoint<S> {
  operationId: string;
  summary: string;
  body: S;
}

/**
 * HTTP wiring of the actions on a case: one POST per action, each body carrying the `version`
 * the client saw. Every answer is the case's new list row, with the actions now allowed.
 */
export function caseActionRoutes(app: FastifyInstance, platform: Platform, settings: CaseSettings): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = <S extends z.ZodObject<{ version: z.ZodNumber }>>(
    url: string,
    { operationId, summary, body }: ActionEndpoint<S>,
    run: (actor: Actor, id: string, body: z.infer<S>) => Promise<CaseWritten>,
  ) =>
    r.post(
      `/api/cases/:id/${url}`,
      {
        schema: {
          operationId,
          tags: ['cases'],
          summary,
          params: CaseIdParams,
          body,
          response: { 200: CaseSummary },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const written = await run(actor, req.params.id, req.body as z.infer<S>);
        return summaryOf(written.state, figuresOf(written.clock), actor);
      },
    );
  /** An action whose command is the body itself, minus the version. */
  const simple = <S extends z.ZodObject<{ version: z.ZodNumber }>>(
    url: string,
    endpoint: ActionEndpoint<S>,
    toCommand: (b: z.infer<S>) => CaseCommand,
  ) =>
    route(url, endpoint, (actor, id, b) =>
      actOnCase(platform, actor, {
        caseId: id,
        version: (b as { version: number }).version,
        command: toCommand(b),
        settings,
      }),
    );

  route('accept', { operationId: 'acceptCase', summary: '受理', body: VersionBody }, (actor, id, b) =>
    acceptCase(platform, actor, { caseId: id, version: b.version, settings }),
  );
  simple(
    'correction',
    {
      operationId: 'requestCaseCorrection',
      summary: '一次性告知补正（受理前或办理中）',
      body: CorrectionBody,
    },
    (b) => ({
      type: 'requestCorrection',
      items: b.items,
      note: b.note ?? null,
    }),
  );
  simple(
    'resubmit',
    { operationId: 'resubmitCase', summary: '申请人提交补正材料', body: ResubmitBody },
    (b) => ({
      type: 'resubmit',
      materials: b.materials,
      note: b.note ?? null,
    }),
  );
  simple(
    'refuse',
    { operationId: 'refuseCase', summary: '不予受理', body: RefuseBody },
    ({ version: _v, ...b }) => ({
      type: 'refuse',
      ...b,
    }),
  );
  simple('claim', { operationId: 'claimCase', summary: '签收', body: VersionBody }, () => ({
    type: 'claim',
  }));
  route('assign', { operationId: 'assignCase', summary: '分派', body: AssignBody }, (actor, id, b) =>
    assignCase(platform, actor, {
      caseId: id,
      version: b.version,
      assigneeAccountId: b.assigneeAccountId,
      settings,
    }),
  );
  simple('pass', { operationId: 'passCaseStep', summary: '本环节通过，转下一环节', body: PassBody }, (b) => ({
    type: 'pass',
    opinion: b.opinion,
  }));
  simple('return', { operationId: 'returnCaseStep', summary: '退回上一环节', body: ReturnBody }, (b) => ({
    type: 'returnStep',
    reason: b.reason,
  }));
  simple(
    'special/start',
    { operationId: 'startSpecialProcedure', summary: '启动特别程序（暂停计时）', body: StartSpecialBody },
    ({ version: _v, ...b }) => ({
      type: 'startSpecial',
      ...b,
    }),
  );
  simple(
    'special/end',
    { operationId: 'endSpecialProcedure', summary: '结束特别程序（恢复计时）', body: EndSpecialBody },
    (b) => ({
      type: 'endSpecial',
      result: b.result,
    }),
  );
  simple(
    'extend',
    { operationId: 'extendCase', summary: '延长办理期限（部门负责人批准）', body: ExtendBody },
    (b) => ({
      type: 'extend',
      days: b.days,
      reason: b.reason,
    }),
  );
  simple(
    'decide',
    { operationId: 'decideCase', summary: '作出准予或不予许可决定', body: DecideBody },
    ({ version: _v, ...b }) => ({
      type: 'decide',
      ...b,
    }),
  );
  simple(
    'conclude',
    { operationId: 'concludeCase', summary: '办结（登记结果文书或证照）', body: ConcludeBody },
    ({ version: _v, ...b }) => ({
      type: 'conclude',
      ...b,
    }),
  );
  simple(
    'deliver',
    { operationId: 'deliverCase', summary: '送达（窗口领取、邮寄或电子送达）', body: DeliverBody },
    ({ version: _v, ...b }) => ({
      type: 'deliver',
      ...b,
    }),
  );
  simple(
    'supply',
    { operationId: 'supplyDeferredMaterial', summary: '容缺材料补齐', body: SupplyMaterialBody },
    (b) => ({
      type: 'supplyMaterial',
      materialId: b.materialId,
      form: b.form,
    }),
  );
  simple('withdraw', { operationId: 'withdrawCase', summary: '申请人撤回申请', body: ReasonBody }, (b) => ({
    type: 'withdraw',
    reason: b.reason,
  }));
  simple('void', { operationId: 'voidCase', summary: '作废（效能监察）', body: ReasonBody }, (b) => ({
    type: 'void',
    reason: b.reason,
  }));
}
