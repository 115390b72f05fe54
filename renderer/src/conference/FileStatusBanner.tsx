import type { ConferenceView } from '../../../shared/model/conference';
import './file-status.css';
import { useT } from '../i18n';

/**
 * Under the header of an open conference: that the file is open read-only and why, and
 * what was found damaged or set aside when it was opened (the rest opened as usual).
 */
export function FileStatusBanner({ view }: { view: ConferenceView }) {
  const { t } = useT();
  const problems = view.problems ?? [];
  if (!view.readOnly && problems.length === 0) return null;
  return (
    <div className="file-status" role="status" aria-label={t('editor:readOnly.label')}>
      {view.readOnly && (
        <p className="file-status-readonly">
          <strong>{t('editor:readOnly.title')}</strong>{' '}
          {view.readOnlyReasonKey
            ? t(`errors:store.readOnlyReason.${view.readOnlyReasonKey}`)
            : (view.readOnlyReason ?? t('editor:readOnly.fallbackReason'))}
          {t('editor:readOnly.rest')}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="file-status-problems">
          {problems.map((p) => {
            const text = t(`errors:${p.key}` as never, p.values);
            return <li key={text}>{text}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
