import { FileSearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from './PortalHeader.tsx';

/** /search?q=: the catalogue search will answer here; until then it says so and echoes the query. */
export function SearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main">
        <div className="pt-notice" data-testid="coming-soon">
          <span className="pt-notice-icon" style={{ background: '#1d6fd6' }}>
            <FileSearchOutlined />
          </span>
          <h1>{t('portal.searchTitle')}</h1>
          <p>{t('portal.searchPending', { q })}</p>
          <Link to="/" className="pt-button">
            {t('common.backHome')}
          </Link>
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
