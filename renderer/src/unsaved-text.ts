import type { Api } from '../../shared/contract/api';
import type { ConferenceView, LexicalDoc } from '../../shared/model/conference';
import { t, uiLanguage } from './i18n';

/**
 * Hot exit for browser mode: when a part cannot be saved because Rapporteur's service is
 * gone (stopped, or restarted with a new token), the text is kept in this browser's
 * localStorage, keyed by the conference's path and the part's id. The next time the
 * conference is opened (from the new address), the kept text is put back into the file:
 * directly when the file still holds the version it was based on, after a snapshot of the
 * file's version when the part changed meanwhile. Nothing shown on screen is orphaned.
 */

/** What hot exit tells the user, in the interface's language (read when shown). */
export const UNSAVED_TEXT_MESSAGES = {
  get sessionEnded() {
    return t('app:unsaved.sessionEnded');
  },
  get unreachable() {
    return t('app:unsaved.unreachable');
  },
  restored: (titles: string[]) =>
    t('app:unsaved.restored', {
      titles: new Intl.ListFormat(uiLanguage(), { type: 'unit', style: 'short' }).format(
        titles.map((title) => t('app:quoted', { title })),
      ),
    }),
  snapshotName: (title: string) => t('app:unsaved.snapshotName', { title: title.slice(0, 120) }),
  get withSnapshot() {
    return t('app:unsaved.withSnapshot');
  },
  notRestored: (count: number) => t('app:unsaved.notRestored', { count }),
};

const PREFIX = 'rapporteur.unsaved.v1:';
/** Tells this page load's own kept texts (still on screen) from those of an earlier one. */
const SESSION = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

interface Kept {
  path: string;
  partId: string;
  doc: string;
  baseRevision: number;
  session: string;
  keptAt: string;
}

const keyOf = (path: string, partId: string) => `${PREFIX}${JSON.stringify([path, partId])}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function keep(entry: Kept): void {
  try {
    storage()?.setItem(keyOf(entry.path, entry.partId), JSON.stringify(entry));
  } catch (err) {
    // Storage full or refused: the save error on screen still tells the user.
    console.warn('Rapporteur could not keep unsaved text in this browser:', err);
  }
}

function forget(path: string, partId: string): void {
  storage()?.removeItem(keyOf(path, partId));
}

/** Kept texts of earlier page loads for one conference file. */
function keptFor(path: string): Kept[] {
  const store = storage();
  if (!store) return [];
  const found: Kept[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const entry = JSON.parse(store.getItem(key) ?? '') as Kept;
      if (entry.path === path && entry.session !== SESSION) found.push(entry);
    } catch {
      store.removeItem(key);
    }
  }
  return found;
}

type Listener = (message: string) => void;
const listeners = new Set<Listener>();
const undelivered: string[] = [];

/** What was restored, in words for a notice; messages from before the first listener are delivered on subscribe. */
export function onUnsavedTextRestored(listener: Listener): () => void {
  listeners.add(listener);
  for (const message of undelivered.splice(0)) listener(message);
  return () => {
    listeners.delete(listener);
  };
}

function announce(message: string): void {
  if (listeners.size === 0) undelivered.push(message);
  for (const listener of listeners) listener(message);
}

/** A failure that means the service cannot be reached from this tab (not a refusal by the service). */
const isLostConnection = (err: unknown) => (err as { code?: string } | null)?.code === 'IO';

/** Wraps the API so unsaved text survives a lost service and comes back on the next open. */
export function keepUnsavedText(inner: Api): Api {
  const paths = new Map<string, string>();
  const restoredPaths = new Set<string>();

  const remember = (view: ConferenceView) => {
    paths.set(view.handle, view.path);
    return view;
  };

  async function restoreInto(view: ConferenceView): Promise<ConferenceView> {
    if (restoredPaths.has(view.path)) return view;
    restoredPaths.add(view.path);
    const kept = keptFor(view.path);
    if (kept.length === 0) return view;
    const titles: string[] = [];
    let snapshots = 0;
    let failed = 0;
    for (const entry of kept) {
      try {
        const part = await inner.getPart({ handle: view.handle, partId: entry.partId });
        if (JSON.stringify(part.doc) !== entry.doc) {
          if (part.revision !== entry.baseRevision) {
            await inner.createSnapshot({ handle: view.handle, name: UNSAVED_TEXT_MESSAGES.snapshotName(part.title) });
            snapshots++;
          }
          await inner.savePart({
            handle: view.handle,
            partId: entry.partId,
            doc: JSON.parse(entry.doc) as LexicalDoc,
            baseRevision: part.revision,
          });
          titles.push(part.title);
        }
        forget(entry.path, entry.partId);
      } catch {
        failed++;
      }
    }
    if (titles.length || failed) {
      announce(
        (titles.length ? UNSAVED_TEXT_MESSAGES.restored(titles) : '') +
          (snapshots ? UNSAVED_TEXT_MESSAGES.withSnapshot : '') +
          (failed ? UNSAVED_TEXT_MESSAGES.notRestored(failed) : ''),
      );
    }
    return titles.length ? remember(await inner.getConference({ handle: view.handle })) : view;
  }

  return {
    ...inner,
    openConference: async (input) => restoreInto(remember(await inner.openConference(input))),
    getConference: async (input) => restoreInto(remember(await inner.getConference(input))),
    createConference: async (input) => remember(await inner.createConference(input)),
    savePart: async (input) => {
      const path = paths.get(input.handle);
      try {
        const summary = await inner.savePart(input);
        if (path) forget(path, input.partId);
        return summary;
      } catch (err) {
        if (path && isLostConnection(err)) {
          keep({
            path,
            partId: input.partId,
            doc: JSON.stringify(input.doc),
            baseRevision: input.baseRevision,
            session: SESSION,
            keptAt: new Date().toISOString(),
          });
        }
        throw err;
      }
    },
  };
}
