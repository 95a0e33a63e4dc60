import { sm3 } from '../crypto/sm3.ts';
import { type Dialect, lockForWrite, type Tx } from '../db/index.ts';
import { toJson } from '../db/json.ts';
import { prepared } from '../db/prepared.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';

/** What is being recorded: who did what to which entity, with a small JSON detail. */
export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  /** `prefix.verbObject`, e.g. `case.accept`, `org.readStaffPhone`, `auth.login`: see auditFor (context.ts). */
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId?: string | null;
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
/** The advisory lock every audit writer holds until commit (PostgreSQL); checkpoints take it too. */
export const AUDIT_LOCK_KEY = 4242_0001;

/** The canonical text that a row's hash covers: every column but the hash, in a fixed order. */
export function auditRowText(row: Omit<AuditLogTable, 'hash'>): string {
  return [
    row.seq,
    row.at,
    row.actor_id ?? '',
    row.actor_name ?? '',
    row.action,
    row.entity_type,
    row.entity_id ?? '',
    row.org_unit_id ?? '',
    row.detail,
    row.prev_hash,
  ].join('\u001f');
}

/** SM3 hash of a row chained to its predecessor. */
export function auditRowHash(row: Omit<AuditLogTable, 'hash'>): string {
  return sm3(auditRowText(row));
}

// Every change writes a row: its two statements are built once (see platform/db/prepared.ts).
// `seq = max(seq)` rather than ORDER BY … LIMIT 1: both databases answer max() from the key's
// index directly, several times faster than a reverse scan on SQLite.
const selectLast = prepared((db, _p: Record<string, never>) =>
  db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', '=', (eb) => eb.selectFrom('audit_log').select((e) => e.fn.max('seq').as('m'))),
);
const insertRow = prepared((db, p: { row: AuditLogTable }) => db.insertInto('audit_log').values(p.row));

/**
 * Appends one row to the audit log inside the caller's transaction, chained to the previous row
 * with SM3. The caller's change and its audit row commit or roll back together.
 */
export async function writeAudit(trx: Tx, dialect: Dialect, entry: AuditEntry): Promise<void> {
  await lockForWrite(trx, dialect, AUDIT_LOCK_KEY);
  const [last] = (await selectLast(trx, {})).rows;
  const seq = Number(last?.seq ?? 0) + 1;
  // The chain starts at 1: a log whose newest row has seq below 0 was tampered with, and a row
  // below 1 would sit outside what verification walks. Refuse rather than extend it.
  if (seq < 1)
    throw new AppError('AUDIT_CHAIN_BROKEN', { newestSeq: Number(last?.seq), reason: 'seq_below_one' });
  const row = {
    seq,
    at: nowIso(),
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    org_unit_id: entry.orgUnitId ?? null,
    detail: toJson(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await insertRow(trx, { row: { ...row, hash: auditRowHash(row) } });
}
