/** The import upload (multipart, which the JSON client does not send) and the export addresses. */
import type { ImportCatalogResultView, ImportMode } from '../../../../contracts/catalog-exchange.ts';
import { ApiError, qs } from '../../../ui/api.ts';

export type { ImportCatalogResultView, ImportRowErrorView } from '../../../../contracts/catalog-exchange.ts';

/** Filters of an export, as the console list has them. */
export interface ExportFilters {
  q?: string;
  type?: string;
  status?: string;
  department?: string;
}

/** Uploads a workbook; failures are thrown as ApiError like every other call (with details.errors for files). */
export async function uploadCatalog(
  file: File,
  options: { mode: ImportMode; publish: boolean; csrfToken: string; lang: string },
): Promise<ImportCatalogResultView> {
  const form = new FormData();
  form.append('mode', options.mode);
  form.append('publish', String(options.publish));
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch('/api/catalog/import', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {
        'X-CSRF-Token': options.csrfToken,
        'Accept-Language': options.lang,
        Accept: 'application/json',
      },
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: options.lang === 'en-US' ? 'Network failure' : '网络连接失败，请稍后重试',
    });
  }
  const body = (await res.json().catch(() => undefined)) as
    | ImportCatalogResultView
    | { error?: { code: string; message: string; details?: unknown } }
    | undefined;
  if (!res.ok) {
    const err = (body as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
    throw new ApiError({
      status: res.status,
      code: err?.code ?? `HTTP_${res.status}`,
      message: err?.message ?? res.statusText,
      details: err?.details,
    });
  }
  return body as ImportCatalogResultView;
}

/** The address of an export of the filtered list. */
export function exportUrl(format: 'xlsx' | 'json', filters: ExportFilters): string {
  return `/api/catalog/export.${format}${qs({ ...filters })}`;
}
