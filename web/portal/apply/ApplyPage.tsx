import { FormOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CatalogItemDetailView } from '../../../contracts/catalog-api.ts';
import type { OnlineApplicationView } from '../../../contracts/portal-applications.ts';
import { ApiError, errorText, http } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { usePortalSession } from '../account/use-portal-session.ts';
import { Situations } from '../guide/Situations.tsx';
import { PortalFooter, PortalHeader } from '../PortalHeader.tsx';
import { useFetch } from '../search/use-fetch.ts';
import { ApplicationForm } from './ApplicationForm.tsx';
import '../account/account.css';
import './apply.css';

/**
 * 在线办理 (/apply/:itemId): the online application of one item, saved at every step. Log-in and
 * real name come first; a draft already started (on any device) is resumed.
 */
export function ApplyPage() {
  const { t } = useI18n();
  const { itemId = '' } = useParams();
  const navigate = useNavigate();
  const here = `/apply/${encodeURIComponent(itemId)}`;
  const { me } = usePortalSession();
  const item = useFetch<CatalogItemDetailView>(`/api/catalog/items/${encodeURIComponent(itemId)}`).data;
  const [draft, setDraft] = useState<OnlineApplicationView | null>(null);
  const [problem, setProblem] = useState<{ text: string; verify?: boolean } | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (me === null) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
  }, [me, navigate, here]);
  useEffect(() => {
    if (!me) return;
    http.post<OnlineApplicationView>('/api/portal/applications', { itemId }).then(setDraft, (err: unknown) =>
      setProblem({
        text: errorText(err),
        verify: err instanceof ApiError && err.code === 'PORTAL_REAL_NAME_REQUIRED',
      }),
    );
  }, [me, itemId]);

  const save = useCallback(
    async (step: { situations?: Record<string, string[]>; form?: Record<string, unknown> }) => {
      if (!draft) return;
      setProblem(null);
      setSaved(false);
      try {
        setDraft(
          await http.patch<OnlineApplicationView>(`/api/portal/applications/${draft.id}`, {
            expectedRevision: draft.revision,
            ...step,
          }),
        );
        setSaved(true);
      } catch (err) {
        const field = err instanceof ApiError ? err.fields[0]?.message : undefined;
        setProblem({ text: field ?? errorText(err) });
      }
    },
    [draft],
  );

  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main ap-main">
        <h1 className="ac-title">
          <FormOutlined /> {t('portal.apply.title')}
        </h1>
        {item ? <p className="ap-item">{item.document.name}</p> : null}
        {problem ? (
          <div className="ac-card" role="alert" data-testid="apply-problem">
            <p className="ac-problem">{problem.text}</p>
            {problem.verify ? (
              <Link className="ac-link" to={`/me?verify=1&next=${encodeURIComponent(here)}`}>
                {t('portal.account.goVerify')}
              </Link>
            ) : null}
          </div>
        ) : null}
        {draft && item ? (
          <>
            <p className="ac-note" role="status" data-testid="apply-saved">
              {saved ? t('portal.apply.saved', { revision: draft.revision }) : t('portal.apply.resumeNote')}
            </p>
            <Situations
              situations={item.document.situations}
              answers={draft.situations}
              onChange={(situations) => void save({ situations })}
            />
            <ApplicationForm
              fields={item.document.formFields}
              draft={draft}
              onSave={(form) => void save({ form })}
            />
            <Checklist draft={draft} />
          </>
        ) : null}
      </main>
      <PortalFooter />
    </div>
  );
}

/** What applies for the answers given, and what is still missing before the application can go. */
function Checklist({ draft }: { draft: OnlineApplicationView }) {
  const { t } = useI18n();
  return (
    <section className="ac-card" data-testid="apply-checklist">
      <h2 className="ac-subtitle">{t('portal.apply.checklist')}</h2>
      <ul className="ap-list">
        {draft.materials.map((m) => (
          <li key={m.materialId}>
            <span>{m.name}</span>
            <span className={m.required ? 'ap-required' : 'ap-optional'}>
              {m.required ? t('portal.apply.required') : t('portal.apply.optional')}
            </span>
          </li>
        ))}
      </ul>
      {draft.missingFields.length > 0 ? (
        <p className="ac-problem" data-testid="apply-missing">
          {t('portal.apply.missingFields', { list: draft.missingFields.map((f) => f.label).join('、') })}
        </p>
      ) : (
        <p className="ac-note">{t('portal.apply.formComplete')}</p>
      )}
    </section>
  );
}
