import i18next, { type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { catalogues, NAMESPACES } from './catalogues';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES, type UiLanguage } from './ui-language';
import './i18next-types';

/**
 * An i18next instance over the shared catalogues, ICU message syntax ("{count, plural, one {# word}
 * other {# words}}"), keys as "namespace:key". Initialised synchronously: the catalogues are bundled.
 */
export function createUiI18n(language: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    lng: language,
    fallbackLng: DEFAULT_UI_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    resources: catalogues,
    ns: NAMESPACES,
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    // React and the other callers escape for themselves; ICU does the formatting.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

const fixed = new Map<UiLanguage, I18n>();

/** A translator fixed to one language, for code outside React: menus, the command line, error messages. */
export function translator(language: UiLanguage): I18n['t'] {
  let instance = fixed.get(language);
  if (!instance) fixed.set(language, (instance = createUiI18n(language)));
  return instance.t;
}
