import { type AllowedMediaType, EXTENSION_OF } from './media-type.ts';

const MAX_NAME_LENGTH = 120;

/**
 * The name shown for an upload, made from the name the browser sent. It is for display only: the
 * stored bytes are found by the file's id, never by this name. What remains is the last segment
 * after any `/` or `\` (a browser may send `C:\Users\…\证明.pdf`; `../../etc/passwd` becomes
 * `passwd`), without control or format characters (a right-to-left override can make `gpj.exe`
 * read as `exe.jpg`), trimmed, at most 120 characters with the extension kept. An empty or all-dots
 * result becomes `file.pdf` / `file.jpg` / `file.png` by the detected type.
 */
export function displayName(given: string, type: AllowedMediaType): string {
  const lastSegment = given.split(/[/\\]/).pop() ?? '';
  const clean = lastSegment.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '').trim();
  if (/^\.*$/.test(clean)) return `file.${EXTENSION_OF[type]}`;
  const chars = [...clean];
  if (chars.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? [...clean.slice(dot)] : [];
  if (extension.length === 0 || extension.length > 10) return chars.slice(0, MAX_NAME_LENGTH).join('');
  return chars.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension.join('');
}
