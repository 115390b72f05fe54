import { useEffect, useState } from 'react';
import { UI_LANGUAGES, UiLanguageChoice } from '../../../shared/i18n/ui-language';
import { api } from '../api';
import { applyUiLanguageChoice, useT } from '.';
import './language-picker.css';

/** The interface language: the system's, or one chosen here (stored with the app's settings, applied at once). */
export function LanguagePicker() {
  const { t } = useT();
  const [choice, setChoice] = useState<UiLanguageChoice>('system');
  useEffect(() => {
    void api
      .getPreferences({})
      .then((p) => setChoice(p.uiLanguage))
      .catch(() => undefined);
  }, []);
  const change = (value: string) => {
    const next = UiLanguageChoice.parse(value);
    setChoice(next);
    void applyUiLanguageChoice(next);
    void api.setUiLanguage({ uiLanguage: next }).catch(() => undefined);
  };
  return (
    <label className="language-picker">
      <span>{t('common:language.label')}</span>{' '}
      <select value={choice} onChange={(e) => change(e.target.value)}>
        <option value="system">{t('common:language.system')}</option>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`common:language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
