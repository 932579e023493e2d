import { useI18n } from './i18n';
import type { Lang } from '@/lib/vocabulary';

/** Русский / English: follows amoCRM's language until the admin picks one here. */
export function LangSwitch({ onChange }: { onChange: (lang: Lang) => void }): preact.JSX.Element {
  const { lang, t } = useI18n();
  return (
    <label class="lang-switch">
      <span class="visually-hidden">{t('panel.language')}</span>
      <select value={lang} onChange={(event) => onChange(event.currentTarget.value === 'en' ? 'en' : 'ru')}>
        <option value="ru" lang="ru">
          Русский
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </label>
  );
}
