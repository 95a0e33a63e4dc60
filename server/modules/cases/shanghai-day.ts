/**
 * The Asia/Shanghai date (YYYY-MM-DD) of a UTC ISO instant. China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for every date a case carries, and it costs a
 * fraction of Intl.DateTimeFormat, which the fold and the clock would otherwise call per action.
 * A test checks it against platform/time.ts's shanghaiDateOf.
 */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
