import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgUnitInput,
  CreateStaffInput,
  CreateWindowInput,
  ListStaffInput,
  OrgUnitView,
  StaffView,
  UpdateOrgUnitInput,
  UpdateStaffInput,
  UpdateWindowInput,
  WindowView,
} from '../../../contracts/org.ts';
import { ApiError, http, qs } from '../../ui/api.ts';

/**
 * A change decided on a revision someone else has since moved (409 ORG_STALE_VERSION): its message
 * asks to reload, and the lists reload at once so the next attempt starts from what is stored now.
 */
function reloadWhenStale(qc: ReturnType<typeof useQueryClient>) {
  return (err: unknown) => {
    if (isStaleOrg(err)) void qc.invalidateQueries({ queryKey: ['org'] });
  };
}

/** True for 409 ORG_STALE_VERSION: the form was filled from a revision someone else has moved. */
export function isStaleOrg(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'ORG_STALE_VERSION';
}

export type { OrgUnitView, StaffView, WindowView } from '../../../contracts/org.ts';

/** Every org unit the user may see, flat (the tree is built on the page). */
export function useOrgUnits(enabled = true) {
  return useQuery({
    queryKey: ['org', 'units'],
    queryFn: () => http.get<{ items: OrgUnitView[] }>('/api/org/units'),
    select: (d) => d.items,
    enabled,
  });
}

/** Creates, updates or deletes an org unit, then reloads the tree. */
export function useOrgUnitMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['org'] });
  return {
    create: useMutation({
      mutationFn: (body: CreateOrgUnitInput) => http.post<OrgUnitView>('/api/org/units', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateOrgUnitInput }) =>
        http.patch<OrgUnitView>(`/api/org/units/${encodeURIComponent(id)}`, body),
      onSuccess,
      onError: reloadWhenStale(qc),
    }),
    remove: useMutation({
      mutationFn: (id: string) => http.del<unknown>(`/api/org/units/${encodeURIComponent(id)}`),
      onSuccess,
    }),
  };
}

/** Windows of one service centre (all the user may see when none is given). */
export function useWindows(serviceCentreId: string | undefined) {
  return useQuery({
    queryKey: ['org', 'windows', serviceCentreId ?? ''],
    queryFn: () => http.get<{ items: WindowView[] }>(`/api/org/windows${qs({ serviceCentreId })}`),
    select: (d) => d.items,
  });
}

/** Creates or updates a window. */
export function useWindowMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['org', 'windows'] });
  return {
    create: useMutation({
      mutationFn: (body: CreateWindowInput) => http.post<WindowView>('/api/org/windows', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateWindowInput }) =>
        http.patch<WindowView>(`/api/org/windows/${encodeURIComponent(id)}`, body),
      onSuccess,
      onError: reloadWhenStale(qc),
    }),
  };
}

export type StaffQuery = Partial<Pick<ListStaffInput, 'orgUnitId' | 'q' | 'role' | 'active'>> & {
  page: number;
  pageSize: number;
};

/** One page of staff, filtered; the previous page stays on screen while the next one loads. */
export function useStaffList(query: StaffQuery) {
  return useQuery({
    queryKey: ['org', 'staff', query],
    queryFn: () => http.get<{ items: StaffView[]; total: number }>(`/api/org/staff${qs(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Creates, updates or resets the password of a staff member. */
export function useStaffMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['org', 'staff'] });
  return {
    create: useMutation({
      mutationFn: (body: CreateStaffInput) => http.post<StaffView>('/api/org/staff', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateStaffInput }) =>
        http.patch<StaffView>(`/api/org/staff/${encodeURIComponent(id)}`, body),
      onSuccess,
      onError: reloadWhenStale(qc),
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
        http.post<unknown>(`/api/org/staff/${encodeURIComponent(id)}/reset-password`, { newPassword }),
      onSuccess,
    }),
  };
}

/** The full phone number of a staff member (the server writes an audit row for each read). */
export function fetchStaffPhone(id: string): Promise<{ phone: string | null }> {
  return http.get<{ phone: string | null }>(`/api/org/staff/${encodeURIComponent(id)}/phone`);
}
