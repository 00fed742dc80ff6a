import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, initialLanguage, languageStorageKey, makeI18n } from './i18n-context.js';
import type { Language } from './i18n-context.js';
import { theme } from '../app/theme.js';

// antd 6 date pickers format with dayjs, so its global locale must follow the UI language.
function applyLanguage(lang: Language): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(languageStorageKey, lang);
  } catch {
    // Not remembered across visits then; nothing else breaks.
  }
}

/** Holds the UI language and gives antd the matching locale. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  useEffect(() => applyLanguage(lang), [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'en' ? antdEnUS : antdZhCN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
