import { t } from '../i18n';

/** What the conflict banner says of a part's text, by whether this window has edits not saved yet (read when shown). */
export const PART_CONFLICT_MESSAGES = {
  get unsaved() {
    return t('editor:conflict.unsaved');
  },
  get nothingUnsaved() {
    return t('editor:conflict.nothingUnsaved');
  },
};
