import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { isFullIdentifier } from '../../../contracts/case-lookup.ts';
import type {
  AssigneeList,
  CaseDetailView,
  CaseSummaryView,
  SupervisionView,
} from '../../../contracts/case-views.ts';
import type { CaseDocumentKind, CaseListInput, IntakeInput } from '../../../contracts/cases.ts';
import type { CatalogItemDetailView, CatalogSearchHitView } from '../../../contracts/catalog-api.ts';
import type { StaffView } from '../../../contracts/org.ts';
import { http, qs } from '../../ui/api.ts';

export type { CaseDetailView, CaseSummaryView } from '../../../contracts/case-views.ts';
export type { CatalogItemDetailView, CatalogSearchHitView } from '../../../contracts/catalog-api.ts';

type Paged<T> = { items: T[]; total: number };
export type SupervisionData = z.infer<typeof SupervisionView>;
export type CaseQuery = Partial<Omit<CaseListInput, 'page' | 'pageSize'>> & {
  page: number;
  pageSize: number;
};

const caseUrl = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

/**
 * One page of cases (search, my work, the department queue, delivery), in the actor's scope. A
 * search by a full ID number or credit code goes in a POST body (never in a URL) and is audited.
 */
export function useCaseList(query: CaseQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () =>
      query.applicant && isFullIdentifier(query.applicant)
        ? http.post<Paged<CaseSummaryView>>('/api/cases/search', query)
        : http.get<Paged<CaseSummaryView>>(`/api/cases${qs(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The case page: applicant (masked), item, form, materials, clock, timeline and allowed actions. */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => http.get<CaseDetailView>(caseUrl(id ?? '')),
    enabled: !!id,
    staleTime: 0,
  });
}

/** Yellow and red cases, grouped by department, by window and by township / village service point. */
export function useSupervision(query: {
  level?: 'yellow' | 'red';
  departmentId?: string;
  windowId?: string;
  servicePointId?: string;
}) {
  return useQuery({
    queryKey: ['cases', 'supervision', query],
    queryFn: () => http.get<SupervisionData>(`/api/cases/supervision${qs(query)}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * Receives an application at the window with the clerk's decision; answers the new case page. The
 * form's Idempotency-Key goes with every submit of one form: a repeat answers the first case.
 */
export function useReceiveCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, intakeKey }: { body: IntakeInput; intakeKey: string }) =>
      http.post<CaseDetailView>('/api/cases', body, { 'Idempotency-Key': intakeKey }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** The URL segment of each action (POST /api/cases/:id/<segment>). */
export const ACTION_PATHS = {
  accept: 'accept',
  requestCorrection: 'correction',
  resubmit: 'resubmit',
  refuse: 'refuse',
  claim: 'claim',
  assign: 'assign',
  pass: 'pass',
  returnStep: 'return',
  startSpecial: 'special/start',
  endSpecial: 'special/end',
  extend: 'extend',
  decide: 'decide',
  conclude: 'conclude',
  deliver: 'deliver',
  supplyMaterial: 'supply',
  withdraw: 'withdraw',
  void: 'void',
} as const;
export type CaseActionName = keyof typeof ACTION_PATHS;

/** Runs one action on a case with the version the user saw; a stale version is a 409. */
export function useCaseAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: string;
      action: CaseActionName;
      body: { version: number } & Record<string, unknown>;
    }) => http.post<CaseSummaryView>(caseUrl(id, `/${ACTION_PATHS[action]}`), body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** The applicant's full ID number and phone (the server writes an audit row for each read). */
export function fetchCasePersonal(id: string) {
  return http.post<{
    applicantId: string;
    applicantPhone: string;
    applicantAddress: string | null;
    agentId: string | null;
    agentPhone: string | null;
  }>(caseUrl(id, '/personal'));
}

/** The address of a printable notice: HTML (with the QR code) or .docx. */
export function documentUrl(id: string, kind: CaseDocumentKind, format: 'html' | 'docx' = 'html'): string {
  return caseUrl(id, `/documents/${kind}${format === 'docx' ? '?format=docx' : ''}`);
}

/** Catalogue search for the intake (published items; grassroots limits to a level's delegated items). */
export function useItemSearch(q: string, grassroots?: 'township' | 'village') {
  return useQuery({
    queryKey: ['cases', 'item-search', q, grassroots ?? ''],
    queryFn: () =>
      http.get<Paged<CatalogSearchHitView>>(`/api/catalog/items${qs({ q, grassroots, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** One published item with its situations, form fields and materials. */
export function useCatalogItem(id: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'item', id],
    queryFn: () => http.get<CatalogItemDetailView>(`/api/catalog/items/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

/**
 * The logged-in staff member's own record (for the window they sit at). Village agents may not
 * read staff records: the answer is then null and the intake happens at their own org unit.
 */
export function useMyStaffRecord(username: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'my-staff', username],
    queryFn: async () => {
      try {
        const page = await http.get<Paged<StaffView>>(`/api/org/staff${qs({ q: username, pageSize: 20 })}`);
        return page.items.find((s) => s.username === username) ?? null;
      } catch {
        return null;
      }
    },
    enabled: !!username,
    staleTime: 5 * 60_000,
  });
}

/** Whom 分派 may choose: the staff who can act at the case's current step (the server's own test). */
export function useAssignees(caseId: string) {
  return useQuery({
    queryKey: ['cases', 'assignees', caseId],
    queryFn: () => http.get<z.infer<typeof AssigneeList>>(caseUrl(caseId, '/assignees')),
    staleTime: 0,
  });
}
