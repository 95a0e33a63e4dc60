/**
 * The Asia/Shanghai date (YYYY-MM-DD) of a UTC ISO instant. China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for every date a case carries, and it costs a
 * fraction of Intl.DateTimeFormat, which the fold and the clock would otherwise call per action.
 * A test checks it against platform/time.ts's shanghaiDateOf.
 */
export function shanghaiDay(iso: string): string {
  // The instants we store are Date#toISOString's (YYYY-MM-DDTHH:mm:ss.sssZ): before 16:00 UTC the
  // Shanghai date is the UTC date, from 16:00 the next one. Each UTC date's next day is worked
  // out once; anything else goes through Date.
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */) {
    const utcDay = iso.slice(0, 10);
    const hour = (iso.charCodeAt(11) - 48) * 10 + (iso.charCodeAt(12) - 48);
    if (hour < 16) return utcDay;
    let next = nextDays.get(utcDay);
    if (next === undefined) {
      if (nextDays.size >= 4096) nextDays.clear();
      next = viaDate(iso);
      nextDays.set(utcDay, next);
    }
    return next;
  }
  return viaDate(iso);
}

const nextDays = new Map<string, string>();

function viaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
