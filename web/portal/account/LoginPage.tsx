import { UserOutlined } from '@ant-design/icons';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { PortalCodeSentView, PortalSessionView } from '../../../contracts/portal.ts';
import { errorText, http, setCsrfToken } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { PortalFooter, PortalHeader } from '../PortalHeader.tsx';
import './account.css';

const PHONE = /^1[3-9]\d{9}$/;

/** 登录 (/login): mobile number and a text-message code; the first log-in opens the account. */
export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<PortalCodeSentView | null>(null);
  const [wait, setWait] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    setProblem(null);
    if (!PHONE.test(phone.trim())) {
      setProblem(t('portal.account.phoneInvalid'));
      return;
    }
    setBusy(true);
    try {
      const answer = await http.post<PortalCodeSentView>('/api/portal/login-code', { phone: phone.trim() });
      setSent(answer);
      setWait(answer.resendAfterSeconds);
      document.getElementById('portal-code')?.focus();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!PHONE.test(phone.trim())) return setProblem(t('portal.account.phoneInvalid'));
    if (!/^\d{6}$/.test(code.trim())) return setProblem(t('portal.account.codeInvalid'));
    setBusy(true);
    try {
      const me = await http.post<PortalSessionView>('/api/portal/login', {
        phone: phone.trim(),
        code: code.trim(),
      });
      setCsrfToken(me.csrfToken);
      const next = params.get('next');
      const safeNext = next?.startsWith('/') && !next.startsWith('//') ? next : '/me';
      navigate(me.realNameLevel === 'phone' ? `/me?verify=1&next=${encodeURIComponent(safeNext)}` : safeNext);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pt-page">
      <PortalHeader compact />
      <main className="pt-wrap pt-main ac-main">
        <h1 className="ac-title">
          <UserOutlined /> {t('portal.account.loginTitle')}
        </h1>
        <form className="ac-card" onSubmit={submit} noValidate data-testid="portal-login-form">
          <p className="ac-intro">{t('portal.account.loginIntro')}</p>
          <label className="ac-field">
            <span>{t('portal.account.phone')}</span>
            <input
              name="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel-national"
              maxLength={11}
              value={phone}
              onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
            />
          </label>
          <div className="ac-field">
            <label htmlFor="portal-code">{t('portal.account.code')}</label>
            <div className="ac-code-row">
              <input
                id="portal-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
              <button
                type="button"
                className="ac-secondary"
                onClick={() => void sendCode()}
                disabled={busy || wait > 0}
                data-testid="send-code"
              >
                {wait > 0 ? t('portal.account.resendIn', { n: wait }) : t('portal.account.sendCode')}
              </button>
            </div>
          </div>
          {sent ? (
            <p className="ac-note" role="status">
              {t('portal.account.codeSent', { phone: sent.sentTo, minutes: sent.expiresInSeconds / 60 })}
            </p>
          ) : null}
          {problem ? (
            <p className="ac-problem" role="alert" data-testid="portal-problem">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="ac-primary" disabled={busy}>
            {t('portal.account.submit')}
          </button>
        </form>
      </main>
      <PortalFooter />
    </div>
  );
}
