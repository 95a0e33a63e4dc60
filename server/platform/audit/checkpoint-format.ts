import type { AuditCheckpoint, ChainAnchor } from '../../../contracts/audit.ts';

export const CHECKPOINT_FORMAT = 'onewindow-audit-checkpoint/1';

/** What a checkpoint states, before it is signed. */
export interface CheckpointClaim {
  at: string;
  audit: { seq: number; hash: string };
  chains: Record<string, ChainAnchor>;
}

/**
 * The exact text the SM2 signature covers, one `key: value` line each, chains in name order.
 * Stored in the file as `message` so an archivist can check the signature with openssl or gmssl;
 * OneWindow rebuilds it from the fields, so a field changed in the file breaks the signature.
 */
export function checkpointMessage(claim: CheckpointClaim): string {
  const lines = [
    CHECKPOINT_FORMAT,
    `at: ${claim.at}`,
    `audit.seq: ${claim.audit.seq}`,
    `audit.hash: ${claim.audit.hash}`,
  ];
  for (const name of Object.keys(claim.chains).sort()) {
    const a = claim.chains[name] as ChainAnchor;
    lines.push(
      `${name}.before: ${a.before}`,
      `${name}.chains: ${a.chains}`,
      `${name}.entries: ${a.entries}`,
      `${name}.digest: ${a.digest}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The claim a stored checkpoint makes (the fields the message is rebuilt from). */
export function claimOf(checkpoint: AuditCheckpoint): CheckpointClaim {
  return { at: checkpoint.at, audit: checkpoint.audit, chains: checkpoint.chains };
}

// SubjectPublicKeyInfo of an SM2 key: id-ecPublicKey with the curve sm2p256v1 (1.2.156.10197.1.301).
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

/** The public key (04 ‖ x ‖ y hex) as a PEM SubjectPublicKeyInfo, as openssl and gmssl read it. */
export function publicKeyPem(publicKey: string): string {
  const der = Buffer.from(SM2_SPKI_PREFIX + publicKey, 'hex').toString('base64');
  const lines = der.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** An r ‖ s signature (128 hex) as DER (SEQUENCE of two INTEGERs), base64. */
export function signatureDer(signature: string): string {
  const integer = (hex: string): Buffer => {
    let bytes = Buffer.from(hex, 'hex');
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    bytes = bytes.subarray(start);
    if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(signature.slice(0, 64)), integer(signature.slice(64))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64');
}
