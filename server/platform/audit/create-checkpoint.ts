import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditCheckpoint, ChainAnchor } from '../../../contracts/audit.ts';
import type { Actor } from '../access/policy.ts';
import { inTransaction, type Platform } from '../context.ts';
import { DEFAULT_SM2_USER_ID, sm2Sign } from '../crypto/sm2.ts';
import { lockForWrite } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { auditPlatform } from './actions.ts';
import type { AnchoredChain } from './anchored-chain.ts';
import { AUDIT_LOCK_KEY } from './audit.ts';
import { CHAIN_SETTLE_MS, checkpointDir } from './checkpoint.ts';
import { CHECKPOINT_FORMAT, checkpointMessage, publicKeyPem, signatureDer } from './checkpoint-format.ts';
import { platformSigningKey } from './signing-key.ts';
import { verifyAudit } from './verify-anchored.ts';

/** What a checkpoint covers: every chain family the house has (`chains`), as of `now` (the current time by default). */
export interface CreateCheckpointInput {
  chains: readonly AnchoredChain[];
  now?: string;
}

/**
 * Writes a signed checkpoint (by `actor`, or null for the job and the command line): the newest audit row's seq and hash (read under the audit writers'
 * lock, so no row is half-written), the anchor of every chain family, and the time, signed with the
 * platform's SM2 key, as a new file (0600, never overwritten) in AUDIT_CHECKPOINT_DIR (0700). The
 * checkpoint itself is audited (`audit.checkpoint`, anchored by the next one). It is refused
 * (`AUDIT_CHECKPOINT_REFUSED`) when the log does not verify — a broken chain, or one that no
 * longer agrees with the last signed checkpoint: signing it would vouch for the damage.
 */
export async function createCheckpoint(
  platform: Platform,
  actor: Actor | null,
  { chains, now = nowIso() }: CreateCheckpointInput,
): Promise<{ file: string; checkpoint: AuditCheckpoint }> {
  // A checkpoint vouches for the log as it is: never sign one that no longer agrees with the last
  // signed checkpoint (rows rewritten and re-hashed, truncated, case actions back-dated) or whose
  // chains are broken, or the next verification would take the forgery for the truth.
  const verified = await verifyAudit(platform, chains, { checkpoints: 'latest' });
  if (!verified.ok) {
    throw new AppError('AUDIT_CHECKPOINT_REFUSED', {
      firstBad: verified.firstBad ?? null,
      problems: verified.problems.map((p) => p.problem),
    });
  }
  const key = platformSigningKey(platform.config);
  const before = new Date(Date.parse(now) - CHAIN_SETTLE_MS).toISOString();
  const anchors: Record<string, ChainAnchor> = {};
  for (const chain of chains) {
    const walked = await chain.walk(platform.db, before);
    if (walked.broken) {
      throw new AppError('AUDIT_CHAIN_BROKEN', { chain: chain.name, ...walked.broken });
    }
    anchors[chain.name] = walked.anchor;
  }
  const dir = checkpointDir(platform);
  return inTransaction(platform, async (trx) => {
    await lockForWrite(trx, platform.dialect, AUDIT_LOCK_KEY);
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const claim = {
      at: now,
      audit: { seq: Number(last?.seq ?? 0), hash: last?.hash ?? '' },
      chains: anchors,
    };
    const message = checkpointMessage(claim);
    const signature = sm2Sign(message, key.privateKey, { publicKey: key.publicKey });
    const checkpoint: AuditCheckpoint = {
      format: CHECKPOINT_FORMAT,
      ...claim,
      message,
      signature,
      signatureDer: signatureDer(signature),
      publicKey: key.publicKey,
      publicKeyPem: publicKeyPem(key.publicKey),
      userId: DEFAULT_SM2_USER_ID,
    };
    const file = `checkpoint-${now.replace(/[-:.]/g, '')}-seq-${claim.audit.seq}.json`;
    // Written before the commit: should the commit fail, the file still anchors rows that were committed.
    try {
      writeFileSync(path.join(dir, file), `${JSON.stringify(checkpoint, null, 2)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (err) {
      throw new AppError('AUDIT_CHECKPOINT_DIR_UNUSABLE', { dir, reason: (err as Error).message });
    }
    await auditPlatform(platform, trx, {
      actor,
      action: 'audit.writeCheckpoint',
      entityType: 'audit_checkpoint',
      entityId: file,
      detail: { seq: claim.audit.seq, hash: claim.audit.hash },
    });
    return { file, checkpoint };
  });
}
