import { sm2 } from 'sm-crypto-v2';

/**
 * SM2 signatures (GB/T 32918) for results and licences. Signing always hashes the message the way
 * the standard says: e = SM3(Z_A ‖ M), where Z_A binds the signer's user ID and public key. Node's own
 * SM2 does not do this, hence sm-crypto-v2. Keys and signatures are lowercase hex: private key 64
 * characters, public key 130 (`04 ‖ x ‖ y`), signature 128 (`r ‖ s`).
 */

/** The user ID the standards use when the parties agree on none (GM/T 0009). */
export const DEFAULT_SM2_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

export interface Sm2Options {
  /** The signer's distinguishing ID in Z_A; both sides must use the same one. */
  userId?: string;
}

const HEX_64 = /^[0-9a-f]{64}$/;
const PUBLIC_KEY = /^04[0-9a-f]{128}$/;
const SIGNATURE = /^[0-9a-f]{128}$/;

/** Makes a fresh key pair from the platform's secure random source. */
export function generateSm2KeyPair(): Sm2KeyPair {
  const pair = sm2.generateKeyPairHex();
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** The public key (`04 ‖ x ‖ y`) that belongs to a private key. */
export function sm2PublicKeyOf(privateKey: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex(privateKey));
}

/** The digest e = SM3(Z_A ‖ M) that an SM2 signature covers, as hex (for checks against the standard). */
export function sm2Digest(message: string | Uint8Array, publicKey: string, options: Sm2Options = {}): string {
  const msgHex = typeof message === 'string' ? Buffer.from(message, 'utf8').toString('hex') : toHex(message);
  return sm2.getHash(msgHex, publicKeyHex(publicKey), options.userId ?? DEFAULT_SM2_USER_ID);
}

/** Signs a message (text is UTF-8) and returns `r ‖ s` as 128 hex characters. */
export function sm2Sign(
  message: string | Uint8Array,
  privateKey: string,
  options: Sm2Options & { publicKey?: string } = {},
): string {
  const key = privateKeyHex(privateKey);
  return sm2.doSignature(message, key, {
    hash: true,
    userId: options.userId ?? DEFAULT_SM2_USER_ID,
    // Passing the public key saves deriving it again inside the library.
    publicKey: options.publicKey ? publicKeyHex(options.publicKey) : sm2.getPublicKeyFromPrivateKey(key),
  });
}

/** Who signed, as a verifier names them: the public key (`04 ‖ x ‖ y` hex) and the user ID in Z_A. */
export type Sm2Signer = Sm2Options & { publicKey: string };

/** True when `signature` (`r ‖ s` hex) is a valid SM2 signature of the message by the signer's public key. */
export function sm2Verify(
  message: string | Uint8Array,
  signature: string,
  { publicKey, userId }: Sm2Signer,
): boolean {
  const sig = signature.toLowerCase();
  const pub = publicKey.toLowerCase();
  // Malformed input is an invalid signature, not a crash: callers verify data from outside.
  if (!SIGNATURE.test(sig) || !PUBLIC_KEY.test(pub)) return false;
  try {
    // verifyPublicKey throws rather than returning false for a point off the curve.
    if (!sm2.verifyPublicKey(pub)) return false;
    return sm2.doVerifySignature(message, sig, pub, {
      hash: true,
      userId: userId ?? DEFAULT_SM2_USER_ID,
    });
  } catch {
    return false;
  }
}

function privateKeyHex(value: string): string {
  const key = value.toLowerCase();
  if (!HEX_64.test(key)) throw new Error('SM2 private key must be 64 hex characters');
  return key;
}

function publicKeyHex(value: string): string {
  const key = value.toLowerCase();
  if (!PUBLIC_KEY.test(key)) throw new Error('SM2 public key must be 04 followed by 128 hex characters');
  return key;
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
