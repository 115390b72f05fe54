import { t } from '../i18n';

/** What the compare view says, in one place, in the interface's language (read when shown). */
export const COMPARE_TEXT = {
  get panel() {
    return t('review:compare.panel');
  },
  title: (name: string) => t('review:compare.title', { name }),
  taken: (when: string) => t('review:compare.taken', { when }),
  get back() {
    return t('review:compare.back');
  },
  get comparing() {
    return t('review:compare.comparing');
  },
  get nothing() {
    return t('review:compare.nothing');
  },
  summary: (changed: number, added: number, removed: number, moved: number) =>
    t('review:compare.summary', { changed, added, removed, moved }),
  get added() {
    return t('review:compare.added');
  },
  get removed() {
    return t('review:compare.removed');
  },
  get moved() {
    return t('review:compare.moved');
  },
  renamed: (old: string) => t('review:compare.renamed', { old }),
  words: (ins: number, del: number) => t('review:compare.words', { ins, del }),
  get restorePart() {
    return t('review:compare.restorePart');
  },
  get restorePartHint() {
    return t('review:compare.restorePartHint');
  },
  get confirmRestorePart() {
    return t('review:compare.confirmRestorePart');
  },
  get cancel() {
    return t('common:cancel');
  },
  get restoreBlock() {
    return t('review:compare.restoreBlock');
  },
  get restoreBlockHint() {
    return t('review:compare.restoreBlockHint');
  },
  get removeBlock() {
    return t('review:compare.removeBlock');
  },
  get removeBlockHint() {
    return t('review:compare.removeBlockHint');
  },
  restoredBlock: (part: string) => t('review:compare.restoredBlock', { part }),
  restoredPart: (part: string) => t('review:compare.restoredPart', { part }),
  get onlyTitle() {
    return t('review:compare.onlyTitle');
  },
  unchanged: (n: number) => t('review:compare.unchanged', { n }),
};
