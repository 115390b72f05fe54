import { useState } from 'react';
import { errorMessage } from '../api';
import { PART_CONFLICT_MESSAGES } from './conflict-messages';
import { useT } from '../i18n';

interface Props {
  title: string;
  onKeepMine(): Promise<void>;
  onUseTheirs(): Promise<void>;
  /** What of the user's is not saved yet (a part's text by default; a participant, a programme item…), or that nothing is. */
  unsaved?: string;
}

/**
 * Another window or program saved this part since it was opened here. Nothing is saved
 * over anyone's text until the user chooses; whichever version is not kept goes into a
 * snapshot, so neither is lost.
 */
export function ConflictBanner({ title, onKeepMine, onUseTheirs, unsaved = PART_CONFLICT_MESSAGES.unsaved }: Props) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="conflict-banner" role="alert">
      <p>
        <strong>{t('editor:conflict.changed', { title })}</strong> {unsaved} {t('editor:conflict.keepOne')}
      </p>
      <div className="conflict-actions">
        <button type="button" className="primary" disabled={busy} onClick={run(onKeepMine)}>
          {t('editor:conflict.keepMine')}
        </button>
        <button type="button" disabled={busy} onClick={run(onUseTheirs)}>
          {t('editor:conflict.useOther')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
