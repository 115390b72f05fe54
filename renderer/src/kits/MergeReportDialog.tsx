import type { MergeReport } from '../../../shared/kits/kit-report';
import { kitText } from './kit-text';

interface Props { report: MergeReport; onAnother(): void; onClose(): void }

/** What bringing kits in did, kit by kit and decision by decision. */
export function MergeReportDialog({ report, onAnother, onClose }: Props) {
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <section className="dialog kit-dialog" role="dialog" aria-modal="true" aria-labelledby="merge-report-title">
        <h3 id="merge-report-title">{kitText.reportTitle}</h3>
        <p role="status">{kitText.totals(report.taken, report.conflicts, report.refused)}{report.snapshotId !== null ? ` ${kitText.snapshot}` : ''}</p>
        {report.kits.map((k) => (
          <article key={k.file} className={`kit-result kit-${k.outcome}`} aria-label={k.file}>
            <h4>{k.kit ? `${k.file}: ${k.kit.rapporteur}` : k.file}</h4>
            {k.message && <p>{k.message}</p>}
            {(Object.keys(kitText.decisions) as (keyof typeof kitText.decisions)[]).map((d) => {
              const entries = k.entries.filter((e) => e.decision === d);
              if (entries.length === 0) return null;
              return (
                <section key={d} className={`kit-decision kit-decision-${d}`} aria-label={kitText.decisions[d]}>
                  <h5>{kitText.decisions[d]}</h5>
                  <ul>{entries.map((e, i) => <li key={`${e.subject}:${e.id ?? i}`}><strong>{e.title}</strong>: {e.message}</li>)}</ul>
                </section>
              );
            })}
          </article>
        ))}
        <div className="dialog-actions">
          <button type="button" onClick={onAnother}>{kitText.anotherKit}</button>
          <button type="button" className="primary" onClick={onClose} autoFocus>{kitText.close}</button>
        </div>
      </section>
    </div>
  );
}
