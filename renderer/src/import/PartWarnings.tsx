import type { ImportWarning, PartSummary } from '../../../shared/model/conference';
import { useWarningMarkers } from '../editor/plugins/warning-markers';
import { useT } from '../i18n';
import { ImportWarningsList } from './ImportWarningsPanel';
import './part-warnings.css';

/**
 * The open import warnings of the part in the editor, beside it: those stored with the part,
 * and the OCR repairs stored with another part whose damaged word this part's text holds too
 * (Accept changes it here as well; the editor reports them, see WarningMarkersPlugin).
 */
export function PartWarnings({
  partId,
  openWarnings,
  parts,
  onStatus,
  onShow,
}: {
  partId: string;
  openWarnings: ImportWarning[];
  parts: PartSummary[];
  onStatus(w: ImportWarning, status: ImportWarning['status']): void;
  onShow?(w: ImportWarning): void;
}) {
  const { t } = useT();
  const { repairsInPart } = useWarningMarkers();
  const here = repairsInPart?.partId === partId ? repairsInPart.ids : null;
  const shown = openWarnings.filter((w) => w.partId === partId || (w.suggestion && here?.has(w.id)));
  if (!shown.length) return null;
  return (
    <aside className="part-warnings" aria-label={t('conference:partWarnings')}>
      <ImportWarningsList warnings={shown} parts={parts} onStatus={onStatus} onShow={onShow} />
    </aside>
  );
}
