import type { AuditProblem, AuditVerifyResult, ChainAnchor } from '../../../contracts/audit.ts';
import type { Platform } from '../context.ts';
import { sm2Verify } from '../crypto/sm2.ts';
import type { AnchoredChain, ChainWalk } from './anchored-chain.ts';
import { checkpointFiles, readCheckpoint, summaryOf } from './checkpoint.ts';
import { checkpointMessage, claimOf } from './checkpoint-format.ts';
import { existingPublicKey } from './signing-key.ts';
import { verifyAuditChain } from './verify.ts';

/**
 * The whole check behind `verify-audit` and `GET /api/audit/verify`: the SM3 chain of the audit
 * log, rows outside it (seq below 1), every chain family (each case's actions), and the latest
 * signed checkpoint (or all of them): its signature by the platform's key, the row at its seq still
 * there with its hash, and the chain families still giving its anchors. Reads only.
 */
export async function verifyAudit(
  platform: Platform,
  chains: readonly AnchoredChain[],
  options: { checkpoints?: 'latest' | 'all' } = {},
): Promise<AuditVerifyResult> {
  const { db } = platform;
  const chain = await verifyAuditChain(db);
  const problems: AuditProblem[] = [];

  const outside = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '<', 1)
    .orderBy('seq')
    .execute();
  for (const row of outside) problems.push({ problem: 'seq_below_one', seq: Number(row.seq) });

  // One walk per distinct `before` (checkpoints taken at different times cover different entries).
  const walks = new Map<string, ChainWalk>();
  const walk = async (family: AnchoredChain, before: string): Promise<ChainWalk> => {
    const key = `${family.name}\u001f${before}`;
    const known = walks.get(key);
    if (known) return known;
    const fresh = await family.walk(db, before);
    walks.set(key, fresh);
    return fresh;
  };
  for (const family of chains) {
    const { broken } = await walk(family, new Date().toISOString());
    if (broken) {
      problems.push({
        problem: 'case_chain_broken',
        chain: family.name,
        entityId: broken.id,
        seq: broken.seq,
      });
    }
  }

  const dir = platform.config.auditCheckpointDir;
  const files = checkpointFiles(dir);
  const toCheck = options.checkpoints === 'all' ? files : files.slice(-1);
  // Verification never makes a key: without one, no checkpoint can be the platform's.
  const publicKey = toCheck.length ? existingPublicKey(platform.config) : null;
  let latest: AuditVerifyResult['checkpoints']['latest'] = null;
  for (const file of toCheck) {
    const checkpoint = readCheckpoint(dir, file);
    if (!checkpoint) {
      problems.push({ problem: 'checkpoint_unreadable', file });
      continue;
    }
    if (file === files.at(-1)) latest = summaryOf(file, checkpoint);
    const signed =
      publicKey !== null &&
      checkpoint.publicKey.toLowerCase() === publicKey &&
      sm2Verify(checkpointMessage(claimOf(checkpoint)), checkpoint.signature, { publicKey });
    if (!signed) {
      // Nothing an unsigned file claims can be trusted, so nothing more is compared with it.
      problems.push({ problem: 'checkpoint_signature', file });
      continue;
    }
    const { seq, hash } = checkpoint.audit;
    if (seq > 0) {
      const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
      if (!row) problems.push({ problem: 'checkpoint_truncated', file, seq, expected: hash });
      else if (row.hash !== hash) {
        problems.push({ problem: 'checkpoint_rewritten', file, seq, expected: hash, found: row.hash });
      }
    }
    for (const family of chains) {
      const anchored = checkpoint.chains[family.name];
      if (!anchored) continue;
      const now = (await walk(family, anchored.before)).anchor;
      if (!sameAnchor(anchored, now)) {
        problems.push({
          problem: 'checkpoint_anchor_mismatch',
          file,
          chain: family.name,
          expected: describe(anchored),
          found: describe(now),
        });
      }
    }
  }
  return {
    ...chain,
    ok: chain.ok && problems.length === 0,
    problems,
    checkpoints: { checked: toCheck.length, latest },
  };
}

function sameAnchor(a: ChainAnchor, b: ChainAnchor): boolean {
  return a.chains === b.chains && a.entries === b.entries && a.digest === b.digest;
}

function describe(a: ChainAnchor): string {
  return `${a.chains} chains, ${a.entries} entries, digest ${a.digest}`;
}
