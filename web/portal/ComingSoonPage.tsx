import { Link } from 'react-router-dom';
import { useI18n } from '../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from './PortalHeader.tsx';
import { FALLBACK_ICON, type Tile } from './tiles.tsx';

/** A feature not built yet (or an unknown address): a clean notice and the way back. */
export function ComingSoonPage({ tile }: { tile: Tile | null }) {
  const { t } = useI18n();
  const name = tile ? t(tile.title) : t('common.notFound');
  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main">
        <div className="pt-notice" data-testid="coming-soon">
          <span className="pt-notice-icon" style={{ background: tile?.color ?? '#8a919f' }}>
            {tile?.icon ?? FALLBACK_ICON}
          </span>
          <h1>{tile ? t('portal.comingSoon') : t('common.notFound')}</h1>
          <p>{tile ? t('portal.comingSoonText', { name }) : null}</p>
          <Link to="/" className="pt-button">
            {t('common.backHome')}
          </Link>
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
