import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ROLE_LABELS, type Role } from '../../../contracts/access.ts';
import { setApiLanguage } from '../api.ts';
import { en } from './en.ts';
import { type MessageKey, zh } from './zh.ts';

export type { MessageKey } from './zh.ts';
export type Lang = 'zh-CN' | 'en-US';

const STORAGE_KEY = 'onewindow.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** A role's label in the current language. */
  roleLabel(role: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Fills `{name}` placeholders of a message, and `{name|one|other}` by the number's plural
 * (English needs “1 working day” but “2 working days”; Chinese messages do not use it).
 */
function format(message: string, vars?: Record<string, string | number>): string {
  if (!vars) return message;
  return message
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole: string, ...groups: string[]) => {
      // The three groups (name, singular, plural); the offset and the whole text follow, unused.
      const [name, one, other] = groups as [string, string, string];
      return name in vars ? (Number(vars[name]) === 1 ? one : other) : whole;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Holds the chosen language (Chinese first, remembered in localStorage) and its messages. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l, DICTIONARIES[l]['common.network']);
    document.documentElement.lang = l;
    return l;
  });
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    setApiLanguage(next, DICTIONARIES[next]['common.network']);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => format(dict[key] ?? key, vars),
      roleLabel: (role) => {
        const label = ROLE_LABELS[role as Role];
        return label ? (lang === 'en-US' ? label.en : label.zh) : role;
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its translate function and the switch. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
