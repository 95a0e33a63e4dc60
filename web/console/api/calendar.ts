import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarDayView,
  PublishCalendarYearInput,
  UpdateCalendarDayInput,
} from '../../../contracts/calendar.ts';
import { http, qs } from '../../ui/api.ts';

export type { CalendarDayKind, CalendarDayView } from '../../../contracts/calendar.ts';

export interface CalendarYearSummary {
  year: number;
  source: string;
  publishedAt: string;
  holidayDays: number;
  makeupDays: number;
}

/** The years the calendar holds (published by the State Council and entered or seeded). */
export function useCalendarYears() {
  return useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => http.get<{ items: CalendarYearSummary[] }>('/api/calendar/years'),
    select: (d) => [...d.items].sort((a, b) => a.year - b.year),
  });
}

/** Every day of one year with its kind and holiday name. */
export function useCalendarYear(year: number | undefined) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    enabled: year !== undefined,
    queryFn: () => http.get<{ year: number; days: CalendarDayView[] }>(`/api/calendar/years/${year}`),
  });
}

/** Publish a new year; change one day. Both reload the calendar. */
export function useCalendarMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['calendar'] });
  return {
    publish: useMutation({
      mutationFn: (body: PublishCalendarYearInput) => http.post<unknown>('/api/calendar/years', body),
      onSuccess,
    }),
    updateDay: useMutation({
      mutationFn: ({ date, body }: { date: string; body: UpdateCalendarDayInput }) =>
        http.put<unknown>(`/api/calendar/days/${date}`, body),
      onSuccess,
    }),
  };
}

/** The date `n` working days after `from`. */
export function addWorkdays(from: string, n: number) {
  return http.get<{ from: string; n: number; date: string }>(`/api/calendar/workdays/add${qs({ from, n })}`);
}
