import { z } from 'zod';
import { bilingual } from './problem.ts';

/** Why the audit chain breaks at a row; the labels are what the console and the CLI print. */
export const AUDIT_BREAK_REASONS = ['hash_mismatch', 'gap', 'prev_mismatch'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

export const AUDIT_BREAK_LABELS: Record<AuditBreakReason, { zh: string; en: string }> = {
  hash_mismatch: {
    zh: '该行内容与其哈希不符（记录被改动）',
    en: 'the row does not match its hash (the row was altered)',
  },
  gap: {
    zh: '序号不连续（该序号的记录缺失，可能被删除）',
    en: 'sequence gap (the row with this seq is missing, probably deleted)',
  },
  prev_mismatch: {
    zh: '前序哈希与上一行不符（记录被插入或顺序被改动）',
    en: 'prev_hash does not match the previous row (a row was inserted or moved)',
  },
};

/** The result of walking the whole chain: intact, or where it first breaks. */
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  /** Rows read before stopping: all of them when intact. */
  rows: z.number().int(),
  firstBad: z
    .object({
      seq: z.number().int(),
      reason: z.enum(AUDIT_BREAK_REASONS),
    })
    .optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

const Instant = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  bilingual(
    '应为日期 YYYY-MM-DD 或带时区的 ISO 时间（如 2026-03-01T08:00:00Z）',
    'Should be a date YYYY-MM-DD or an ISO time with its zone (such as 2026-03-01T08:00:00Z)',
  ),
);
const Filter = z.string().trim().min(1).max(100).optional();

/** Filters of the audit log list; a bare date means that whole day in Asia/Shanghai. */
export const AuditLogQuery = z.object({
  entityType: Filter.describe('对象类型，如 account、staff'),
  entityId: Filter.describe('对象 ID'),
  actorId: Filter.describe('操作人账号 ID'),
  action: Filter.describe('操作，如 auth.login'),
  from: Instant.optional().describe('起始（含）：日期或 ISO 时间'),
  to: Instant.optional().describe('截止：日期（含当日）或 ISO 时间（不含）'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditLogItem = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditLogItem = z.infer<typeof AuditLogItem>;

export const AuditLogList = z.object({ items: z.array(AuditLogItem), total: z.number().int() });
