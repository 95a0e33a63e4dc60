import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  InboxItem,
  InboxList,
  InboxQuery,
  NotificationIdParams,
  OutboxItem,
  OutboxList,
  OutboxQuery,
  TestSmsBody,
} from '../../../contracts/notify.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Platform } from '../context.ts';
import { listMyInbox } from './list-my-inbox.ts';
import { listOutbox } from './list-outbox.ts';
import { markInboxRead } from './mark-inbox-read.ts';
import { sendTestSms } from './send-test-sms.ts';

/** The outbox (短信发件箱) for administrators and each account's own inbox. */
export function notifyRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/notify/outbox',
    {
      schema: {
        operationId: 'listOutbox',
        tags: ['notify'],
        summary: '短信发件箱（号码脱敏）',
        querystring: OutboxQuery,
        response: { 200: OutboxList },
      },
    },
    async (req) => listOutbox(platform, requireActor(req), req.query),
  );

  r.post(
    '/api/notify/test-sms',
    {
      schema: {
        operationId: 'sendTestSms',
        tags: ['notify'],
        summary: '发送测试短信',
        body: TestSmsBody,
        response: { 200: OutboxItem },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => sendTestSms(platform, requireActor(req), req.body.phone),
  );

  r.get(
    '/api/notify/inbox',
    {
      schema: {
        operationId: 'listMyInbox',
        tags: ['notify'],
        summary: '我的站内消息',
        querystring: InboxQuery,
        response: { 200: InboxList },
      },
    },
    async (req) => listMyInbox(platform, requireActor(req), req.query),
  );

  r.post(
    '/api/notify/inbox/:id/read',
    {
      schema: {
        operationId: 'markInboxRead',
        tags: ['notify'],
        summary: '将站内消息标为已读',
        params: NotificationIdParams,
        response: { 200: InboxItem },
      },
    },
    async (req) => markInboxRead(platform, requireActor(req), req.params.id),
  );
}
