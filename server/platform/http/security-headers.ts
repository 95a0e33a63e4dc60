import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every answer (`@fastify/helmet`), with the Content-Security-Policy the
 * console and the portal run under: scripts only from this origin (the built app has no inline
 * script), styles from this origin and inline (antd writes its CSS-in-JS into <style> elements at
 * run time; a nonce would need index.html rendered per request, and injected styles cannot run
 * code), images from this origin and data: URLs (QR codes), connections only to this origin, no
 * plug-ins, no framing by anyone. HSTS is sent on answers that came over TLS (directly, or
 * through a proxy named in TRUST_PROXY), and on every answer when PUBLIC_URL is https: — the
 * operator has said users reach it over TLS, so a TLS-terminating proxy that is not in TRUST_PROXY
 * still passes HSTS on (browsers ignore the header over plain HTTP). A plain-HTTP install on a LAN
 * (PUBLIC_URL http:) is never locked out.
 * Every /api answer is `Cache-Control: no-store`: most carry personal data or a user's own view,
 * and a shared computer's cache or a proxy must keep none of them.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  options: { publicUrl: string },
): Promise<void> {
  const publicOverTls = options.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Helmet's default HSTS would also go out over plain HTTP; it is sent below, over TLS only.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (publicOverTls || req.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
}

/** The one script of a printable notice page: its 打印 button. */
export const PRINT_BUTTON_SCRIPT =
  "document.getElementById('print').addEventListener('click',function(){window.print()});";

/**
 * The policy of a printable page the server renders itself (notices): nothing but its own inline
 * styles, its QR code and the one print script above (by hash); the console may frame it.
 */
export const PRINTABLE_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  `script-src 'sha256-${createHash('sha256').update(PRINT_BUTTON_SCRIPT).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');
