import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * SM4 field encryption (GB/T 32907) for personal data at rest: SM4-CBC with a random IV per value,
 * stored as `sm4:<iv hex>:<ciphertext hex>`. A field cipher is made once from the configured key.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** Makes the field cipher for a 16-byte key. */
export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 16) throw new Error('SM4 key must be 16 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `sm4:${iv.toString('hex')}:${body.toString('hex')}`;
    },
    decrypt(stored) {
      const [tag, ivHex, bodyHex] = stored.split(':');
      if (tag !== 'sm4' || !ivHex || !bodyHex) throw new Error('not an SM4 field value');
      const decipher = createDecipheriv('sm4-cbc', key, Buffer.from(ivHex, 'hex'));
      return Buffer.concat([decipher.update(Buffer.from(bodyHex, 'hex')), decipher.final()]).toString('utf8');
    },
  };
}
