import { Segmented } from 'antd';
import { useI18n } from '../i18n/i18n-context.js';
import type { Language } from '../i18n/i18n-context.js';

const options: { label: string; value: Language }[] = [
  { label: '中', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
];

/** The header's two-way language switch; the choice is remembered by the i18n provider. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      options={options}
      value={lang}
      onChange={setLang}
      aria-label={t('header.language')}
      data-testid="lang-switch"
    />
  );
}
