import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../shared/model/conference';
import { api } from '../api';
import './review.css';

interface Props {
  handle: string;
  /** The snapshot chosen (its id), or undefined for an ordinary export. */
  value: number | undefined;
  onChange(id: number | undefined): void;
}

/** Export dialog (Word): show every change since a chosen snapshot as Word tracked changes. */
export function ChangesSinceField({ handle, value, onChange }: Props) {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  useEffect(() => { api.listSnapshots({ handle }).then(setSnapshots, () => setSnapshots([])); }, [handle]);
  if (snapshots.length === 0) return null;
  return (
    <label className="changes-since">
      Tracked changes since{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">— none (no revision marks) —</option>
        {snapshots.map((s) => <option key={s.id} value={s.id}>{s.name} ({new Date(s.createdAt).toLocaleString()})</option>)}
      </select>
    </label>
  );
}
