import { useEffect, useState } from 'react';
import type { ConferenceView, SnapshotInfo } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { ComparePanel } from '../review/ComparePanel';
import { askConfirm } from '../dialogs/dialog-store';

const REASON: Record<SnapshotInfo['reason'], string> = {
  manual: 'Named', 'before-import': 'Before import', 'before-restore': 'Before restore', 'before-merge': 'Before merge', 'before-replace': 'Before replace',
};

interface Props {
  handle: string;
  onRestored(view: ConferenceView): void;
  onNotice(n: NoticeState): void;
}

/** Named snapshots, and those taken automatically before content was replaced; any can be restored. */
export function SnapshotsPanel({ handle, onRestored, onNotice }: Props) {
  const [list, setList] = useState<SnapshotInfo[]>([]);
  const [name, setName] = useState('');
  const [comparing, setComparing] = useState<SnapshotInfo | null>(null);

  useEffect(() => {
    api.listSnapshots({ handle }).then(setList, (err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
  }, [handle, onNotice]);

  const take = async () => {
    try {
      await api.createSnapshot({ handle, name: name.trim() });
      setName('');
      setList(await api.listSnapshots({ handle }));
      onNotice({ kind: 'info', text: 'Snapshot taken.' });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const restore = async (s: SnapshotInfo) => {
    if (!(await askConfirm({
      title: 'Restore snapshot?',
      message: `Restore “${s.name}”? The conference as it is now is kept as a snapshot first.`,
      confirmLabel: 'Restore',
    }))) return;
    try {
      onRestored(await api.restoreSnapshot({ handle, snapshotId: s.id }));
      onNotice({ kind: 'info', text: `Restored “${s.name}”. The previous state is under “Before restore”.` });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  if (comparing) {
    return <ComparePanel handle={handle} snapshot={comparing} onNotice={onNotice} onClose={(changed) => {
      setComparing(null);
      // Something was restored: the conference is reloaded as after a restore.
      if (changed) api.getConference({ handle }).then(onRestored, (err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
    }} />;
  }

  return (
    <section className="snapshots-panel" aria-label="Snapshots">
      <h2>Snapshots</h2>
      <form className="open-form" onSubmit={(e) => { e.preventDefault(); if (name.trim()) void take(); }}>
        <input aria-label="Snapshot name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Draft sent to the Chair" maxLength={200} />
        <button type="submit" disabled={!name.trim()}>Take snapshot</button>
      </form>
      {list.length === 0 ? <p className="muted">No snapshots yet.</p> : (
        <table className="snapshots">
          <thead><tr><th>Name</th><th>Kind</th><th>Taken</th><th /></tr></thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{REASON[s.reason]}</td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>
                  <button type="button" onClick={() => setComparing(s)} title="See what changed since this snapshot">Compare</button>{' '}
                  <button type="button" onClick={() => void restore(s)}>Restore</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
