// The interface language of the main process (menus, native dialogs): the user's choice stored in
// settings.json, else the system's preferred languages; refreshed each time the menu is built.
import { app } from 'electron';
import { serializeError } from '../../shared/errors';
import { localizeError } from '../../shared/i18n/app-error';
import { translator } from '../../shared/i18n/translate';
import { DEFAULT_UI_LANGUAGE, resolveUiLanguage, type UiLanguage } from '../../shared/i18n/ui-language';
import type { AppServices } from '../node/services/app-services';

let current: UiLanguage = DEFAULT_UI_LANGUAGE;

function systemLanguages(): string[] {
  const preferred = app.getPreferredSystemLanguages?.() ?? [];
  return preferred.length ? preferred : [app.getLocale?.() ?? DEFAULT_UI_LANGUAGE];
}

/** Reads the choice again (after setUiLanguage, or at a menu rebuild) and returns the language in force. */
export async function refreshMainUiLanguage(services: AppServices): Promise<UiLanguage> {
  const { uiLanguage } = await services.api.getPreferences({});
  current = resolveUiLanguage(uiLanguage, systemLanguages());
  return current;
}

/** Translate in the main process, in the language last refreshed. */
export const mainT = () => translator(current);

/** An error's message for a native dialog: a catalogued error in the language last refreshed. */
export const mainErrorMessage = (err: unknown): string => localizeError(serializeError(err), current);
