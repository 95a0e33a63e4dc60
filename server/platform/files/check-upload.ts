import { AppError } from '../errors.ts';
import { checkImage } from './image-check.ts';
import { type AllowedMediaType, detectMediaType } from './media-type.ts';
import { checkPdf } from './pdf-check.ts';

/**
 * What an upload is, from its bytes alone, or the refusal: FILE_EMPTY, FILE_TYPE_NOT_ALLOWED
 * (not a PDF, JPEG or PNG by its first bytes, whatever the name or declared type says),
 * FILE_UNSAFE_CONTENT (see image-check.ts and pdf-check.ts). Sizes are checked by the caller.
 */
export function checkUpload(bytes: Buffer, declaredType: string | undefined): AllowedMediaType {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  const type = detectMediaType(bytes);
  if (type === null) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', {
      allowed: ['PDF', 'JPG', 'PNG'],
      ...(declaredType ? { declaredType } : {}),
    });
  }
  const finding = type === 'application/pdf' ? checkPdf(bytes) : checkImage(bytes, type);
  if (finding) throw new AppError('FILE_UNSAFE_CONTENT', { mediaType: type, ...finding });
  return type;
}
