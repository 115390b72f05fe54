import { memo } from 'react';
import type { ImportWarning, PartSummary } from '../../../shared/model/conference';
import { sameIdsAndTitles } from '../conference/same-titles';
import { placeOf, useWarningMarkers } from '../editor/plugins/warning-markers';
import { useT } from '../i18n';
import { ImportWarningsList } from './ImportWarningsPanel';
import './part-warnings.css';

/**
 * The open import warnings of the part in the editor, beside it: those stored with the part,
 * and the OCR repairs stored with another part whose damaged word this part's text holds too
 * (Accept changes it here as well; the editor reports them, see WarningMarkersPlugin).
 */
interface PartWarningsProps {
  partId: string;
  openWarnings: ImportWarning[];
  /** Only the parts' titles show (where a warning is): a save's new list with the same titles renders nothing again. */
  parts: PartSummary[];
  onStatus(w: ImportWarning, status: ImportWarning['status']): void;
  /** Opens the panel of a place outside the part (the participants registry, the details). */
  onShow?(w: ImportWarning): void;
}

export const PartWarnings = memo(function PartWarnings({
  partId,
  openWarnings,
  parts,
  onStatus,
  onShow,
}: PartWarningsProps) {
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
}, samePartWarningsProps);

function samePartWarningsProps(a: PartWarningsProps, b: PartWarningsProps): boolean {
  return (
    a.partId === b.partId &&
    a.openWarnings === b.openWarnings &&
    a.onStatus === b.onStatus &&
    a.onShow === b.onShow &&
    sameIdsAndTitles(a.parts, b.parts)
  );
}
