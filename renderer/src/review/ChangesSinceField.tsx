import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../shared/model/conference';
import { api } from '../api';
import './review.css';
import { formatDate, useT } from '../i18n';

interface Props {
  handle: string;
  /** The snapshot chosen (its id), or undefined for an ordinary export. */
  value: number | undefined;
  onChange(id: number | undefined): void;
}

/** Export dialog (Word): show every change since a chosen snapshot as Word tracked changes. */
export function ChangesSinceField({ handle, value, onChange }: Props) {
  const { t } = useT();
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  useEffect(() => {
    api.listSnapshots({ handle }).then(setSnapshots, () => setSnapshots([]));
  }, [handle]);
  if (snapshots.length === 0) return null;
  return (
    <label className="changes-since">
      {t('review:changesSince.label')}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{t('review:changesSince.none')}</option>
        {snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            {t('review:changesSince.option', {
              name: s.name,
              date: formatDate(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </option>
        ))}
      </select>
    </label>
  );
}
