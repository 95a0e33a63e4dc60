/** The only kinds of file the platform stores: what a citizen's scanned or photographed materials are. */
export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

/** The extension a display name gets when the given one is empty, by detected type. */
export const EXTENSION_OF: Record<AllowedMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const PDF = Buffer.from('%PDF-', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of a file **from its first bytes** (its magic number), never from its name or the type
 * the browser declared: `%PDF-`, FF D8 FF, or the 8-byte PNG signature at offset 0. Anything else
 * (SVG, HTML, scripts, archives, programs, an empty file) is null.
 */
export function detectMediaType(bytes: Buffer): AllowedMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  return null;
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
