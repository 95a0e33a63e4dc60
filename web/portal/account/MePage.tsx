import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { PortalMeView, PortalProfileFullView } from '../../../contracts/portal.ts';
import { ApiError, errorText, http, setCsrfToken } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from '../PortalHeader.tsx';
import { usePortalSession } from './use-portal-session.ts';
import './account.css';

/** 我的 (/me): the account with its values masked, the real-name step, the address, log-out. */
export function MePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me, setMe } = usePortalSession();
  const [full, setFull] = useState<PortalProfileFullView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (me === null) navigate(`/login?next=${encodeURIComponent('/me')}`, { replace: true });
  }, [me, navigate]);
  if (!me) return <div className="ow-boot">…</div>;

  const merge = (view: PortalMeView) => setMe({ ...view, csrfToken: me.csrfToken });
  const toggleFull = async () => {
    setProblem(null);
    if (full) return setFull(null);
    try {
      setFull(await http.get<PortalProfileFullView>('/api/portal/me/full'));
    } catch (err) {
      setProblem(errorText(err));
    }
  };
  const logOut = async () => {
    await http.post('/api/portal/logout');
    setCsrfToken(null);
    navigate('/');
  };
  const next = params.get('next');
  const rows: [string, string][] = [
    [t('portal.account.phone'), full?.phone ?? me.phoneMasked],
    [t('portal.account.name'), full?.name ?? me.nameMasked ?? t('portal.account.none')],
    [t('portal.account.idNumber'), full?.idNumber ?? me.idNumberMasked ?? t('portal.account.none')],
    [t('portal.account.realName'), t(`portal.account.level.${me.realNameLevel}`)],
  ];
  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main ac-main">
        <h1 className="ac-title">
          <UserOutlined /> {t('portal.account.meTitle')}
        </h1>
        {me.realNameLevel === 'phone' ? (
          <IdentityForm
            onDone={(view) => {
              merge(view);
              if (next?.startsWith('/') && !next.startsWith('//') && next !== '/me') navigate(next);
            }}
          />
        ) : null}
        <section className="ac-card" data-testid="portal-profile">
          <dl className="ac-facts">
            {rows.map(([label, value]) => (
              <div key={label} className="ac-fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {me.realNameLevel !== 'phone' || full ? (
            <button type="button" className="ac-link" onClick={() => void toggleFull()}>
              {full ? t('portal.account.hideFull') : t('portal.account.showFull')}
            </button>
          ) : null}
          {full ? <p className="ac-note">{t('portal.account.fullNote')}</p> : null}
          {problem ? (
            <p className="ac-problem" role="alert">
              {problem}
            </p>
          ) : null}
        </section>
        <AddressForm me={me} full={full} onSaved={merge} />
        <button type="button" className="ac-secondary ac-wide" onClick={() => void logOut()}>
          {t('portal.account.logout')}
        </button>
      </main>
      <PortalFooter />
    </div>
  );
}

/** 实名认证: name and ID number, once; the server checks the number and names the field at fault. */
function IdentityForm({ onDone }: { onDone: (view: PortalMeView) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      onDone(
        await http.post<PortalMeView>('/api/portal/me/identity', {
          name: name.trim(),
          idNumber: idNumber.trim(),
        }),
      );
    } catch (err) {
      setProblem(err instanceof ApiError && err.fields[0] ? err.fields[0].message : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ac-card" onSubmit={submit} noValidate data-testid="portal-identity-form">
      <h2 className="ac-subtitle">
        <IdcardOutlined /> {t('portal.account.identityTitle')}
      </h2>
      <p className="ac-intro">{t('portal.account.identityIntro')}</p>
      <label className="ac-field">
        <span>{t('portal.account.name')}</span>
        <input
          name="name"
          autoComplete="name"
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="ac-field">
        <span>{t('portal.account.idNumber')}</span>
        <input
          name="idNumber"
          autoComplete="off"
          maxLength={18}
          value={idNumber}
          onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
        />
      </label>
      {problem ? (
        <p className="ac-problem" role="alert" data-testid="identity-problem">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="ac-primary" disabled={busy}>
        {t('portal.account.verify')}
      </button>
    </form>
  );
}

/** The address: shown masked, edited in full (the edit starts empty unless shown in full). */
function AddressForm({
  me,
  full,
  onSaved,
}: {
  me: PortalMeView;
  full: PortalProfileFullView | null;
  onSaved: (view: PortalMeView) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      onSaved(
        await http.patch<PortalMeView>('/api/portal/me', {
          expectedRevision: me.revision,
          address: address.trim(),
        }),
      );
      setEditing(false);
      setSaved(true);
    } catch (err) {
      setProblem(errorText(err));
    }
  };
  return (
    <form className="ac-card" onSubmit={save} noValidate data-testid="portal-address">
      <dl className="ac-facts">
        <div className="ac-fact">
          <dt>{t('portal.account.address')}</dt>
          <dd>{full?.address ?? me.addressMasked ?? t('portal.account.none')}</dd>
        </div>
      </dl>
      {editing ? (
        <>
          <label className="ac-field">
            <span>{t('portal.account.address')}</span>
            <input
              name="address"
              autoComplete="street-address"
              maxLength={200}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          </label>
          <button type="submit" className="ac-primary">
            {t('portal.account.saveAddress')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="ac-link"
          onClick={() => {
            setAddress(full?.address ?? '');
            setEditing(true);
            setSaved(false);
          }}
        >
          {t('portal.account.editAddress')}
        </button>
      )}
      {saved ? (
        <p className="ac-note" role="status">
          {t('portal.account.saved')}
        </p>
      ) : null}
      {problem ? (
        <p className="ac-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
