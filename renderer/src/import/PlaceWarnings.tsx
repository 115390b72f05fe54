import { useEffect } from 'react';
import type { ImportWarning, PartSummary } from '../../../shared/model/conference';
import { openWarningEntry, placeOf, requestDone, useWarningMarkers } from '../editor/plugins/warning-markers';
import { useT } from '../i18n';
import { ImportWarningsList } from './ImportWarningsPanel';
import './part-warnings.css';

/**
 * The open import warnings about the participants registry or the conference details, above
 * that panel, as a part's are beside its editor. A warning of the registry as a whole, or of
 * the details, that the warnings list asked to show is brought into view here (an entry's own
 * warning is shown on its row by the participants panel).
 */
export function PlaceWarnings({
  place,
  openWarnings,
  parts,
  onStatus,
}: {
  place: 'participant' | 'details';
  openWarnings: ImportWarning[];
  parts: PartSummary[];
  onStatus(w: ImportWarning, status: ImportWarning['status']): void;
}) {
  const { t } = useT();
  const { request } = useWarningMarkers();
  const shown = openWarnings.filter((w) => placeOf(w) === place);
  const asked = request && shown.find((w) => w.id === request.id && !w.participantId);
  useEffect(() => {
    if (!asked) return;
    requestDone();
    openWarningEntry(asked.id);
  }, [asked]);
  if (!shown.length) return null;
  return (
    <aside
      className="part-warnings"
      aria-label={place === 'details' ? t('conference:detailsWarnings') : t('conference:participantsWarnings')}
    >
      {/* Only an entry's warning has more to show here: its row in the registry. */}
      <ImportWarningsList warnings={shown} parts={parts} onStatus={onStatus} showable={(w) => !!w.participantId} />
    </aside>
  );
}
