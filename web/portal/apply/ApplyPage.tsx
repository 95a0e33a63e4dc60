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
            <Checklist draft={draft} onChange={setDraft} />
            <SubmitStep draft={draft} onSubmitted={setDraft} />
          </>
        ) : null}
      </main>
      <PortalFooter />
    </div>
  );
}

/** What applies for the answers given: each material with its files (upload, open, remove), and what is missing. */
function Checklist({
  draft,
  onChange,
}: {
  draft: OnlineApplicationView;
  onChange(next: OnlineApplicationView): void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const base = `/api/portal/applications/${draft.id}`;
  const upload = async (materialId: string, file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      onChange(
        await http.upload<OnlineApplicationView>(`${base}/materials/${encodeURIComponent(materialId)}`, file),
      );
    } catch (err) {
      setProblem(`${file.name}：${errorText(err)}`);
    }
  };
  const remove = async (fileId: string) => {
    setProblem(null);
    try {
      onChange(await http.del<OnlineApplicationView>(`${base}/files/${encodeURIComponent(fileId)}`));
    } catch (err) {
      setProblem(errorText(err));
    }
  };
  return (
    <section className="ac-card" data-testid="apply-checklist">
      <h2 className="ac-subtitle">{t('portal.apply.checklist')}</h2>
      <p className="ac-note">{t('portal.apply.uploadHint')}</p>
      <ul className="ap-list">
        {draft.materials.map((m) => (
          <li key={m.materialId} className="ap-material" data-testid={`material-${m.materialId}`}>
            <div className="ap-material-head">
              <span>{m.name}</span>
              <span className={m.required ? 'ap-required' : 'ap-optional'}>
                {m.required ? t('portal.apply.required') : t('portal.apply.optional')}
              </span>
            </div>
            {m.files.map((f) => (
              <div key={f.id} className="ap-file">
                <a href={`${base}/files/${encodeURIComponent(f.id)}`}>{f.name}</a>
                <button type="button" className="ac-link" onClick={() => void remove(f.id)}>
                  {t('portal.apply.removeFile', { name: f.name })}
                </button>
              </div>
            ))}
            <label className="ap-upload">
              <span>{t('portal.apply.upload', { name: m.name })}</span>
              <input
                type="file"
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                onChange={(e) => {
                  void upload(m.materialId, e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
          </li>
        ))}
      </ul>
      {problem ? (
        <p className="ac-problem" role="alert" data-testid="upload-problem">
          {problem}
        </p>
      ) : null}
      {draft.missingMaterials.length > 0 ? (
        <p className="ac-problem" data-testid="apply-missing-materials">
          {t('portal.apply.missingMaterials', { list: draft.missingMaterials.map((m) => m.name).join('、') })}
        </p>
      ) : null}
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

/** 提交: possible once nothing is missing; then the application is a case waiting for 网上预审. */
function SubmitStep({
  draft,
  onSubmitted,
}: {
  draft: OnlineApplicationView;
  onSubmitted(next: OnlineApplicationView): void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (draft.status === 'submitted') {
    return (
      <section className="ac-card" role="status" data-testid="apply-submitted">
        <h2 className="ac-subtitle">{t('portal.apply.submittedTitle')}</h2>
        <p className="ac-intro">{t('portal.apply.submittedText', { number: draft.caseNumber ?? '' })}</p>
      </section>
    );
  }
  const ready = draft.missingFields.length === 0 && draft.missingMaterials.length === 0;
  const submit = async () => {
    setProblem(null);
    setBusy(true);
    try {
      onSubmitted(
        await http.post<OnlineApplicationView>(`/api/portal/applications/${draft.id}/submit`, {
          expectedRevision: draft.revision,
        }),
      );
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ac-card">
      <p className="ac-note">{ready ? t('portal.apply.readyNote') : t('portal.apply.notReadyNote')}</p>
      {problem ? (
        <p className="ac-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <button
        type="button"
        className="ac-primary"
        disabled={!ready || busy}
        onClick={() => void submit()}
        data-testid="apply-submit"
      >
        {t('portal.apply.submit')}
      </button>
    </section>
  );
}
