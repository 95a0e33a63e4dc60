/**
 * The one Asia/Shanghai date helper of the house (server, web, contracts): business rules count in
 * these dates. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact
 * for every date we handle, and it costs a fraction of Intl.DateTimeFormat, which the case fold
 * and clock would otherwise call per action. A test checks it against Intl.
 */

/** The Asia/Shanghai date (YYYY-MM-DD) of an instant (a UTC ISO string or a Date). */
export function shanghaiDay(instant: string | Date): string {
  const iso = typeof instant === 'string' ? instant : instant.toISOString();
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

/** Today's date in Asia/Shanghai (YYYY-MM-DD). */
export function shanghaiToday(): string {
  return shanghaiDay(new Date());
}

/** The Asia/Shanghai date and minute of an instant, `YYYY-MM-DD HH:mm`, for messages people read. */
export function shanghaiMinute(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
