import type { FastifyRequest } from 'fastify';
import { maskIdNumber } from '../crypto/mask.ts';

/** An 18-character ID number (17 digits and a check digit or X) standing alone in a text. */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** A text with every ID number in it masked (`2203**********1234`): what a log line may carry. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id.toUpperCase()));
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
