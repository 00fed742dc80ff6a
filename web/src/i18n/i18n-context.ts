import { createContext, useContext } from 'react';
import { roleLabels, unitKindLabels } from '../../../common/roles.js';
import type { Role, UnitKind } from '../../../common/roles.js';
import { en, zhCN } from './messages.js';
import type { MessageKey } from './messages.js';
import { enRoleLabels, enUnitKindLabels } from './labels.js';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const languageStorageKey = 'jiceng.lang';

/** What every component gets from useI18n(). */
export interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  roleName: (role: string) => string;
  unitKindName: (kind: string) => string;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so the gap is noticed. */
export function translate(lang: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = (lang === 'en' ? en : zhCN)[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Builds the I18n value for one language. */
export function makeI18n(lang: Language, setLang: (lang: Language) => void): I18n {
  return {
    lang,
    setLang,
    t: (key, vars) => translate(lang, key, vars),
    roleName: (role) => (lang === 'en' ? enRoleLabels : roleLabels)[role as Role] ?? role,
    unitKindName: (kind) => (lang === 'en' ? enUnitKindLabels : unitKindLabels)[kind as UnitKind] ?? kind,
  };
}

/** The saved language, or zh-CN: the UI speaks Chinese unless the user chose otherwise. */
export function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(languageStorageKey);
    if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    // Storage can be blocked (private mode); the default is fine then.
  }
  return 'zh-CN';
}

export const I18nContext = createContext<I18n>(makeI18n('zh-CN', () => {}));

/** The current language, its setter and the translation helpers. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
