import { t } from '../i18n';
import type { ParticipantField } from './parse-table';

/** The participants panel's words, in one place, in the interface's language (read when shown). */
const quoted = (names: string[]) => names.map((title) => t('app:quoted', { title })).join(', ');

export const TEXT = {
  get add() {
    return t('participants:add');
  },
  get import() {
    return t('participants:import');
  },
  get importHelp() {
    return t('participants:importHelp');
  },
  get pasteLabel() {
    return t('participants:pasteLabel');
  },
  get fileLabel() {
    return t('participants:fileLabel');
  },
  get preview() {
    return t('participants:preview');
  },
  get previewTitle() {
    return t('participants:previewTitle');
  },
  previewHeading: (source: string) => t('participants:previewHeading', { source }),
  get pastedTable() {
    return t('participants:pastedTable');
  },
  get firstRowIsHeader() {
    return t('participants:firstRowIsHeader');
  },
  get mappingLabel() {
    return t('participants:mappingLabel');
  },
  column: (n: number) => t('participants:column', { n }),
  mapColumn: (name: string) => t('participants:mapColumn', { name }),
  get notImported() {
    return t('participants:notImported');
  },
  summary: (fresh: number, known: number) =>
    known ? t('participants:summaryWithKnown', { fresh, known }) : t('participants:summary', { fresh }),
  leftOut: (columns: string[]) => t('participants:leftOut', { columns: quoted(columns) }),
  get noNameColumn() {
    return t('participants:noNameColumn');
  },
  get rowsLabel() {
    return t('participants:rowsLabel');
  },
  get statusColumn() {
    return t('participants:statusColumn');
  },
  get willBeAdded() {
    return t('participants:willBeAdded');
  },
  get alreadyThere() {
    return t('participants:alreadyThere');
  },
  moreRows: (n: number) => t('participants:moreRows', { n }),
  get cancel() {
    return t('common:cancel');
  },
  addButton: (n: number) => t('participants:addButton', { n }),
  get nothingFound() {
    return t('participants:nothingFound');
  },
  imported: (n: number) => t('participants:imported', { n }),
  get undoImport() {
    return t('participants:undoImport');
  },
  importUndone: (n: number) => t('participants:importUndone', { n }),
  get filter() {
    return t('participants:filter');
  },
  get filterLabel() {
    return t('participants:filterLabel');
  },
  get selectAll() {
    return t('participants:selectAll');
  },
  select: (name: string) => t('participants:select', { name }),
  removeSelected: (n: number) => t('participants:removeSelected', { n }),
  get removeOneTitle() {
    return t('participants:removeOneTitle');
  },
  removeOne: (name: string) => t('participants:removeOne', { name }),
  get removeManyTitle() {
    return t('participants:removeManyTitle');
  },
  removeMany: (names: string[]) =>
    t('participants:removeMany', {
      n: names.length,
      names:
        names.length > 8
          ? t('participants:andMore', { names: names.slice(0, 8).join(', '), n: names.length - 8 })
          : names.join(', '),
    }),
  removeConfirm: (n: number) =>
    n === 1 ? t('participants:removeConfirmOne') : t('participants:removeConfirmMany', { n }),
  removed: (n: number) => t('participants:removed', { n }),
  get remove() {
    return t('participants:remove');
  },
  removeLabel: (name: string) => t('participants:removeLabel', { name }),
  get newName() {
    return t('participants:newName');
  },
  get newNamePlaceholder() {
    return t('participants:newNamePlaceholder');
  },
  cellLabel: (field: string, name: string) => t('participants:cellLabel', { field, name }),
  get registry() {
    return t('participants:registry');
  },
  get heading() {
    return t('participants:heading');
  },
  get empty() {
    return t('participants:empty');
  },
  get unsavedChange() {
    return t('participants:unsavedChange');
  },
  fieldLabel: (field: ParticipantField) => t(`participants:field.${field}`),
};
