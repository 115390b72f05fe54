import type { AutosaveState } from '../../../shared/autosave';

const LABEL: Record<AutosaveState['kind'], string> = {
  saved: 'All changes saved', pending: 'Editing…', saving: 'Saving…', failed: 'Not saved',
};

/** Autosave needs no button, but the user should always see whether their words are safe. */
export function SaveStatus({ state }: { state: AutosaveState }) {
  return <span className={`save-status save-${state.kind}`} role="status" data-testid="save-status">{LABEL[state.kind]}</span>;
}
