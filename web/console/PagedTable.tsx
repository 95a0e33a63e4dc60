import { Table, type TableProps } from 'antd';
import { useCallback, useState } from 'react';
import { LoadError } from '../ui/components.tsx';
import { useI18n } from '../ui/i18n/index.tsx';

/** The page part of a list query, as the server's list endpoints take it. */
export interface PageQuery {
  page: number;
  pageSize: number;
}

/** What PagedTable reads of a list query's result (a react-query result fits). */
export interface PagedResult<T> {
  data?: { items: T[]; total: number };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch(): unknown;
}

/** A list query with its page: changing a filter goes back to page 1, paging keeps the filters. */
export function usePagedQuery<Q extends PageQuery>(initial: Q) {
  const [query, setQuery] = useState<Q>(initial);
  const filter = useCallback((patch: Partial<Q>) => setQuery((q) => ({ ...q, page: 1, ...patch })), []);
  const turnPage = useCallback(
    (page: number, pageSize: number) => setQuery((q) => ({ ...q, page, pageSize })),
    [],
  );
  return { query, filter, turnPage };
}

/**
 * A server-paged table of rows with an id: while the list fails it shows the error with a retry,
 * otherwise the rows and a pager with the total and a page-size switch.
 */
export function PagedTable<T extends { id: string }>({
  list,
  query,
  onPage,
  ...table
}: {
  list: PagedResult<T>;
  query: PageQuery;
  onPage(page: number, pageSize: number): void;
} & Omit<TableProps<T>, 'rowKey' | 'dataSource' | 'loading' | 'pagination'>) {
  const { t } = useI18n();
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { n }),
        onChange: onPage,
      }}
      {...table}
    />
  );
}
