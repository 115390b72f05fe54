import { useEffect, useState } from 'react';
import type { ConferenceView, SnapshotInfo } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { ComparePanel } from '../review/ComparePanel';
import { askConfirm } from '../dialogs/dialog-store';
import { formatDate, t as translate, useT } from '../i18n';

interface Props {
  handle: string;
  onRestored(view: ConferenceView): void;
  onNotice(n: NoticeState): void;
}

/** Named snapshots, and those taken automatically before content was replaced; any can be restored. */
export function SnapshotsPanel({ handle, onRestored, onNotice }: Props) {
  const { t } = useT();
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
      onNotice({ kind: 'info', text: translate('conference:snapshots.taken') });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const restore = async (s: SnapshotInfo) => {
    if (
      !(await askConfirm({
        title: translate('conference:snapshots.restoreTitle'),
        message: translate('conference:snapshots.restoreQuestion', { name: s.name }),
        confirmLabel: translate('conference:snapshots.restore'),
      }))
    )
      return;
    try {
      onRestored(await api.restoreSnapshot({ handle, snapshotId: s.id }));
      onNotice({ kind: 'info', text: translate('conference:snapshots.restored', { name: s.name }) });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  if (comparing) {
    return (
      <ComparePanel
        handle={handle}
        snapshot={comparing}
        onNotice={onNotice}
        onClose={(changed) => {
          setComparing(null);
          // Something was restored: the conference is reloaded as after a restore.
          if (changed)
            api
              .getConference({ handle })
              .then(onRestored, (err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
        }}
      />
    );
  }

  return (
    <section className="snapshots-panel" aria-label={t('conference:snapshots.label')}>
      <h2>{t('conference:snapshots.label')}</h2>
      <form
        className="open-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void take();
        }}
      >
        <input
          aria-label={t('conference:snapshots.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('conference:snapshots.placeholder')}
          maxLength={200}
        />
        <button type="submit" disabled={!name.trim()}>
          {t('conference:snapshots.take')}
        </button>
      </form>
      {list.length === 0 ? (
        <p className="muted">{t('conference:snapshots.none')}</p>
      ) : (
        <table className="snapshots">
          <thead>
            <tr>
              <th>{t('conference:snapshots.colName')}</th>
              <th>{t('conference:snapshots.colKind')}</th>
              <th>{t('conference:snapshots.colTaken')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{t(`conference:snapshots.reason.${s.reason}`)}</td>
                <td>{formatDate(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>
                  <button type="button" onClick={() => setComparing(s)} title={t('conference:snapshots.compareTitle')}>
                    {t('conference:snapshots.compare')}
                  </button>{' '}
                  <button type="button" onClick={() => void restore(s)}>
                    {t('conference:snapshots.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
