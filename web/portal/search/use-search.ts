import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogSearchHitView } from '../../../contracts/catalog-api.ts';
import { http, qs } from '../../ui/api.ts';

/** What the search page filters by; every value lives in the address (/search?q=…&object=person). */
export interface SearchFilters {
  q: string;
  department: string;
  object: '' | 'person' | 'legal';
  topic: string;
  depth: string;
}

export const FILTER_KEYS = ['q', 'department', 'object', 'topic', 'depth'] as const;

/** The filters of an address's query string. */
export function filtersOf(params: URLSearchParams): SearchFilters {
  const object = params.get('object');
  return {
    q: params.get('q') ?? '',
    department: params.get('department') ?? '',
    object: object === 'person' || object === 'legal' ? object : '',
    topic: params.get('topic') ?? '',
    depth: params.get('depth') ?? '',
  };
}

export const PAGE_SIZE = 20;

interface Results {
  items: CatalogSearchHitView[];
  total: number;
  loading: boolean;
  error: unknown;
  /** Appends the next page ("加载更多"). */
  loadMore(): void;
}

/**
 * Search results for the filters: page 1 when they change, further pages appended on request.
 * Answers to an older set of filters are dropped, so typing fast never shows stale results.
 */
export function useSearch(filters: SearchFilters): Results {
  const key = JSON.stringify(filters);
  const [state, setState] = useState({ items: [] as CatalogSearchHitView[], total: 0, page: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const current = useRef(key);

  const fetchPage = useCallback(
    (page: number) => {
      const f = JSON.parse(key) as SearchFilters;
      setLoading(true);
      setError(undefined);
      const url = `/api/catalog/items${qs({ ...f, page, pageSize: PAGE_SIZE })}`;
      http.get<{ items: CatalogSearchHitView[]; total: number }>(url).then(
        (r) => {
          if (current.current !== key) return;
          setState((s) => ({ items: page === 1 ? r.items : [...s.items, ...r.items], total: r.total, page }));
          setLoading(false);
        },
        (err: unknown) => {
          if (current.current !== key) return;
          setError(err);
          setLoading(false);
        },
      );
    },
    [key],
  );

  useEffect(() => {
    current.current = key;
    setState({ items: [], total: 0, page: 0 });
    fetchPage(1);
  }, [key, fetchPage]);

  return {
    items: state.items,
    total: state.total,
    loading,
    error,
    loadMore: () => {
      if (!loading && state.items.length < state.total) fetchPage(state.page + 1);
    },
  };
}
