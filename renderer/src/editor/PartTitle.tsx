import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n';
import { warningMessage } from '../import/warning-message';
import { openWarningEntry, placeOf, requestDone, useWarningMarkers } from './plugins/warning-markers';
import './plugins/warning-markers.css';

/**
 * The part's heading above its editor. Open import warnings about the title or number (a
 * label the OCR misread, a heading moved or joined to its number) mark it as the text's
 * passages are marked, with a marker each that opens the warning in the list; a "Show the
 * title" of the warnings list focuses it once the part is open. Its own component, so that
 * the warnings changing renders the heading, not the editor.
 */
export function PartTitle({ partId, children }: { partId: string; children: ReactNode }) {
  const { t } = useT();
  const { warnings, request } = useWarningMarkers();
  const mine = useMemo(
    () => warnings.filter((w) => w.status === 'open' && w.partId === partId && placeOf(w) === 'title'),
    [warnings, partId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const asked = !!request && mine.some((w) => w.id === request.id);
  useEffect(() => {
    if (!asked) return;
    requestDone();
    const target = heading.current?.querySelector<HTMLElement>('.renameable-title') ?? heading.current;
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [asked]);
  return (
    <h2 ref={heading} className={mine.length ? 'part-title has-warning' : 'part-title'}>
      {mine.map((w) => (
        <button
          key={w.id}
          type="button"
          className="warning-marker title-warning-marker"
          aria-label={t('editor:warningMarker.label', { message: warningMessage(w).slice(0, 160) })}
          title={warningMessage(w).slice(0, 300)}
          onClick={() => openWarningEntry(w.id)}
        >
          !
        </button>
      ))}
      {children}
    </h2>
  );
}
