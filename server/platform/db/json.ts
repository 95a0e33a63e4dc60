/**
 * JSON columns are stored as text on both dialects; these two helpers are the way in and out (the
 * case state, written on every action, has its own writer giving the same text: cases/domain/state-json.ts).
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Parses a JSON text column; an empty column gives the fallback. */
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}
