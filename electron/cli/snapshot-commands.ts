/**
 * `rapporteur snapshot <file> --name <name> [--json]` keeps the conference as it is now
 * under a name; `rapporteur snapshots <file> [--json]` lists what is kept, newest first.
 * Both go through the store's own snapshot functions, as the app's Snapshots panel does.
 */
import type { SnapshotInfo } from '../../shared/model/conference';
import { ConferenceStore } from '../node/store/conference-store';
import { onlyPositional, stringOption, UsageError, type CommandModule, type Context } from './context';

/** The same bounds as the contract's createSnapshot. */
const NAME_MAX = 200;

const REASONS: Record<SnapshotInfo['reason'], string> = {
  manual: 'named',
  'before-import': 'before an import',
  'before-restore': 'before a restore',
  'before-merge': 'before a merge',
  'before-replace': 'before a replace in all parts',
};

function withStore<T>(cx: Context, pos: string[], access: 'read' | 'write', fn: (store: ConferenceStore) => T): T {
  const store = ConferenceStore.open(cx.file(onlyPositional(pos, 'conference file')), { readOnly: access === 'read' });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export const snapshot: CommandModule = {
  async run(v, pos, cx) {
    const name = stringOption(v, 'name')?.trim();
    if (name === undefined) throw new UsageError('missing --name <name> (what to call this snapshot).');
    if (name.length === 0) throw new UsageError('--name must not be empty.');
    if (name.length > NAME_MAX) throw new UsageError(`--name is ${name.length} characters long; at most ${NAME_MAX}.`);
    const info = withStore(cx, pos, 'write', (store) => store.createSnapshot(name, 'manual'));
    cx.out(v.json ? JSON.stringify(info, null, 2) : `Kept snapshot ${info.id} “${info.name}” (${info.createdAt}).`);
    return 0;
  },
};

export const snapshots: CommandModule = {
  async run(v, pos, cx) {
    const list = withStore(cx, pos, 'read', (store) => store.listSnapshots());
    if (v.json) {
      cx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.length === 0) {
      cx.out('No snapshots yet (take one with “rapporteur snapshot <file> --name <name>”).');
      return 0;
    }
    const idWidth = Math.max(2, ...list.map((s) => String(s.id).length));
    cx.out(
      list
        .map(
          (s) =>
            `${String(s.id).padStart(idWidth)}  ${s.createdAt}  ${(REASONS[s.reason] ?? s.reason).padEnd(16)}  ${s.name}`,
        )
        .join('\n'),
    );
    return 0;
  },
};
