import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { generateSm2KeyPair, type Sm2KeyPair, sm2PublicKeyOf } from '../crypto/sm2.ts';
import { AppError } from '../errors.ts';

/**
 * The platform's own SM2 key pair, which signs the audit checkpoints: ONEWINDOW_SIGNING_KEY when
 * set (required in practice when several processes or hosts must sign with one key), otherwise
 * DATA_DIR/signing.key, generated (0600) the first time it is needed and kept from then on.
 */
export function platformSigningKey(config: Pick<Config, 'signingKey' | 'dataDir'>): Sm2KeyPair {
  const privateKey = config.signingKey ?? keyFromFile(path.join(config.dataDir, 'signing.key'));
  return { privateKey, publicKey: sm2PublicKeyOf(privateKey) };
}

/** The platform's public key without making a key: null when none is set or stored (verification only reads). */
export function existingPublicKey(config: Pick<Config, 'signingKey' | 'dataDir'>): string | null {
  if (config.signingKey) return sm2PublicKeyOf(config.signingKey);
  return existsSync(path.join(config.dataDir, 'signing.key')) ? platformSigningKey(config).publicKey : null;
}

function keyFromFile(file: string): string {
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(key)) {
      throw new AppError('CONFIG_INVALID', {
        field: file,
        expected: '64 hex characters (an SM2 private key)',
      });
    }
    return key;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateSm2KeyPair();
  // 'wx': two processes starting at once cannot both write; the loser reads the winner's key.
  try {
    writeFileSync(file, privateKey, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return keyFromFile(file);
    throw err;
  }
  return privateKey;
}
