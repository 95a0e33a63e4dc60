import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { defaultHouse, type House } from './house.ts';
import { authPlugin } from './platform/auth/plugin.ts';
import type { Platform } from './platform/context.ts';
import { AppError } from './platform/errors.ts';
import { errorBody, handleError, installErrorHandler } from './platform/http/errors.ts';
import { healthRoutes } from './platform/http/health.ts';
import { installJsonBodyParser } from './platform/http/json-body.ts';
import { requestForLog } from './platform/http/log-redaction.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';

export interface AppOptions {
  /** Flipped to ready by main once migrations are applied (tests build a migrated app). */
  readiness?: { ready: boolean };
  /** Log every request (LOG_REQUESTS=1); without it only failures of the server (5xx) are logged. */
  logRequests?: boolean;
  /** Where log lines go (tests read them); standard output by default. */
  logStream?: { write(line: string): void };
  /** The parts whose routes it serves; the default house (platform + MODULES) unless a test mounts more. */
  house?: House;
}

/** Builds the Fastify app: platform plugins first, then every module's routes, then the web app. */
export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Always a logger: a 5xx is logged with its request id even when requests are not.
    logger: {
      level: options.logRequests ? 'info' : 'error',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // No full ID number in any log line, even one a client put in a URL.
      serializers: { req: requestForLog },
    },
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    trustProxy: platform.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: handleError,
  });
  installJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await installSecurityHeaders(app, { publicUrl: platform.config.publicUrl });
  await app.register(fastifyCookie);
  // Per-process counters: behind several processes each keeps its own (see README, scaling out).
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'OneWindow API',
        description: '县级一体化政务服务平台 OneWindow 的 HTTP 接口',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ow_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page brings its own inline scripts: it answers with its own policy, which allows them by hash.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (policy) =>
      policy
        .replace(/ https:| validator\.swagger\.io| upgrade-insecure-requests;/g, '')
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  await app.register(authPlugin, {
    db: platform.db,
    loadActor: platform.loadActor,
    publicUrl: platform.config.publicUrl,
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, platform, options.readiness ?? { ready: true });
  // The platform's routes (log-in, audit, calendar, outbox, jobs), then every module's.
  (options.house ?? defaultHouse).registerRoutes(app, platform);

  await serveWeb(app, platform.config.webDir);
  return app;
}

/** Serves the built web app; unknown non-API paths get index.html so client routes work on reload. */
async function serveWeb(app: FastifyInstance, webDir: string | null): Promise<void> {
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    if (!isApi && req.method === 'GET' && webDir) {
      return reply.type('text/html').sendFile('index.html', webDir);
    }
    return reply
      .status(404)
      .send(errorBody(new AppError('NOT_FOUND', { url: req.url }), req.headers['accept-language']));
  });
}
