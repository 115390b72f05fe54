import { useEffect, useState } from 'react';
import { PartStatus, type PartSummary } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { useT } from '../i18n';

interface Props {
  handle: string;
  part: PartSummary;
  onSaved(p: PartSummary): void;
  onNotice(n: NoticeState): void;
  /** Why the fields may not change here (a kit's part not assigned to its rapporteur); editable when absent. */
  readOnlyReason?: string;
}

/** Where a part stands in the workflow, and who is writing it. */
export function PartStatusBar({ handle, part, onSaved, onNotice, readOnlyReason }: Props) {
  const { t } = useT();
  const [rapporteur, setRapporteur] = useState(part.rapporteur);
  useEffect(() => setRapporteur(part.rapporteur), [part.id, part.rapporteur]);

  const save = async (patch: { status?: PartSummary['status']; rapporteur?: string }) => {
    try {
      onSaved(await api.updatePart({ handle, partId: part.id, patch }));
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  return (
    <div className="part-status-bar">
      <label>
        {t('conference:statusBar.status')}
        <select
          value={part.status}
          disabled={readOnlyReason !== undefined}
          title={readOnlyReason}
          onChange={(e) => void save({ status: e.target.value as PartSummary['status'] })}
        >
          {PartStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`common:status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('conference:statusBar.rapporteur')}
        <input
          value={rapporteur}
          maxLength={200}
          disabled={readOnlyReason !== undefined}
          title={readOnlyReason}
          placeholder={t('conference:statusBar.rapporteurPlaceholder')}
          onChange={(e) => setRapporteur(e.target.value)}
          onBlur={() => {
            if (rapporteur !== part.rapporteur) void save({ rapporteur: rapporteur.trim() });
          }}
        />
      </label>
      <span className="muted">{t('common:words', { count: part.wordCount })}</span>
    </div>
  );
}
