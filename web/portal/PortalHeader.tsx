import { Link } from 'react-router-dom';
import { Emblem } from '../ui/Emblem.tsx';
import { useI18n } from '../ui/i18n/index.tsx';
import { useElderMode } from './elder-mode.ts';

/** The red band with the county's mark, the platform's name and the language switch. */
export function PortalHeader({ compact = false }: { compact?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const [elder, setElder] = useElderMode();
  return (
    <header className={compact ? 'pt-header pt-header-compact' : 'pt-header'}>
      <div className="pt-wrap pt-header-row">
        <Link to="/" className="pt-brand">
          <Emblem size={compact ? 36 : 52} />
          <span className="pt-brand-text">
            <span className="pt-brand-title">{t('app.title')}</span>
            {compact ? null : <span className="pt-brand-tag">{t('portal.tagline')}</span>}
          </span>
        </Link>
        <div className="pt-header-tools">
          <button
            type="button"
            className="pt-lang pt-elder-switch"
            aria-pressed={elder}
            onClick={() => setElder(!elder)}
            data-testid="elder-switch"
          >
            {elder ? t('portal.elder.off') : t('portal.elder.on')}
          </button>
          <Link to="/me" className="pt-account" data-testid="portal-account-link">
            {t('portal.account.mine')}
          </Link>
          <button
            type="button"
            className="pt-lang"
            onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
            data-testid="lang-switch"
          >
            {t('lang.switch')}
          </button>
        </div>
      </div>
    </header>
  );
}

/** Hotline and who runs the site. */
export function PortalFooter() {
  const { t } = useI18n();
  return (
    <footer className="pt-footer">
      <div>{t('portal.hotline')}</div>
      <div>{t('portal.footer')}</div>
    </footer>
  );
}
