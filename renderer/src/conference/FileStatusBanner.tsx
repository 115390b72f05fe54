import type { ConferenceView } from '../../../shared/model/conference';
import './file-status.css';

/**
 * Under the header of an open conference: that the file is open read-only and why, and
 * what was found damaged or set aside when it was opened (the rest opened as usual).
 */
export function FileStatusBanner({ view }: { view: ConferenceView }) {
  const problems = view.problems ?? [];
  if (!view.readOnly && problems.length === 0) return null;
  return (
    <div className="file-status" role="status" aria-label="About this file">
      {view.readOnly && (
        <p className="file-status-readonly"><strong>Read-only:</strong> {view.readOnlyReason ?? 'this file cannot be written'}.
          You can read and export it; changes are not saved. Use Save a Copy to edit it elsewhere.</p>
      )}
      {problems.length > 0 && (
        <ul className="file-status-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
      )}
    </div>
  );
}
