import { useState } from 'react';
import type { KitInfo, MergeReport } from '../../../shared/kits/kit-report';
import type { ConferenceView } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import { chooseFiles } from '../dialogs/choose-file';
import type { NoticeState } from '../app/Notice';
import { useT } from '../i18n';
import { PrepareKitDialog } from './PrepareKitDialog';
import { MergeReportDialog } from './MergeReportDialog';
import './kits.css';

interface Props {
  view: ConferenceView;
  kit: KitInfo | null | undefined;
  /** After kits were brought in: the conference changed under the editor. */
  onMerged(): void;
  onNotice(n: NoticeState): void;
}

/**
 * The editors' desk: "Prepare kit for…" and "Bring in returned kits…" in the conference's
 * header (not shown in a rapporteur's kit). Files come from the app's dialogs only.
 */
export function KitActions({ view, kit, onMerged, onNotice }: Props) {
  const [preparing, setPreparing] = useState(false);
  const [report, setReport] = useState<MergeReport | null>(null);
  const { t } = useT();
  if (kit !== null) return null;

  const bringIn = async () => {
    try {
      // One kit or several in one go: the merge takes one snapshot, then each kit in turn.
      const paths = await chooseFiles('open-kit');
      if (!paths) return;
      const result = await api.mergeKits({ handle: view.handle, paths });
      setReport(result);
      if (result.taken > 0) onMerged();
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  return (
    <>
      <button type="button" onClick={() => setPreparing(true)} title={t('kits:actions.prepareHint')}>
        {t('kits:actions.prepare')}
      </button>
      <button type="button" onClick={() => void bringIn()} title={t('kits:actions.bringInHint')}>
        {t('kits:actions.bringIn')}
      </button>
      {preparing && <PrepareKitDialog view={view} onClose={() => setPreparing(false)} onNotice={onNotice} />}
      {report && (
        <MergeReportDialog
          handle={view.handle}
          report={report}
          onClose={() => setReport(null)}
          onAnother={() => {
            setReport(null);
            void bringIn();
          }}
          onResolved={onMerged}
          onNotice={onNotice}
        />
      )}
    </>
  );
}
