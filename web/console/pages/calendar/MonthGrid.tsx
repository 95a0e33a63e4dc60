import type { CalendarDayView } from '../../api/calendar.ts';

/** The label under a day's number: the holiday's name, or that it is a make-up working day. */
export interface DayLabels {
  makeup: string;
  weekdays: string[];
  month: string;
  /** A holiday's name as shown (the calendar stores the State Council's Chinese names). */
  holiday(name: string): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One month as a Monday-first grid, each day coloured by its kind (节假日, 调休上班, 周末, 工作日). */
export function MonthGrid({
  year,
  month,
  days,
  today,
  labels,
  onDayClick,
}: {
  year: number;
  month: number;
  days: Map<string, CalendarDayView>;
  today: string;
  labels: DayLabels;
  onDayClick?: (day: CalendarDayView) => void;
}) {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (CalendarDayView | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= count; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    cells.push(days.get(date) ?? { date, workday: true, kind: 'workday', name: null });
  }
  return (
    <div className="ow-month">
      <div className="ow-month-title">{labels.month}</div>
      <div className="ow-month-grid">
        {labels.weekdays.map((w) => (
          <div key={w} className="ow-weekday">
            {w}
          </div>
        ))}
        {cells.map((day, i) =>
          day ? (
            <button
              type="button"
              key={day.date}
              className={`ow-day ow-day-${day.kind}${day.date === today ? ' ow-day-today' : ''}`}
              data-date={day.date}
              data-kind={day.kind}
              title={[
                day.date,
                day.name && labels.holiday(day.name),
                day.kind === 'makeup' ? labels.makeup : null,
              ]
                .filter(Boolean)
                .join(' ')}
              onClick={onDayClick ? () => onDayClick(day) : undefined}
              disabled={!onDayClick}
            >
              <span className="ow-day-num">{Number(day.date.slice(8))}</span>
              <span className="ow-day-label">
                {day.kind === 'holiday' && day.name
                  ? labels.holiday(day.name)
                  : day.kind === 'makeup'
                    ? labels.makeup
                    : ''}
              </span>
            </button>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no other identity
            <div key={`blank-${i}`} />
          ),
        )}
      </div>
    </div>
  );
}
