import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditCheckpointList,
  AuditCheckpointSummary,
  AuditLogItem,
  AuditVerifyResult,
} from '../../../contracts/audit.ts';
import type { JobView } from '../../../contracts/jobs.ts';
import type { InboxItem, OutboxItem } from '../../../contracts/notify.ts';
import { http, qs } from '../../ui/api.ts';

export type {
  AuditCheckpointList,
  AuditCheckpointSummary,
  AuditLogItem,
  AuditProblem,
  AuditVerifyResult,
} from '../../../contracts/audit.ts';
export type { JobView } from '../../../contracts/jobs.ts';
export type { InboxItem, OutboxItem } from '../../../contracts/notify.ts';

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

/** One page of the logged-in person's own messages (站内消息), with the unread count. */
export function useInbox(query: Query) {
  return useQuery({
    queryKey: ['inbox', query],
    queryFn: () => http.get<Paged<InboxItem> & { unread: number }>(`/api/notify/inbox${qs(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Marks one of one's own messages read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.post<InboxItem>(`/api/notify/inbox/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inbox'] }),
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

/** Walks the whole hash chain on the server and checks it against the latest signed checkpoint. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => http.get<AuditVerifyResult>('/api/audit/verify') });
}

/** The signed checkpoints, newest first, with the platform's public key. */
export function useAuditCheckpoints() {
  return useQuery({
    queryKey: ['audit-checkpoints'],
    queryFn: () => http.get<AuditCheckpointList>('/api/audit/checkpoints'),
  });
}

/** Writes a signed checkpoint now. */
export function useCreateCheckpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<AuditCheckpointSummary>('/api/audit/checkpoints'),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['audit-checkpoints'] });
      qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Where a checkpoint file is downloaded from (a plain link: the session cookie goes with it). */
export function checkpointDownloadUrl(file: string): string {
  return `/api/audit/checkpoints/${encodeURIComponent(file)}`;
}
