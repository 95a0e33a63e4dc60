/** Current instant as a UTC ISO string (the only stored timestamp format). */
export function nowIso(): string {
  return new Date().toISOString();
}
