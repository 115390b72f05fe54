import type { FilePurpose } from '../../../shared/contract/api';
import { t } from '../i18n';

/** The words of the app's own dialogs, in one place, in the interface's language (read when shown). */
export const dialogText = {
  get cancel() {
    return t('common:cancel');
  },
  get open() {
    return t('dialogs:open');
  },
  get save() {
    return t('common:save');
  },
  get replace() {
    return t('dialogs:replace');
  },
  title: (purpose: FilePurpose) => t(`dialogs:purpose.${purpose}`),
  get fileName() {
    return t('dialogs:fileName');
  },
  inFolder: (dir: string) => t('dialogs:inFolder', { dir }),
  get emptyFolder() {
    return t('dialogs:emptyFolder');
  },
  get replaceTitle() {
    return t('dialogs:replaceTitle');
  },
  replaceQuestion: (name: string) => t('dialogs:replaceQuestion', { name }),
  get badName() {
    return t('dialogs:badName');
  },
  get noName() {
    return t('dialogs:noName');
  },
  chooseSeveral: (count: number) => t('dialogs:chooseSeveral', { count }),
};
