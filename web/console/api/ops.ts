import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditLogItem, AuditVerifyResult } from '../../../contracts/audit.ts';
import type { JobView } from '../../../contracts/jobs.ts';
import type { OutboxItem } from '../../../contracts/notify.ts';
import { http, qs } from '../../ui/api.ts';

export type { AuditLogItem, AuditVerifyResult } from '../../../contracts/audit.ts';
export type { JobView } from '../../../contracts/jobs.ts';
export type { OutboxItem } from '../../../contracts/notify.ts';

type Paged<T> = { items: T[]; total: number };
type Query = Record<string, string | number | undefined>;

/** One page of the SMS outbox. */
export function useOutbox(query: Query) {
  return useQuery({
    queryKey: ['outbox', query],
    queryFn: () => http.get<Paged<OutboxItem>>(`/api/notify/outbox${qs({ channel: 'sms', ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** Queues a test SMS to a phone (the outbox shows it once queued). */
export function useTestSms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => http.post<unknown>('/api/notify/test-sms', { phone }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox'] }),
  });
}

/** One page of the job queue. */
export function useJobs(query: Query) {
  return useQuery({
    queryKey: ['jobs', query],
    queryFn: () => http.get<Paged<JobView>>(`/api/jobs${qs(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Runs a dead job again. */
export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.post<JobView>(`/api/jobs/${encodeURIComponent(id)}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
}

/** One page of the audit log, newest first. */
export function useAuditLog(query: Query) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => http.get<Paged<AuditLogItem>>(`/api/audit${qs(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole hash chain on the server. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => http.get<AuditVerifyResult>('/api/audit/verify') });
}
