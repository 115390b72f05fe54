import { localizeWarning } from '../../../shared/i18n/import-warnings';
import type { ImportWarning } from '../../../shared/model/conference';
import { uiLanguage } from '../i18n';

/**
 * An import warning's message in the interface language: its catalogue key and values when it has
 * them, else the English message it was stored with (files imported before the catalogue).
 * Call it while rendering, under useT(), so that it follows a change of language.
 */
export function warningMessage(w: Pick<ImportWarning, 'message' | 'key' | 'values'>): string {
  return localizeWarning(w, uiLanguage());
}
