import type { FilePurpose, ManyFilesPurpose } from '../../../shared/contract/api';

/**
 * The app's own modal dialogs, asked for from anywhere with a promise (as window.confirm
 * would, but not blocking and not the browser's): DialogHost shows them one at a time.
 */
export type ChosenFile = { path: string; replace: boolean } | null;

export type DialogRequest =
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; resolve(ok: boolean): void }
  | { kind: 'choose'; purpose: FilePurpose; suggestedName?: string; resolve(file: ChosenFile): void }
  | { kind: 'choose-many'; purpose: ManyFilesPurpose; resolve(paths: string[] | null): void };

type Listener = (queue: readonly DialogRequest[]) => void;
let queue: DialogRequest[] = [];
const listeners = new Set<Listener>();
const publish = () => {
  for (const l of listeners) l(queue);
};

export function subscribeDialogs(listener: Listener): () => void {
  listeners.add(listener);
  listener(queue);
  return () => {
    listeners.delete(listener);
  };
}

function enqueue(request: DialogRequest): void {
  queue = [...queue, request];
  publish();
}

/** Called by the host when the shown dialog is answered. */
export function settleDialog(request: DialogRequest): void {
  queue = queue.filter((r) => r !== request);
  publish();
}

/** The app's confirmation dialog: resolves true when the user confirms. */
export function askConfirm(options: { title: string; message: string; confirmLabel: string }): Promise<boolean> {
  return new Promise((resolve) => enqueue({ kind: 'confirm', ...options, resolve }));
}

/** Browser mode's in-app file chooser over the workspace. */
export function chooseInWorkspace(purpose: FilePurpose, suggestedName?: string): Promise<ChosenFile> {
  return new Promise((resolve) =>
    enqueue({ kind: 'choose', purpose, ...(suggestedName ? { suggestedName } : {}), resolve }),
  );
}

/** Browser mode's chooser with several files ticked at once (returned kits). */
export function chooseManyInWorkspace(purpose: ManyFilesPurpose): Promise<string[] | null> {
  return new Promise((resolve) => enqueue({ kind: 'choose-many', purpose, resolve }));
}
