import { createHash, createHmac } from 'node:crypto';

/** SM3 digest (GB/T 32905) of a string or bytes, as lowercase hex. */
export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 with a key, as lowercase hex. */
export function hmacSm3(key: Buffer, data: string | Buffer): string {
  return createHmac('sm3', key).update(data).digest('hex');
}
