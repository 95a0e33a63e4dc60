import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { CaseDocumentParams, CaseDocumentQuery } from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/context.ts';
import { PRINTABLE_PAGE_CSP } from '../../../platform/http/security-headers.ts';
import { nowIso } from '../../../platform/time.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { computeClock } from '../domain/clock.ts';
import { authorizeRead, scopeOf } from '../domain/policy.ts';
import { noticeHtml, noticeOf } from '../notices/documents.ts';
import { noticeDocx } from '../notices/documents-docx.ts';
import { lookupCodeOf } from '../progress/lookup-code.ts';
import { loadCase } from '../store/store.ts';

/** The printable notices of a case: HTML (print from the browser) or .docx. */
export function caseDocumentRoutes(app: FastifyInstance, platform: Platform, settings: CaseSettings): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/cases/:id/documents/:kind',
    {
      schema: {
        operationId: 'getCaseDocument',
        tags: ['cases'],
        summary: '受理文书（收件凭证、受理通知书、一次性告知书、不予受理通知书、容缺受理通知书）',
        params: CaseDocumentParams,
        querystring: CaseDocumentQuery,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { state } = await loadCase(platform.db, req.params.id);
      authorizeRead(actor, scopeOf(state));
      const calendar = await getWorkCalendar(platform.db);
      const clock = computeClock(state, { calendar, today: shanghaiDay(nowIso()), settings });
      const notice = noticeOf(state, clock, {
        kind: req.params.kind,
        publicUrl: platform.config.publicUrl,
        lookupCode: lookupCodeOf(platform, state.id),
      });
      if (req.query.format === 'docx') {
        const file = await noticeDocx(notice);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${encodeURIComponent(notice.number)}.docx"`)
          .send(file);
      }
      const svg = await QRCode.toString(notice.progressUrl, { type: 'svg', margin: 1 });
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', PRINTABLE_PAGE_CSP)
        .send(noticeHtml(notice, svg));
    },
  );
}
