import { t } from '../../i18n';

/** The speaker dialog's words, in one place, in the interface's language (read when shown). */
export const SPEAKER_TEXT = {
  speaker: (n: number | null) => (n === null ? t('editor:speaker.speaker') : t('editor:speaker.speakerN', { n })),
  get placeholder() {
    return t('editor:speaker.placeholder');
  },
  get matches() {
    return t('editor:speaker.matches');
  },
  addAsNew: (name: string) => t('editor:speaker.addAsNew', { name }),
  get willBeAdded() {
    return t('editor:speaker.willBeAdded');
  },
  notInRegistry: (name: string) => t('editor:speaker.notInRegistry', { name }),
  get another() {
    return t('editor:speaker.another');
  },
  get paperTitle() {
    return t('editor:speaker.paperTitle');
  },
  get paperPlaceholder() {
    return t('editor:speaker.paperPlaceholder');
  },
  get cancel() {
    return t('common:cancel');
  },
  get insert() {
    return t('editor:speaker.insert');
  },
};
