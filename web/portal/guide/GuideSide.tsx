import {
  EnvironmentOutlined,
  FileWordOutlined,
  GlobalOutlined,
  PhoneOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CatalogItemDetailView } from '../../../contracts/catalog-api.ts';
import { isWebAddress } from '../../../contracts/catalog-fields.ts';
import { DEPTH_TONE, depthText } from '../../ui/catalog-format.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { useCodeLabels } from './code-labels.ts';
import { QrCode } from './QrCode.tsx';

/** A telephone number a phone can dial. */
function Tel({ number }: { number: string }) {
  return <a href={`tel:${number.replace(/-/g, '')}`}>{number}</a>;
}

/** Where and when to go, whom to call, and which windows accept the item. */
export function WhereToGo({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const doc = item.document;
  return (
    <section className="g-card g-where" data-testid="guide-where">
      <h2>
        <EnvironmentOutlined /> {t('catalog.guide.where')}
      </h2>
      <dl className="g-pairs">
        <dt>{t('catalog.guide.place')}</dt>
        <dd>{doc.place}</dd>
        <dt>{t('catalog.guide.hours')}</dt>
        <dd>{doc.hours}</dd>
        <dt>{t('catalog.guide.window')}</dt>
        <dd>
          {doc.window.comprehensive ? t('catalog.guide.comprehensive') : t('catalog.guide.specialist')}
          {doc.window.grassroots.length ? (
            <>
              <br />
              {doc.window.grassroots.includes('village')
                ? t('catalog.guide.grassrootsVillage')
                : t('catalog.guide.grassrootsTownship')}
            </>
          ) : null}
        </dd>
        <dt>
          <PhoneOutlined /> {t('catalog.guide.consultPhone')}
        </dt>
        <dd>
          <Tel number={doc.consultPhone} />
        </dd>
        <dt>{t('catalog.guide.complaintPhone')}</dt>
        <dd>
          <Tel number={doc.complaintPhone} />
        </dd>
      </dl>
    </section>
  );
}

/** How far the item can be done online, and the button to start there. */
export function OnlineHandling({ item }: { item: CatalogItemDetailView }) {
  const { t } = useI18n();
  const codes = useCodeLabels();
  const doc = item.document;
  const flags = [
    doc.channels.appointment && t('catalog.guide.appointment'),
    doc.channels.onlinePayment && t('catalog.guide.onlinePayment'),
    doc.channels.mail && t('catalog.guide.mail'),
  ].filter(Boolean);
  return (
    <section className="g-card g-online" data-testid="guide-online">
      <h2>
        <GlobalOutlined /> {t('catalog.guide.online')}
      </h2>
      <p>
        <span className={`pt-tag pt-tag-${DEPTH_TONE[item.depthSummary]}`}>
          {depthText(t, item.depthSummary)}
        </span>{' '}
        {codes.list(doc.handlingForms.map(codes.handlingForm))}
      </p>
      {flags.length ? (
        <p className="g-muted">
          {t('catalog.guide.supports', {
            list: codes.list(flags.filter((f): f is string => typeof f === 'string')),
          })}
        </p>
      ) : null}
      {doc.depthFlags.includes('3') || doc.depthFlags.includes('4') ? (
        <Link
          className="pt-button g-noprint"
          to={`/apply/${encodeURIComponent(item.id)}`}
          data-testid="apply-online"
        >
          {t('portal.apply.start')}
        </Link>
      ) : null}
      {doc.channels.online && isWebAddress(doc.channels.onlineUrl) ? (
        <>
          <p className="g-muted">{t('catalog.guide.onlineHow')}</p>
          <a className="pt-button g-noprint" href={doc.channels.onlineUrl} target="_blank" rel="noreferrer">
            {t('catalog.guide.applyOnline')}
          </a>
          <p className="g-printonly">{doc.channels.onlineUrl}</p>
        </>
      ) : (
        <p className="g-muted">{t('catalog.guide.notOnline')}</p>
      )}
    </section>
  );
}

/** The QR code of this page, the print button and the Word (.docx) guide for the chosen situations. */
export function GuideTools({ url, docxHref }: { url: string; docxHref: string }) {
  const { t } = useI18n();
  return (
    <section className="g-card g-tools">
      <QrCode url={url} />
      <div className="g-tools-buttons g-noprint">
        <button type="button" className="g-print" onClick={() => window.print()} data-testid="guide-print">
          <PrinterOutlined /> {t('catalog.guide.print')}
        </button>
        <a className="g-print" href={docxHref} download data-testid="guide-docx">
          <FileWordOutlined /> {t('catalog.guide.docx')}
        </a>
      </div>
    </section>
  );
}
