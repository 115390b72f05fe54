/**
 * `rapporteur snapshot <file> --name <name> [--json]` keeps the conference as it is now
 * under a name; `rapporteur snapshots <file> [--json]` lists what is kept, newest first.
 * Both go through the store's own snapshot functions, as the app's Snapshots panel does.
 */
import type { SnapshotInfo } from '../../shared/model/conference';
import { ConferenceStore } from '../node/store/conference-store';
import { localSynopsis, onlyPositional, stringOption, UsageError, type CommandModule, type Context } from './context';

/** The same bounds as the contract's createSnapshot. */
const NAME_MAX = 200;

const REASONS: readonly SnapshotInfo['reason'][] = [
  'manual',
  'before-import',
  'before-restore',
  'before-merge',
  'before-replace',
];
const reasonIn = (reason: SnapshotInfo['reason'], cx: Context): string =>
  REASONS.includes(reason) ? cx.t(`cli:snapshot.reason.${reason}`) : reason;

function withStore<T>(cx: Context, pos: string[], access: 'read' | 'write', fn: (store: ConferenceStore) => T): T {
  const store = ConferenceStore.open(cx.file(onlyPositional(pos, 'conferenceFile')), { readOnly: access === 'read' });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export const snapshot: CommandModule = {
  async run(v, pos, cx) {
    const name = stringOption(v, 'name')?.trim();
    if (name === undefined)
      throw new UsageError((t) =>
        t('cli:usageError.missingSnapshotName', { option: localSynopsis('--name <name>', t) }),
      );
    if (name.length === 0) throw new UsageError((t) => t('cli:usageError.empty', { option: '--name' }));
    if (name.length > NAME_MAX)
      throw new UsageError((t) =>
        t('cli:usageError.tooLong', { option: '--name', length: name.length, max: NAME_MAX }),
      );
    const info = withStore(cx, pos, 'write', (store) => store.createSnapshot(name, 'manual'));
    cx.out(
      v.json
        ? JSON.stringify(info, null, 2)
        : cx.t('cli:snapshot.kept', { id: info.id, name: info.name, date: info.createdAt }),
    );
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
      cx.out(cx.t('cli:snapshot.none', { command: localSynopsis('rapporteur snapshot <file> --name <name>', cx.t) }));
      return 0;
    }
    const idWidth = Math.max(2, ...list.map((s) => String(s.id).length));
    const reasonWidth = Math.max(16, ...list.map((s) => reasonIn(s.reason, cx).length));
    cx.out(
      list
        .map(
          (s) =>
            `${String(s.id).padStart(idWidth)}  ${s.createdAt}  ${reasonIn(s.reason, cx).padEnd(reasonWidth)}  ${s.name}`,
        )
        .join('\n'),
    );
    return 0;
  },
};
