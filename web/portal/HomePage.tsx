import { SearchOutlined } from '@ant-design/icons';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from './PortalHeader.tsx';
import { TILES } from './tiles.tsx';

/** The portal's front page: search the catalogue, or pick a service area. */
export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <div className="pt-page">
      <PortalHeader />
      <section className="pt-hero">
        <div className="pt-wrap">
          <form className="pt-search" onSubmit={submit}>
            <input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('portal.searchPlaceholder')}
              aria-label={t('common.search')}
              enterKeyHint="search"
            />
            <button type="submit" aria-label={t('common.search')}>
              <SearchOutlined />
              <span className="pt-search-label">{t('common.search')}</span>
            </button>
          </form>
        </div>
      </section>
      <main className="pt-wrap pt-main">
        <h2 className="pt-section-title">{t('portal.services')}</h2>
        <nav className="pt-tiles" data-testid="portal-tiles">
          {TILES.map((tile) => (
            <Link key={tile.path} to={tile.path} className="pt-tile">
              <span className="pt-tile-icon" style={{ background: tile.color }}>
                {tile.icon}
              </span>
              <span className="pt-tile-text">
                <span className="pt-tile-title">{t(tile.title)}</span>
                <span className="pt-tile-desc">{t(tile.desc)}</span>
              </span>
            </Link>
          ))}
        </nav>
      </main>
      <PortalFooter />
    </div>
  );
}
