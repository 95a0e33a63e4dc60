import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CatalogSearchHitView } from '../../../contracts/catalog-api.ts';
import { DEPTH_TONE, depthText, limitText, visitsText } from '../../ui/catalog-format.ts';
import { useI18n } from '../../ui/i18n/index.tsx';

/** The name with the typed Chinese text marked, so a person sees why the item matched. */
function Highlighted({ name, q }: { name: string; q: string }) {
  const term = q.trim();
  // Pinyin and codes match the name only indirectly: nothing to mark.
  if (!term || /^[\x20-\x7e]+$/.test(term)) return <>{name}</>;
  const at = name.indexOf(term);
  if (at < 0) return <>{name}</>;
  return (
    <>
      {name.slice(0, at)}
      <mark>{term}</mark>
      {name.slice(at + term.length)}
    </>
  );
}

/** One result: name, department, and the three things people compare (online, visits, time). */
function ResultItem({ hit, q }: { hit: CatalogSearchHitView; q: string }) {
  const { t } = useI18n();
  return (
    <li>
      <Link to={`/guide/${hit.id}`} className="sr-item" data-testid="search-hit">
        <span className="sr-body">
          <span className="sr-name">
            <Highlighted name={hit.name} q={q} />
          </span>
          <span className="sr-dept">{hit.departmentName}</span>
          <span className="sr-tags">
            <span className={`pt-tag pt-tag-${DEPTH_TONE[hit.depthSummary]}`}>
              {depthText(t, hit.depthSummary)}
            </span>
            <span className={`pt-tag ${hit.visits === 0 ? 'pt-tag-green' : 'pt-tag-orange'}`}>
              {visitsText(t, hit.visits)}
            </span>
            <span className="sr-limit">
              {t('catalog.promised')} {limitText(t, hit.promisedLimit)}
            </span>
          </span>
        </span>
        <RightOutlined className="sr-arrow" />
      </Link>
    </li>
  );
}

/** The result list with its count and the "more" button. */
export function ResultList({
  items,
  total,
  q,
  loading,
  onMore,
}: {
  items: CatalogSearchHitView[];
  total: number;
  q: string;
  loading: boolean;
  onMore(): void;
}) {
  const { t } = useI18n();
  if (!loading && items.length === 0) {
    return (
      <div className="sr-empty" data-testid="search-empty">
        <p>{q ? t('catalog.search.noneFor', { q }) : t('catalog.search.none')}</p>
        <p className="sr-hint">{t('catalog.search.hint')}</p>
      </div>
    );
  }
  return (
    <>
      <div className="sr-count" data-testid="search-count">
        {loading && items.length === 0
          ? t('catalog.search.loading')
          : t('catalog.search.count', { n: total })}
      </div>
      <ul className="sr-list" data-testid="search-results">
        {items.map((hit) => (
          <ResultItem key={hit.id} hit={hit} q={q} />
        ))}
      </ul>
      {items.length < total ? (
        <button
          type="button"
          className="sr-more"
          onClick={onMore}
          disabled={loading}
          data-testid="search-more"
        >
          {loading ? t('catalog.search.loading') : t('catalog.search.more', { n: total - items.length })}
        </button>
      ) : null}
    </>
  );
}
