/** Current instant as a UTC ISO string (the only stored timestamp format). */
export function nowIso(): string {
  return new Date().toISOString();
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant: business rules count in these dates. */
export function shanghaiDateOf(instant: string | Date): string {
  return shanghaiDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}
