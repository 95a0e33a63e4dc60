import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CatalogItemInput, ItemType } from '../../../contracts/catalog.ts';
import type {
  CatalogItemDetailView,
  CatalogStaffRow,
  CatalogStatsView,
  CatalogVersionRow,
  CatalogWorkflowAction,
  ItemStatus,
} from '../../../contracts/catalog-api.ts';
import { http, qs } from '../../ui/api.ts';

export type { CatalogItemDetailView, CatalogStatsView } from '../../../contracts/catalog-api.ts';
export type CatalogRow = z.infer<typeof CatalogStaffRow>;
export type CatalogVersion = z.infer<typeof CatalogVersionRow>;

export interface CatalogListQuery {
  q?: string;
  department?: string;
  type?: ItemType;
  status?: ItemStatus;
  pendingReview?: 'true';
  page: number;
  pageSize: number;
}

const item = (id: string) => `/api/catalog/items/${encodeURIComponent(id)}`;

/** One page of the console's item list (every status the user may see, each row with its actions). */
export function useCatalogList(query: CatalogListQuery) {
  return useQuery({
    queryKey: ['catalog', 'list', query],
    queryFn: () =>
      http.get<{ items: CatalogRow[]; total: number }>(`/api/console/catalog/items${qs({ ...query })}`),
    placeholderData: keepPreviousData,
  });
}

/** The catalogue indicators (published, in the hall, comprehensive and its share, grassroots, online). */
export function useCatalogStats() {
  return useQuery({
    queryKey: ['catalog', 'stats'],
    queryFn: () => http.get<CatalogStatsView>('/api/catalog/stats'),
  });
}

/** An item as staff see it: a given version, or the server's choice (published, else the draft). */
export function useCatalogItem(id: string | undefined, versionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'item', id, versionId ?? ''],
    queryFn: () => http.get<CatalogItemDetailView>(`${item(id ?? '')}${qs({ version: versionId })}`),
    enabled: !!id && enabled,
  });
}

/** The version history of an item, newest first. */
export function useCatalogVersions(id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'versions', id],
    queryFn: () => http.get<{ items: CatalogVersion[] }>(`${item(id ?? '')}/versions`),
    select: (d) => d.items,
    enabled: !!id,
  });
}

/** The path of each workflow action's endpoint (edit is the draft PUT, not a transition). */
const TRANSITION_PATH: Record<Exclude<CatalogWorkflowAction, 'edit'>, string> = {
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  retire: 'retire',
  newVersion: 'new-version',
};

/** Creating, saving a draft and the workflow transitions; every success refreshes the catalogue. */
export function useCatalogMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['catalog'] });
  return {
    create: useMutation({
      mutationFn: (document: CatalogItemInput) =>
        http.post<CatalogItemDetailView>('/api/catalog/items', { document }),
      onSuccess,
    }),
    saveDraft: useMutation({
      mutationFn: (v: { id: string; document: CatalogItemInput; expectedRevision: number }) =>
        http.put<CatalogItemDetailView>(`${item(v.id)}/draft`, {
          document: v.document,
          expectedRevision: v.expectedRevision,
        }),
      onSuccess,
    }),
    transition: useMutation({
      mutationFn: (v: {
        id: string;
        action: Exclude<CatalogWorkflowAction, 'edit'>;
        expectedRevision: number;
        note?: string;
      }) =>
        http.post<CatalogItemDetailView>(`${item(v.id)}/${TRANSITION_PATH[v.action]}`, {
          expectedRevision: v.expectedRevision,
          ...(v.note ? { note: v.note } : {}),
        }),
      onSuccess,
    }),
  };
}
