// The interface's language: one i18next instance for the whole renderer over the shared catalogues
// (shared/i18n/messages). How to add a string: README.md beside this file.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { UseTranslationResponse } from 'react-i18next';
import { NAMESPACES } from '../../../shared/i18n/catalogues';
import { createUiI18n } from '../../../shared/i18n/translate';
import {
  pickUiLanguage,
  resolveUiLanguage,
  type UiLanguage,
  type UiLanguageChoice,
} from '../../../shared/i18n/ui-language';

const CHOICE_KEY = 'rapporteur.uiLanguage';

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];
}

/** The choice remembered in this browser, so the first paint is already in the user's language. */
function rememberedChoice(): UiLanguageChoice | undefined {
  try {
    const v = localStorage.getItem(CHOICE_KEY);
    return v === 'system' || v === 'en' || v === 'es' || v === 'fr' ? v : undefined;
  } catch {
    return undefined;
  }
}

export const i18n = createUiI18n(resolveUiLanguage(rememberedChoice(), systemLanguages()));

function reflectOnDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflectOnDocument(i18n.language);
i18n.on('languageChanged', reflectOnDocument);

/** The language the interface speaks now. */
export function uiLanguage(): UiLanguage {
  return pickUiLanguage([i18n.language]);
}

/** Applies a choice at once (no restart): every component using useT() renders again. */
export async function applyUiLanguageChoice(choice: UiLanguageChoice): Promise<void> {
  try {
    localStorage.setItem(CHOICE_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice still applies to this window.
  }
  await i18n.changeLanguage(resolveUiLanguage(choice, systemLanguages()));
}

/**
 * Translate outside React (event handlers, helpers): t('namespace:key', { count }). Call it when the
 * text is needed, never at module top level (the language can change while the app runs).
 */
export const t = i18n.t; // i18next binds its methods to the instance

/**
 * What useT() gives every component: one translator per language, shared by all of them. It is
 * the translator react-i18next's useTranslation(NAMESPACES) made (getFixedT with the first
 * namespace as default and all of them in scope), but useTranslation made it, a copy of the
 * i18next instance and a languageChanged listener for each mounted component: about 2 ms per
 * footnote marker when a part with a hundred notes opened.
 */
type Translation = Pick<UseTranslationResponse<typeof NAMESPACES, undefined>, 't' | 'i18n' | 'ready'>;

function translation(): Translation {
  // The fourth argument (the namespaces in scope) is i18next's, missing from its typings.
  const getFixedT = i18n.getFixedT as unknown as (
    lng: string,
    ns: string,
    keyPrefix: undefined,
    options: { scopeNs: readonly string[] },
  ) => Translation['t'];
  return {
    t: getFixedT.call(i18n, i18n.language, NAMESPACES[0]!, undefined, { scopeNs: NAMESPACES }),
    i18n,
    ready: true,
  };
}

let current = translation();
const subscribers = new Set<() => void>();
i18n.on('languageChanged', () => {
  current = translation();
  for (const notify of subscribers) notify();
});
const subscribe = (notify: () => void) => {
  subscribers.add(notify);
  return () => {
    subscribers.delete(notify);
  };
};
const snapshot = () => current;

/** In components: const { t } = useT(); the component renders again when the language changes. */
export function useT(): Translation {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Follows the language; for components that only format dates or numbers. */
export function useUiLanguage(): UiLanguage {
  const [language, setLanguage] = useState(uiLanguage);
  useEffect(() => {
    const update = () => setLanguage(uiLanguage());
    i18n.on('languageChanged', update);
    return () => i18n.off('languageChanged', update);
  }, []);
  return language;
}

/** Dates and numbers in the interface's language (documents use the conference language instead). */
export function formatDate(
  value: Date | string | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : new Intl.DateTimeFormat(uiLanguage(), options).format(date);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLanguage(), options).format(value);
}
