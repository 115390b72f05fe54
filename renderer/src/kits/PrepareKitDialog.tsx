import { useMemo, useRef, useState } from 'react';
import type { ConferenceView } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import { chooseFile } from '../dialogs/choose-file';
import type { NoticeState } from '../app/Notice';
import { useT } from '../i18n';
import { useModalFocus } from '../dialogs/use-modal-focus';

interface Props {
  view: ConferenceView;
  onClose(): void;
  onNotice(n: NoticeState): void;
}

/** Picks a rapporteur among those parts are assigned to, then where to save their kit (the app's file dialog). */
export function PrepareKitDialog({ view, onClose, onNotice }: Props) {
  const rapporteurs = useMemo(
    () => [...new Set(view.parts.map((p) => p.rapporteur.trim()).filter(Boolean))].sort(),
    [view.parts],
  );
  const [who, setWho] = useState(rapporteurs[0] ?? '');
  const [busy, setBusy] = useState(false);
  const { t } = useT();
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, onClose);
  const theirs = view.parts.filter((p) => p.rapporteur.trim() === who);

  const save = async () => {
    setBusy(true);
    try {
      const target = await chooseFile(
        'save-kit',
        `${t('kits:prepare.suggestedName', { conference: view.meta.title || t('kits:banner.aConference'), who })}.rapporteur`.replace(
          /[\\/:*?"<>|]+/g,
          ' ',
        ),
      );
      if (!target) return;
      const made = await api.prepareKit({
        handle: view.handle,
        rapporteur: who,
        path: target.path,
        replace: target.replace,
      });
      onNotice({ kind: 'info', text: t('kits:prepare.saved', { who: made.rapporteur, path: made.path }) });
      onClose();
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  // Out of the way while the file dialog is up (it is the app's own dialog in browser mode).
  if (busy) return null;
  return (
    <div className="dialog-backdrop" role="presentation">
      <section
        ref={box}
        className="dialog kit-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="prepare-kit-title"
      >
        <h3 id="prepare-kit-title">{t('kits:prepare.title')}</h3>
        <p>{t('kits:prepare.intro')}</p>
        {rapporteurs.length === 0 ? (
          <p role="note">{t('kits:prepare.noneAssigned')}</p>
        ) : (
          <>
            <label>
              {t('kits:prepare.rapporteur')}{' '}
              <select value={who} onChange={(e) => setWho(e.target.value)} autoFocus>
                {rapporteurs.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
            <p>{t('kits:prepare.theirParts', { count: theirs.length })}</p>
            <ul className="kit-parts">
              {theirs.map((p) => (
                <li key={p.id}>{p.title}</li>
              ))}
            </ul>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="button" className="primary" disabled={busy || !who} onClick={() => void save()}>
            {t('kits:prepare.chooseWhere')}
          </button>
        </div>
      </section>
    </div>
  );
}
