import { t } from '../i18n';

/** What the conflict banner says of a part's text, by whether this window has edits not saved yet (read when shown). */
export const PART_CONFLICT_MESSAGES = {
  get unsaved() {
    return t('editor:conflict.unsaved');
  },
  get nothingUnsaved() {
    return t('editor:conflict.nothingUnsaved');
  },
  /** Snapshot names, in the words of the user who chose (as the other conflict banners' snapshots); 200 is the contract's bound. */
  snapshotTheirs: (title: string) => t('editor:conflict.snapshotTheirs', { title }).slice(0, 200),
  snapshotMine: (title: string) => t('editor:conflict.snapshotMine', { title }).slice(0, 200),
};
