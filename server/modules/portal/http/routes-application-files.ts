import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationFileParams,
  ApplicationMaterialParams,
  ApplicationView,
} from '../../../../contracts/portal-applications.ts';
import type { Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  downloadMaterialFile,
  type MaterialUpload,
  removeMaterialFile,
  uploadMaterial,
} from '../applications/materials.ts';
import { requirePortalActor } from './portal-session.ts';

const tags = ['portal'];
const Binary = z.any().describe('文件内容');
/** Room for the multipart framing around a file of the largest size allowed. */
const FRAMING_BYTES = 1024 * 1024;

/**
 * The one file of a multipart body (field `file`). A file over UPLOAD_MAX_FILE_BYTES (read at each
 * request) is FILE_TOO_LARGE before it is all read; anything that is not one file in a valid
 * multipart body is PORTAL_UPLOAD_FILE_MISSING.
 */
async function readOneFile(platform: Platform, req: FastifyRequest): Promise<MaterialUpload> {
  if (!req.isMultipart()) throw new AppError('PORTAL_UPLOAD_FILE_MISSING');
  const maxBytes = platform.config.uploadMaxFileBytes;
  let file: MaterialUpload | null = null;
  try {
    const limits = { fileSize: maxBytes, files: 1, fields: 10, parts: 11 };
    for await (const part of req.parts({ limits })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') file = { bytes, name: part.filename, type: part.mimetype };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxBytes });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('PORTAL_UPLOAD_FILE_MISSING', { reason: 'one file only (field file)' });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
    // A body cut short or without a boundary is the client's: said so, not a 500.
    throw new AppError('PORTAL_UPLOAD_FILE_MISSING', { reason: 'not valid multipart/form-data' });
  }
  if (!file) throw new AppError('PORTAL_UPLOAD_FILE_MISSING');
  return file;
}

/** RFC 5987 `ext-value` characters: percent-encoded UTF-8, with the few encodeURIComponent leaves. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Sends a stored file as a download: its detected type, `attachment` with the name as RFC 5987
 * `filename*` (and a plain-ASCII `filename` for old browsers), and nosniff.
 */
function sendFile(reply: FastifyReply, file: { name: string; mediaType: string; bytes: Buffer }) {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

/** Materials of an online application: upload a file for a material, remove it, download it. */
export function applicationFileRoutes(app: FastifyInstance, platform: Platform): void {
  const config = { portal: true };
  // The upload lives in its own context: only it parses multipart bodies, with its size limit.
  app.register(async (child) => {
    await child.register(fastifyMultipart);
    child.withTypeProvider<ZodTypeProvider>().post(
      '/api/portal/applications/:id/materials/:materialId',
      {
        bodyLimit: platform.config.uploadMaxFileBytes + FRAMING_BYTES,
        schema: {
          operationId: 'uploadPortalApplicationMaterial',
          tags,
          summary: '上传申请材料（multipart：file；PDF、JPEG、PNG，按内容识别类型）',
          consumes: ['multipart/form-data'],
          params: ApplicationMaterialParams,
          response: { 200: ApplicationView },
        },
        config,
      },
      async (req) => {
        const actor = requirePortalActor(req);
        const upload = await readOneFile(platform, req);
        return uploadMaterial(platform, actor, { ...req.params, upload });
      },
    );
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.delete(
    '/api/portal/applications/:id/files/:fileId',
    {
      schema: {
        operationId: 'removePortalApplicationFile',
        tags,
        summary: '删除已上传的申请材料文件（仅草稿）',
        params: ApplicationFileParams,
        response: { 200: ApplicationView },
      },
      config,
    },
    async (req) => removeMaterialFile(platform, requirePortalActor(req), req.params),
  );
  r.get(
    '/api/portal/applications/:id/files/:fileId',
    {
      schema: {
        operationId: 'downloadPortalApplicationFile',
        tags,
        summary: '下载自己申请中的材料文件（每次下载均记入审计）',
        params: ApplicationFileParams,
        response: { 200: Binary },
      },
      config,
    },
    async (req, reply) =>
      sendFile(reply, await downloadMaterialFile(platform, requirePortalActor(req), req.params)),
  );
}
