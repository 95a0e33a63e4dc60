import type { FastifyRequest } from 'fastify';
import { maskIdNumber } from '../crypto/mask.ts';

/**
 * What may be an ID number standing alone in a text: an 18-character one (17 digits and a check
 * digit or X), an old 15-digit one, or a part of one typed into a search (15 to 17 digits, with or
 * without its check character): a 17-digit prefix names the person as well as the whole number.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{15,17}[\dXx]?(?![0-9A-Za-z])/g;

/** A text with every ID number in it masked (`2203**********1234`): what a log line may carry. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(ID_NUMBER, (id) =>
    id.length === 18
      ? maskIdNumber(id.toUpperCase())
      : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`,
  );
}

/**
 * The request as every log line (request logging and the 5xx log) describes it: Fastify's own
 * fields, with any ID number in the URL masked. A client may still put one there (the case list
 * refuses it, issue 9 #12); the log does not keep it.
 */
export function requestForLog(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: maskIdNumbersIn(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
