import { ArrowLeftOutlined } from '@ant-design/icons';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CatalogItemDetailView } from '../../../contracts/catalog-api.ts';
import { ApiError, errorText } from '../../ui/api.ts';
import { DEPTH_TONE, depthText, limitText, visitsText } from '../../ui/catalog-format.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from '../PortalHeader.tsx';
import { useFetch } from '../search/use-fetch.ts';
import { GuideFacts } from './GuideFacts.tsx';
import { FaqAndResult, ItemIdentity, ProcessAndFee } from './GuideSections.tsx';
import { GuideTools, OnlineHandling, WhereToGo } from './GuideSide.tsx';
import { Conditions, Materials } from './Materials.tsx';
import { Situations } from './Situations.tsx';
import { type Answers, tailor } from './tailor.ts';
import '../search/search.css';
import './guide.css';
import './guide-print.css';

/** The title block: name, department, the three tags, and the online button on a phone. */
function GuideHead({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const doc = item.document;
  return (
    <section className="g-card g-head">
      <p className="g-printonly g-print-title">{t('catalog.guide.printTitle')}</p>
      <h1 data-testid="guide-title">{doc.name}</h1>
      <p className="g-dept">{item.departmentName}</p>
      <p className="g-tags">
        <span className={`pt-tag pt-tag-${DEPTH_TONE[item.depthSummary]}`}>
          {depthText(t, item.depthSummary)}
        </span>
        <span className={`pt-tag ${doc.visits === 0 ? 'pt-tag-green' : 'pt-tag-orange'}`}>
          {visitsText(t, doc.visits)}
        </span>
        <span className="pt-tag pt-tag-red">
          {t('catalog.promised')} {limitText(t, doc.promisedLimit)}
        </span>
        {doc.window.comprehensive ? (
          <span className="pt-tag pt-tag-blue">{t('catalog.guide.comprehensiveShort')}</span>
        ) : null}
      </p>
    </section>
  );
}

/**
 * /guide/:id — the published service guide (办事指南): situations tailor the conditions and
 * materials; limits, fees, visits, place, phones, online handling, FAQ and result; a QR code of
 * this address and a print layout for the hall (A4, no navigation).
 */
export function GuidePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const fetched = useFetch<CatalogItemDetailView>(`/api/catalog/items/${encodeURIComponent(id)}`);
  const [answers, setAnswers] = useState<Answers>({});
  const item = fetched.data;
  const tailored = useMemo(() => (item ? tailor(item.document, answers) : null), [item, answers]);
  const url = `${window.location.origin}/guide/${encodeURIComponent(id)}`;
  // The server writes the same guide as a Word file, tailored to the answers chosen here.
  const chosen = Object.entries(answers).flatMap(([s, list]) => list.map((a) => `${s}:${a}`));
  const docxHref = `/api/catalog/items/${encodeURIComponent(id)}/guide.docx${
    chosen.length ? `?answers=${encodeURIComponent(chosen.join(','))}` : ''
  }`;

  let body: ReactNode;
  if (fetched.error) {
    const missing = fetched.error instanceof ApiError && fetched.error.status === 404;
    body = (
      <div className="pt-notice" role="alert">
        <h1>{missing ? t('catalog.guide.notFound') : t('common.loadFailed')}</h1>
        <p>{missing ? t('catalog.guide.notFoundText') : errorText(fetched.error)}</p>
        <Link to="/search" className="pt-button">
          {t('catalog.guide.toSearch')}
        </Link>
      </div>
    );
  } else if (!item || !tailored) {
    body = <div className="ow-boot">{t('catalog.search.loading')}</div>;
  } else {
    body = (
      <div className="g-layout" data-testid="guide">
        <div className="g-col">
          <GuideHead item={item} />
          <GuideFacts item={item} />
          <Situations situations={item.document.situations} answers={answers} onChange={setAnswers} />
          <Conditions doc={item.document} tailored={tailored} />
          <Materials doc={item.document} tailored={tailored} />
          <ProcessAndFee item={item} />
          <FaqAndResult item={item} />
          <ItemIdentity item={item} />
        </div>
        <aside className="g-side">
          <WhereToGo item={item} />
          <OnlineHandling item={item} />
          <GuideTools url={url} docxHref={docxHref} />
        </aside>
      </div>
    );
  }

  return (
    <div className="pt-page g-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main g-main">
        <nav className="g-back g-noprint">
          <button
            type="button"
            className="g-link"
            onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/search'))}
          >
            <ArrowLeftOutlined /> {t('catalog.guide.back')}
          </button>
        </nav>
        {body}
      </main>
      <PortalFooter />
    </div>
  );
}
