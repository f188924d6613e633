import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Lang, MESSAGES, type Messages, NAMES, type NameTables } from './messages';

export interface I18n {
  readonly lang: Lang;
  readonly m: Messages;
  readonly names: NameTables;
  setLang(lang: Lang): void;
}

const STORAGE_KEY = 'fundladder.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const I18nContext = createContext<I18n>({ lang: 'zh', m: MESSAGES.zh, names: NAMES.zh, setLang: () => undefined });

/** Chinese first; English when the reader switched to it (remembered in this browser). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ lang, m: MESSAGES[lang], names: NAMES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The reader's language, its messages and names. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
