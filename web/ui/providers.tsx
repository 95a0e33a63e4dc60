import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { ApiError } from './api.ts';
import { useI18n } from './i18n/index.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal or a missing resource does not get better by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const CHINESE_FIRST =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";
// In English a CJK font would set quotes and apostrophes full-width: Latin fonts come first there.
const LATIN_FIRST =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";

/**
 * Who asked their system for less motion (prefers-reduced-motion) gets antd without animations:
 * no zooming dialogs or sliding drawers. The browser tests ask for it too, so that a click never
 * lands on a dialog still zooming in.
 */
const REDUCED_MOTION =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/** Government blue for the console, with the system's Chinese fonts first. */
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1d4f91',
    // Selected rows, tree nodes and options in a light blue rather than antd's grey derivation.
    controlItemBgActive: '#e6eef9',
    controlItemBgActiveHover: '#d6e4f5',
    // Hints under fields (a password's rules) readable at 4.5:1, not antd's 45 % grey.
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // Links in the primary blue (antd's default #1677ff is 4.0:1 on white, under WCAG's 4.5:1).
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily: CHINESE_FIRST,
    motion: !REDUCED_MOTION,
  },
  components: {
    Menu: { itemSelectedBg: '#e6eef9', itemSelectedColor: '#1d4f91' },
  },
};
const THEME_EN = { ...THEME, token: { ...THEME.token, fontFamily: LATIN_FIRST } };

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en-US' ? enUS : zhCN} theme={lang === 'en-US' ? THEME_EN : THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/**
 * What antd pages need around them: antd's locale and theme following the language, and the
 * query cache. The portal's front page does without, so phones do not download antd for it.
 */
export function AntdProviders({ children }: { children: ReactNode }) {
  return (
    <LocalisedAntd>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </LocalisedAntd>
  );
}
