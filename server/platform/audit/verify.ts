import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import type { AuditBreakReason, AuditChainResult } from '../../../contracts/audit.ts';
import type { Executor } from '../db/index.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { auditRowHash, GENESIS_HASH } from './audit.ts';

/** Rows read per query: big enough to be quick, small enough to keep memory flat on any log size. */
const PAGE_SIZE = 2000;

/**
 * Walks the whole audit log in seq order, a page at a time (keyset paging on the primary key, so
 * memory stays flat and each page is an index range scan), and reports the first row that breaks
 * the chain. Per row, in this order:
 * - `gap`: seq is not the previous seq + 1 (the first row must be 1) — a row was deleted; the
 *   reported seq is the first missing one.
 * - `prev_mismatch`: prev_hash is not the previous row's hash (the genesis hash for row 1) — a row
 *   was inserted or moved.
 * - `hash_mismatch`: the row's SM3 hash does not cover its own content — the row was altered.
 */
export async function verifyAuditChain(db: Executor, pageSize = PAGE_SIZE): Promise<AuditChainResult> {
  let rows = 0;
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page: AuditLogTable[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prevSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const stored of page) {
      const row = { ...stored, seq: Number(stored.seq) };
      const reason = checkRow(row, prevSeq, prevHash);
      if (reason) {
        return { ok: false, rows, firstBad: { seq: reason === 'gap' ? prevSeq + 1 : row.seq, reason } };
      }
      rows += 1;
      prevSeq = row.seq;
      prevHash = row.hash;
    }
    if (page.length < pageSize) return { ok: true, rows };
    // SQLite queries are synchronous: give the event loop a turn so requests keep being served.
    await setImmediatePromise();
  }
}

/** The reason a row breaks the chain after (prevSeq, prevHash), or null when it links correctly. */
function checkRow(row: AuditLogTable, prevSeq: number, prevHash: string): AuditBreakReason | null {
  if (row.seq !== prevSeq + 1) return 'gap';
  if (row.prev_hash !== prevHash) return 'prev_mismatch';
  const { hash, ...content } = row;
  if (auditRowHash(content) !== hash) return 'hash_mismatch';
  return null;
}
