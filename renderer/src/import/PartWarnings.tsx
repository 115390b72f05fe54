import type { ImportWarning, PartSummary } from '../../../shared/model/conference';
import { placeOf, useWarningMarkers } from '../editor/plugins/warning-markers';
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
  /** Opens the panel of a place outside the part (the participants registry, the details). */
  onShow?(w: ImportWarning): void;
}) {
  const { t } = useT();
  const { repairsInPart } = useWarningMarkers();
  const here = repairsInPart?.partId === partId ? repairsInPart.ids : null;
  const shown = openWarnings.filter((w) => w.partId === partId || (w.suggestion && here?.has(w.id)));
  // A passage or the title is shown in this part (an OCR repair stored with another part too); the registry is another panel.
  const showElsewhere = (w: ImportWarning) => {
    const place = placeOf(w);
    if (place !== 'text' && place !== 'title') onShow?.(w);
  };
  if (!shown.length) return null;
  return (
    <aside className="part-warnings" aria-label={t('conference:partWarnings')}>
      <ImportWarningsList warnings={shown} parts={parts} onStatus={onStatus} onShow={showElsewhere} />
    </aside>
  );
}
