import { memo, useSyncExternalStore } from 'react';
import type { AutosaveState } from '../../../shared/autosave';
import { useT } from '../i18n';

/**
 * The window's save state, kept outside React state: while someone types, autosave flips
 * between "Editing…" and "Saving…" about once a second, and only this label should render
 * again, not the whole conference screen (each such render landed on a keystroke).
 */
let current: AutosaveState = { kind: 'saved' };
const listeners = new Set<() => void>();

export function publishSaveState(state: AutosaveState): void {
  if (
    state.kind === current.kind &&
    (state.kind !== 'failed' || state.message === (current as { message?: string }).message)
  )
    return;
  current = state;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};

/** Autosave needs no button, but the user should always see whether their words are safe (memoised: it renders for its own store only). */
export const SaveStatus = memo(function SaveStatus() {
  const { t } = useT();
  const state = useSyncExternalStore(subscribe, () => current);
  return (
    <span className={`save-status save-${state.kind}`} role="status" data-testid="save-status">
      {t(`conference:save.${state.kind}`)}
    </span>
  );
});
