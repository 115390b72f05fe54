import type { FilePurpose } from '../../../shared/contract/api';
import { purposeLabels } from '../../../shared/contract/file-policy';

/** The words of the app's own dialogs, in one place. */
export const dialogText = {
  cancel: 'Cancel',
  open: 'Open',
  save: 'Save',
  replace: 'Replace',
  title: (purpose: FilePurpose) => purposeLabels[purpose].title,
  fileName: 'File name',
  inFolder: (dir: string) => `In your workspace, ${dir}`,
  emptyFolder: 'There are no conferences in your workspace yet.',
  replaceTitle: 'Replace the file?',
  replaceQuestion: (name: string) => `“${name}” already exists in your workspace. Replacing it overwrites its contents.`,
  badName: 'A file name cannot contain / or \\ and cannot start with a dot.',
  noName: 'Type a file name.',
};
