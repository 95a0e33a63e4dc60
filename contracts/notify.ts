import { z } from 'zod';
import { bilingual } from './problem.ts';

export const NOTIFICATION_CHANNELS = ['sms', 'inbox'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** queued: waiting for its job; sent: handed to the provider (or read into the inbox); failed: gave up. */
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, { zh: string; en: string }> = {
  queued: { zh: '待发送', en: 'Queued' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
};

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const OutboxQuery = z.object({
  status: z.enum(NOTIFICATION_STATUSES).optional().describe('按状态筛选'),
  channel: z.enum(NOTIFICATION_CHANNELS).optional().describe('按渠道筛选；短信发件箱传 sms'),
  ...Paging,
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/** One row of the outbox; the recipient only ever appears masked (138****5678). */
export const OutboxItem = z.object({
  id: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipientMasked: z.string().nullable(),
  template: z.string(),
  body: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  provider: z.string().nullable(),
  error: z.string().nullable(),
  relatedType: z.string().nullable(),
  relatedId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxList = z.object({ items: z.array(OutboxItem), total: z.number().int() });

export const TestSmsBody = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(MOBILE_PHONE_PATTERN, bilingual('请输入 11 位手机号码', 'Enter an 11-digit mobile number'))
    .describe('接收测试短信的手机号码'),
});

export const InboxQuery = z.object({ ...Paging });
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxItem = z.object({
  id: z.string(),
  template: z.string(),
  body: z.string(),
  relatedType: z.string().nullable(),
  relatedId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxList = z.object({
  items: z.array(InboxItem),
  total: z.number().int(),
  unread: z.number().int(),
});

export const NotificationIdParams = z.object({ id: z.string().trim().min(1).max(100) });
