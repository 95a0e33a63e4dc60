import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from '../PortalHeader.tsx';
import { ResultList } from './ResultList.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { FILTER_KEYS, type SearchFilters as Filters, filtersOf, useSearch } from './use-search.ts';
import './search.css';

/**
 * /search?q=&department=&object=&topic=&depth=: the catalogue's published items, phone first.
 * Chinese text (even two characters, 户口), full pinyin and initials (yyzz) all find items.
 */
export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const results = useSearch(filters);

  const change = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    const search = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) search.set(k, next[k]);
    // A new query is a step back can return to; refining filters replaces the address.
    setParams(search, { replace: patch.q === undefined });
  };

  const title =
    filters.object === 'person'
      ? t('portal.tile.personal')
      : filters.object === 'legal'
        ? t('portal.tile.business')
        : t('portal.tile.guides');

  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main sr-main">
        <h1 className="sr-title">{title}</h1>
        <SearchFilters filters={filters} onChange={change} />
        {results.error ? (
          <div className="sr-empty" role="alert">
            <p>{errorText(results.error)}</p>
          </div>
        ) : (
          <ResultList
            items={results.items}
            total={results.total}
            q={filters.q}
            loading={results.loading}
            onMore={results.loadMore}
          />
        )}
      </main>
      <PortalFooter />
    </div>
  );
}
