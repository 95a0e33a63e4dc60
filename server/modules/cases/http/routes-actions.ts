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

/**
 * HTTP wiring of the actions on a case: one POST per action, each body carrying the `version`
 * the client saw. Every answer is the case's new list row, with the actions now allowed.
 */
export function caseActionRoutes(app: FastifyInstance, platform: Platform, settings: CaseSettings): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = <S extends z.ZodObject<{ version: z.ZodNumber }>>(
    url: string,
    operationId: string,
    summary: string,
    body: S,
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
    operationId: string,
    summary: string,
    body: S,
    toCommand: (b: z.infer<S>) => CaseCommand,
  ) =>
    route(url, operationId, summary, body, (actor, id, b) =>
      actOnCase(platform, actor, {
        caseId: id,
        version: (b as { version: number }).version,
        command: toCommand(b),
        settings,
      }),
    );

  route('accept', 'acceptCase', '受理', VersionBody, (actor, id, b) =>
    acceptCase(platform, actor, { caseId: id, version: b.version, settings }),
  );
  simple('correction', 'requestCaseCorrection', '一次性告知补正（受理前或办理中）', CorrectionBody, (b) => ({
    type: 'requestCorrection',
    items: b.items,
    note: b.note ?? null,
  }));
  simple('resubmit', 'resubmitCase', '申请人提交补正材料', ResubmitBody, (b) => ({
    type: 'resubmit',
    materials: b.materials,
    note: b.note ?? null,
  }));
  simple('refuse', 'refuseCase', '不予受理', RefuseBody, ({ version: _v, ...b }) => ({
    type: 'refuse',
    ...b,
  }));
  simple('claim', 'claimCase', '签收', VersionBody, () => ({ type: 'claim' }));
  route('assign', 'assignCase', '分派', AssignBody, (actor, id, b) =>
    assignCase(platform, actor, {
      caseId: id,
      version: b.version,
      assigneeAccountId: b.assigneeAccountId,
      settings,
    }),
  );
  simple('pass', 'passCaseStep', '本环节通过，转下一环节', PassBody, (b) => ({
    type: 'pass',
    opinion: b.opinion,
  }));
  simple('return', 'returnCaseStep', '退回上一环节', ReturnBody, (b) => ({
    type: 'returnStep',
    reason: b.reason,
  }));
  simple(
    'special/start',
    'startSpecialProcedure',
    '启动特别程序（暂停计时）',
    StartSpecialBody,
    ({ version: _v, ...b }) => ({
      type: 'startSpecial',
      ...b,
    }),
  );
  simple('special/end', 'endSpecialProcedure', '结束特别程序（恢复计时）', EndSpecialBody, (b) => ({
    type: 'endSpecial',
    result: b.result,
  }));
  simple('extend', 'extendCase', '延长办理期限（部门负责人批准）', ExtendBody, (b) => ({
    type: 'extend',
    days: b.days,
    reason: b.reason,
  }));
  simple('decide', 'decideCase', '作出准予或不予许可决定', DecideBody, ({ version: _v, ...b }) => ({
    type: 'decide',
    ...b,
  }));
  simple('conclude', 'concludeCase', '办结（登记结果文书或证照）', ConcludeBody, ({ version: _v, ...b }) => ({
    type: 'conclude',
    ...b,
  }));
  simple(
    'deliver',
    'deliverCase',
    '送达（窗口领取、邮寄或电子送达）',
    DeliverBody,
    ({ version: _v, ...b }) => ({
      type: 'deliver',
      ...b,
    }),
  );
  simple('supply', 'supplyDeferredMaterial', '容缺材料补齐', SupplyMaterialBody, (b) => ({
    type: 'supplyMaterial',
    materialId: b.materialId,
    form: b.form,
  }));
  simple('withdraw', 'withdrawCase', '申请人撤回申请', ReasonBody, (b) => ({
    type: 'withdraw',
    reason: b.reason,
  }));
  simple('void', 'voidCase', '作废（效能监察）', ReasonBody, (b) => ({ type: 'void', reason: b.reason }));
}
