import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AuditCheckpoint, type AuditCheckpointSummary } from '../../../contracts/audit.ts';
import type { Platform } from '../context.ts';
import { AppError } from '../errors.ts';

/**
 * Chain entries stamped in the last few minutes before a checkpoint are left to the next one: a
 * case action takes its time at the start of its transaction and may commit a moment later, so only
 * entries older than this are sure to be committed when the checkpoint reads them (it also absorbs
 * small clock differences between processes).
 */
export const CHAIN_SETTLE_MS = 5 * 60_000;

/** checkpoint-20261207T054100123Z-seq-123.json: sorts by time; nothing else is served from the directory. */
export const CHECKPOINT_FILE = /^checkpoint-\d{8}T\d{9}Z-seq-\d+\.json$/;

/** The checkpoint directory, created 0700 (and put back to 0700) when needed. */
export function checkpointDir(platform: Platform): string {
  const dir = platform.config.auditCheckpointDir;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  } catch (err) {
    throw new AppError('AUDIT_CHECKPOINT_DIR_UNUSABLE', { dir, reason: (err as Error).message });
  }
  return dir;
}

/** The checkpoint files, oldest first (a missing directory: none yet). */
export function checkpointFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => CHECKPOINT_FILE.test(f))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** One checkpoint file, parsed; null when it is not a readable checkpoint. */
export function readCheckpoint(dir: string, file: string): AuditCheckpoint | null {
  if (!CHECKPOINT_FILE.test(file)) return null;
  try {
    const parsed = AuditCheckpoint.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The raw text of a checkpoint file for download; 404 for any other name. */
export function checkpointText(dir: string, file: string): string {
  if (!CHECKPOINT_FILE.test(file) || !checkpointFiles(dir).includes(file)) {
    throw new AppError('AUDIT_CHECKPOINT_NOT_FOUND', { file });
  }
  return readFileSync(path.join(dir, file), 'utf8');
}

export function summaryOf(file: string, c: AuditCheckpoint): AuditCheckpointSummary {
  return { file, at: c.at, seq: c.audit.seq, hash: c.audit.hash, chains: c.chains };
}

/** Every readable checkpoint, newest first. */
export function listCheckpoints(dir: string): AuditCheckpointSummary[] {
  const items: AuditCheckpointSummary[] = [];
  for (const file of checkpointFiles(dir).reverse()) {
    const c = readCheckpoint(dir, file);
    if (c) items.push(summaryOf(file, c));
  }
  return items;
}
