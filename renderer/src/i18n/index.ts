// The interface's language: one i18next instance for the whole renderer over the shared catalogues
// (shared/i18n/messages). How to add a string: README.md beside this file.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** In components: const { t } = useT(); the component renders again when the language changes. */
export function useT() {
  return useTranslation(NAMESPACES, { i18n });
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
