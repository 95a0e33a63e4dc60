import type { FilesTable } from '../db/schema.ts';
import type { AllowedMediaType } from './media-type.ts';

/** What a caller is told about a stored file. */
export interface StoredFileView {
  id: string;
  /** The sanitised display name (never a path). */
  name: string;
  /** Detected from the content, not from the name or the declared type. */
  mediaType: AllowedMediaType;
  size: number;
  /** SM3 of the stored bytes, hex. */
  sm3: string;
  createdAt: string;
}

/** A stored file with whose it is and what it belongs to (for the owning module's checks). */
export interface StoredFileRecord extends StoredFileView {
  owner: { kind: string; id: string };
  related: { purpose: string; id: string } | null;
}

export function fileView(row: FilesTable): StoredFileView {
  return {
    id: row.id,
    name: row.original_name,
    mediaType: row.media_type as AllowedMediaType,
    size: Number(row.size),
    sm3: row.sm3,
    createdAt: row.created_at,
  };
}

export function fileRecord(row: FilesTable): StoredFileRecord {
  return {
    ...fileView(row),
    owner: { kind: row.owner_kind, id: row.owner_id },
    related:
      row.purpose !== null && row.related_id !== null ? { purpose: row.purpose, id: row.related_id } : null,
  };
}
