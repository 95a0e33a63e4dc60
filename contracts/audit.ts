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

/**
 * What verification finds wrong besides the first break of the chain: rows outside the chain,
 * broken per-case chains, and a checkpoint the database no longer matches. Labels in both languages.
 */
export const AUDIT_PROBLEMS = [
  'seq_below_one',
  'case_chain_broken',
  'checkpoint_unreadable',
  'checkpoint_signature',
  'checkpoint_truncated',
  'checkpoint_rewritten',
  'checkpoint_anchor_mismatch',
] as const;
export type AuditProblemKind = (typeof AUDIT_PROBLEMS)[number];

export const AUDIT_PROBLEM_LABELS: Record<AuditProblemKind, { zh: string; en: string }> = {
  seq_below_one: {
    zh: '存在序号小于 1 的审计记录（链外插入的记录）',
    en: 'an audit row has a seq below 1 (a row inserted outside the chain)',
  },
  case_chain_broken: {
    zh: '办件操作记录的哈希链断裂（操作被改动、删除或插入）',
    en: "a case's action chain is broken (an action was altered, deleted or inserted)",
  },
  checkpoint_unreadable: {
    zh: '检查点文件无法读取或格式不对',
    en: 'the checkpoint file cannot be read or is not a checkpoint',
  },
  checkpoint_signature: {
    zh: '检查点的 SM2 签名无效，或不是本平台的密钥签发的（文件被改动或伪造）',
    en: "the checkpoint's SM2 signature is invalid or not by this platform's key (the file was altered or forged)",
  },
  checkpoint_truncated: {
    zh: '审计日志已不再到达检查点记录的序号（最新的记录被删除）',
    en: 'the audit log no longer reaches the seq of the checkpoint (the newest rows were deleted)',
  },
  checkpoint_rewritten: {
    zh: '检查点序号处记录的哈希已改变（此前的记录被改写并重新计算哈希）',
    en: 'the row at the checkpoint seq no longer has its hash (earlier rows were rewritten and re-hashed)',
  },
  checkpoint_anchor_mismatch: {
    zh: '办件操作链与检查点不符（检查点之前的办件操作被截断、改写或补记）',
    en: 'the case action chains no longer match the checkpoint (actions before it were truncated, rewritten or back-dated)',
  },
};

/** One thing verification found wrong, with where: a seq, a checkpoint file, a case. */
export const AuditProblem = z.object({
  problem: z.enum(AUDIT_PROBLEMS),
  seq: z.number().int().optional(),
  file: z.string().optional(),
  chain: z.string().optional(),
  entityId: z.string().optional(),
  /** What was expected and found, e.g. the checkpoint's hash and the row's. */
  expected: z.string().optional(),
  found: z.string().optional(),
});
export type AuditProblem = z.infer<typeof AuditProblem>;

/** The anchor of one append-only chain family (e.g. every case's action chain) in a checkpoint. */
export const ChainAnchor = z.object({
  /** Entries stamped at or before this instant are covered (a few minutes before the checkpoint). */
  before: z.string(),
  /** Chains with at least one covered entry (cases). */
  chains: z.number().int().min(0),
  /** Covered entries in all (case actions). */
  entries: z.number().int().min(0),
  /** SM3 over `id ␟ last covered seq ␟ its hash \n` of every chain, in id order. */
  digest: z.string(),
});
export type ChainAnchor = z.infer<typeof ChainAnchor>;

/** A signed checkpoint as stored in its file and downloaded for the archive. */
export const AuditCheckpoint = z.object({
  format: z.literal('onewindow-audit-checkpoint/1'),
  at: z.string(),
  audit: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  chains: z.record(z.string(), ChainAnchor),
  /** The exact UTF-8 text the signature covers (rebuilt from the fields above when checked). */
  message: z.string(),
  /** SM2 signature r ‖ s, hex; `signatureDer` the same as DER, base64, for openssl/gmssl. */
  signature: z.string(),
  signatureDer: z.string(),
  publicKey: z.string(),
  publicKeyPem: z.string(),
  userId: z.string(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/** A checkpoint in the list: its file name and what it anchors. */
export const AuditCheckpointSummary = z.object({
  file: z.string(),
  at: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  chains: z.record(z.string(), ChainAnchor),
});
export type AuditCheckpointSummary = z.infer<typeof AuditCheckpointSummary>;

export const AuditCheckpointList = z.object({
  items: z.array(AuditCheckpointSummary),
  /** The platform's SM2 public key (04 ‖ x ‖ y, hex and PEM) to check the checkpoints with. */
  publicKey: z.string(),
  publicKeyPem: z.string(),
});
export type AuditCheckpointList = z.infer<typeof AuditCheckpointList>;

export const AuditVerifyQuery = z.object({
  checkpoints: z
    .enum(['latest', 'all'])
    .default('latest')
    .describe('检查最新的检查点（latest）或全部（all）'),
});

/** The result of walking the whole chain and checking it against the checkpoints. */
export const AuditVerifyResult = z.object({
  /** True when the chain is intact and no problem was found. */
  ok: z.boolean(),
  /** Rows read before stopping: all of them when intact. */
  rows: z.number().int(),
  firstBad: z
    .object({
      seq: z.number().int(),
      reason: z.enum(AUDIT_BREAK_REASONS),
    })
    .optional(),
  problems: z.array(AuditProblem),
  checkpoints: z.object({
    /** Checkpoint files checked (0: none written yet, so truncation cannot be detected). */
    checked: z.number().int(),
    latest: AuditCheckpointSummary.nullable(),
  }),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

/** The plain chain walk (verify.ts): intact, or where it first breaks. */
export type AuditChainResult = Pick<AuditVerifyResult, 'ok' | 'rows' | 'firstBad'>;

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
