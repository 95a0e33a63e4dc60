import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { CatalogItemParams } from '../../../../contracts/catalog-api.ts';
import {
  ExchangeItemList,
  ExportCatalogQuery,
  GuideDocxQuery,
  IMPORT_MAX_BYTES,
  ImportCatalogOptions,
  ImportCatalogResult,
} from '../../../../contracts/catalog-exchange.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import type { Platform } from '../../../platform/context.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { issueText } from '../../../platform/http/zod-messages.ts';
import { catalogTemplate, exportCatalogExchange, exportCatalogXlsx } from '../exchange/export-items.ts';
import { chosenAnswers, guideDocx } from '../exchange/guide-docx.ts';
import { importCatalogItems } from '../exchange/import-items.ts';
import { getCatalogItem } from '../items/get-catalog-item.ts';

const tags = ['catalog'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const Binary = z.any().describe('文件内容');

/**
 * Sends a file (its content type, name and body) as a download; the name is percent-encoded
 * (RFC 6266) so Chinese names survive.
 */
function download(reply: FastifyReply, file: { type: string; name: string; body: Buffer | string }) {
  const { type, name, body } = file;
  return reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(body);
}

/** The online guide page a QR code and a printed guide point to. */
function guideUrl(platform: Platform, id: string): string {
  return `${platform.config.publicUrl.replace(/\/$/, '')}/guide/${encodeURIComponent(id)}`;
}

/** Reads the multipart upload: the one file (size-limited) and the mode / publish fields, in any order. */
async function readUpload(
  req: FastifyRequest,
): Promise<{ file: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('CATALOG_IMPORT_FILE_MISSING');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (!file) file = { bytes, name: part.filename };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('CATALOG_IMPORT_FILE_TOO_LARGE', {
        limitBytes: IMPORT_MAX_BYTES,
        limit: `${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
      });
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('CATALOG_IMPORT_FILE_MISSING', {
        reason: 'one file and the mode / publish fields only',
      });
    }
    // Anything else the multipart parser throws (no boundary, a body cut short) is a body that is
    // not multipart at all: the client's fault, said so, not a 500.
    const status = (err as { statusCode?: number }).statusCode;
    if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'body',
          message: say(
            '上传内容不是有效的 multipart/form-data（缺少分隔符或内容残缺）',
            'The upload is not valid multipart/form-data (no boundary, or cut short)',
          ),
        },
      ],
    });
  }
  if (!file) throw new AppError('CATALOG_IMPORT_FILE_MISSING');
  return { file: file.bytes, fileName: file.name, fields };
}

/** HTTP wiring of exchange: template, import, exports (.xlsx, GB/T 39046 JSON), guide .docx and QR code. */
export function catalogExchangeRoutes(app: FastifyInstance, platform: Platform): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/catalog/template.xlsx',
    {
      schema: {
        operationId: 'downloadCatalogTemplate',
        tags,
        summary: '下载事项导入模板（.xlsx，GB/T 39046 数据项列名）',
        response: { 200: Binary },
      },
    },
    async (req, reply) =>
      download(reply, {
        type: XLSX,
        name: '政务服务事项导入模板.xlsx',
        body: await catalogTemplate(platform, requireActor(req)),
      }),
  );

  // The upload route lives in its own context: only it parses multipart bodies, with its size limit.
  app.register(async (child) => {
    await child.register(fastifyMultipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 12 },
    });
    child.withTypeProvider<ZodTypeProvider>().post(
      '/api/catalog/import',
      {
        bodyLimit: IMPORT_MAX_BYTES + 1024 * 1024,
        schema: {
          operationId: 'importCatalogItems',
          tags,
          summary: '从 .xlsx 导入事项（multipart：file，mode=all-or-nothing|valid-only，publish=true|false）',
          consumes: ['multipart/form-data'],
          response: { 200: ImportCatalogResult },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const upload = await readUpload(req);
        const options = ImportCatalogOptions.safeParse(upload.fields);
        if (!options.success) {
          throw new AppError('VALIDATION_FAILED', {
            fields: options.error.issues.map((i) => ({
              path: ['body', ...i.path].join('.'),
              message: issueText(i),
            })),
          });
        }
        return importCatalogItems(platform, actor, {
          ...options.data,
          file: upload.file,
          fileName: upload.fileName,
        });
      },
    );
  });

  r.get(
    '/api/catalog/export.xlsx',
    {
      schema: {
        operationId: 'exportCatalogItems',
        tags,
        summary: '按筛选条件导出事项（.xlsx，与导入模板同一格式）',
        querystring: ExportCatalogQuery,
        response: { 200: Binary },
      },
    },
    async (req, reply) => {
      const { file } = await exportCatalogXlsx(platform, requireActor(req), req.query);
      return download(reply, { type: XLSX, name: '政务服务事项.xlsx', body: file });
    },
  );

  r.get(
    '/api/catalog/export.json',
    {
      schema: {
        operationId: 'exportCatalogExchange',
        tags,
        summary: '导出已发布事项的交换数据（JSON，键名为 GB/T 39046 数据项名称，代码取值依附录A）',
        querystring: ExportCatalogQuery,
        response: { 200: ExchangeItemList },
      },
    },
    async (req, reply) => {
      const items = await exportCatalogExchange(platform, requireActor(req), req.query);
      reply.header('content-disposition', `attachment; filename="catalog-gbt39046.json"`);
      return items;
    },
  );

  r.get(
    '/api/catalog/items/:id/guide.docx',
    {
      schema: {
        operationId: 'downloadGuideDocx',
        tags,
        summary: '下载办事指南（.docx，已发布版本；可按所选情形生成）',
        params: CatalogItemParams,
        querystring: GuideDocxQuery,
        response: { 200: Binary },
      },
    },
    async (req, reply) => {
      // Public: the published version only, whoever asks.
      const item = await getCatalogItem(platform.db, null, { itemId: req.params.id, versionId: undefined });
      const answers = chosenAnswers(item.document, req.query.answers);
      const file = await guideDocx(item.document, {
        departmentName: item.departmentName,
        url: guideUrl(platform, item.id),
        answers,
      });
      return download(reply, { type: DOCX, name: `${item.document.name}办事指南.docx`, body: file });
    },
  );

  r.get(
    '/api/catalog/items/:id/qr.svg',
    {
      schema: {
        operationId: 'guideQrCode',
        tags,
        summary: '办事指南二维码（SVG，链接到网上办事指南，供大厅张贴）',
        params: CatalogItemParams,
        response: { 200: Binary },
      },
    },
    async (req, reply) => {
      const item = await getCatalogItem(platform.db, null, { itemId: req.params.id, versionId: undefined });
      const svg = await QRCode.toString(guideUrl(platform, item.id), {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(svg);
    },
  );
}
