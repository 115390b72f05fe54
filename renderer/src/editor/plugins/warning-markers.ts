/**
 * The open import warnings as the editor's markers see them, and the requests that pass
 * between the warnings list and the editor: "show this warning in the text" (list → editor)
 * and "open this warning" (marker → list). A small store outside React, because the list
 * and the editor are far apart in the tree and neither owns the other.
 */
import { useSyncExternalStore } from 'react';
import type { ImportWarning, WarningPlace } from '../../../../shared/model/conference';

interface MarkersState {
  warnings: ImportWarning[];
  /** A warning to select in the text once its part is open in the editor. */
  request: { id: number } | null;
  /** The open OCR repairs whose damaged word the part open in the editor holds (stored with it or with another part). */
  repairsInPart: { partId: string; ids: ReadonlySet<number> } | null;
}

let state: MarkersState = { warnings: [], request: null, repairsInPart: null };
const listeners = new Set<() => void>();
const set = (next: Partial<MarkersState>): void => {
  state = { ...state, ...next };
  for (const l of listeners) l();
};

/** The conference's warnings, as loaded and changed by the warnings list. */
export const publishWarnings = (warnings: ImportWarning[]): void => set({ warnings });

/** The conference closed: its warnings and any request go (part ids repeat between conferences). */
export const forgetWarnings = (): void => set({ warnings: [], request: null, repairsInPart: null });

/** The editor read its part's text: these repairs concern it (null: the part closed). */
export const publishRepairsInPart = (found: MarkersState['repairsInPart']): void => set({ repairsInPart: found });

/** Asks the editor to select the passage of this warning (now, or when its part opens). */
export const showWarningInText = (id: number): void => set({ request: { id } });

/** The editor took the request (the passage is selected, or no longer in the text). */
export const requestDone = (): void => set({ request: null });

export function useWarningMarkers(): MarkersState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    () => state,
  );
}

/** The element id of a warning's entry in the warnings list. */
export const warningEntryId = (id: number): string => `import-warning-${id}`;

/** Brings a warning's entry in the list into view and gives it the focus (a marker was clicked). */
export function openWarningEntry(id: number): boolean {
  const entry = document.getElementById(warningEntryId(id));
  if (!entry) return false;
  entry.scrollIntoView({ block: 'nearest' });
  entry.focus();
  entry.classList.add('opened');
  entry.addEventListener('blur', () => entry.classList.remove('opened'), { once: true });
  return true;
}

/**
 * Where a warning shows: its stored place, or for a file from before places were stored, its
 * passage when it quotes one (null: its part as a whole, or nothing to show).
 */
export const placeOf = (w: ImportWarning): WarningPlace | null => w.place ?? (w.quote && w.partId ? 'text' : null);
