import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../shared/contract/api';
import type { ConferenceView } from '../../../shared/model/conference';
import { api, ApiError, errorMessage, eventsReady, isDesktop, onEvent, onEventsReconnected } from '../api';
import { chooseFile } from '../dialogs/choose-file';
import { useModalFocus } from '../dialogs/use-modal-focus';
import './export.css';
import { ChangesSinceField } from '../review/ChangesSinceField';
import { CommentsExportField } from '../comments/CommentsExportField';
import { t as translate, useT, useUiLanguage } from '../i18n';
import { isExportStageKey } from '../../../shared/i18n/export-stage';
import { noteText } from '../../../shared/i18n/export-notes';

type Status = Output<'exportStatus'>;
type Format = 'docx' | 'pdf';

interface Props {
  view: ConferenceView;
  onClose(): void;
  onSaved(message: string): void;
}

/** What a running job is doing, in the interface's language (its English message when the stage is unknown). */
function stageText(s: Status): string {
  const key = s.stage?.key;
  return key && isExportStageKey(key) ? translate(`export:stage.${key}`, s.stage?.values ?? {}) : s.message;
}

/** base64 → a blob URL the browser can show (the PDF preview) or download. */
function blobUrl(base64: string, mime: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/**
 * File → Export…: DOCX or PDF, which parts, annexes, draft watermark. The export runs in
 * the background (progress, cancel); a PDF can be previewed before it is saved.
 */
export function ExportDialog({ view, onClose, onSaved }: Props) {
  const { t } = useT();
  const language = useUiLanguage();
  const [format, setFormat] = useState<Format>('pdf');
  const [allParts, setAllParts] = useState(true);
  const topLevel = view.parts.filter((p) => p.parentId === null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(topLevel.map((p) => p.id)));
  const [annexes, setAnnexes] = useState(true);
  const [watermark, setWatermark] = useState(false);
  const [tocPages, setTocPages] = useState(true);
  const [changesSince, setChangesSince] = useState<number | undefined>(undefined);
  const [comments, setComments] = useState(true);
  const [job, setJob] = useState<Status | null>(null);
  const [purpose, setPurpose] = useState<'preview' | 'save'>('save');
  const [preview, setPreview] = useState<string | null>(null);
  /** A finished preview's PDF on its way to the viewer: its last stage stays shown until it is there. */
  const [loadingPreview, setLoadingPreview] = useState(false);
  const [error, setError] = useState('');
  const alive = useRef(true);
  // The latest status of each job, from exportProgress events (which may arrive before startExport answers).
  const statuses = useRef(new Map<string, Status>());
  const waiting = useRef(new Map<string, { update(s: Status): void; fail(err: unknown): void }>());

  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  useEffect(
    () =>
      onEvent('exportProgress', (s) => {
        statuses.current.set(s.jobId, s);
        waiting.current.get(s.jobId)?.update(s);
      }),
    [],
  );
  // The stream dropped and came back: the job's events sent in between are lost, so ask once
  // where each followed job stands, then go on from events (no polling).
  useEffect(
    () =>
      onEventsReconnected(() => {
        for (const jobId of waiting.current.keys()) {
          api.exportStatus({ jobId }).then(
            (s) => {
              // An event that arrived while asking may already be further along.
              const latest = statuses.current.get(jobId);
              if (s.state === 'running' && latest && latest.fraction > s.fraction) return;
              statuses.current.set(jobId, s);
              waiting.current.get(jobId)?.update(s);
            },
            (err: unknown) => waiting.current.get(jobId)?.fail(err),
          );
        }
      }),
    [],
  );
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  const options = () => ({
    partIds: allParts ? null : [...chosen],
    annexes,
    watermark,
    ...(format === 'docx' ? { tocPageNumbers: tocPages } : {}),
    ...(format === 'docx' && changesSince !== undefined ? { changesSince } : {}),
    ...(format === 'docx' ? { comments } : {}),
  });
  const running = job?.state === 'running';

  /** Shows a job's progress as its events arrive, until it finishes, fails or is cancelled. */
  const follow = (started: Status): Promise<Status> =>
    new Promise((resolve, reject) => {
      const update = (s: Status) => {
        if (alive.current) setJob(s);
        if (s.state === 'running') return;
        waiting.current.delete(s.jobId);
        // The service's error with its key, so errorMessage words it in the interface's language.
        if (s.state === 'failed')
          reject(
            s.error
              ? new ApiError(s.error.code as ApiError['code'], s.error.message, s.error.key, s.error.values)
              : new Error(s.message),
          );
        else resolve(s);
      };
      const fail = (err: unknown) => {
        waiting.current.delete(started.jobId);
        reject(err);
      };
      waiting.current.set(started.jobId, { update, fail });
      update(statuses.current.get(started.jobId) ?? started);
    });

  const deliver = async (s: Status) => {
    if (s.state !== 'done') return;
    const name = s.fileName ?? `${translate('export:defaultFileName')}.${s.format}`;
    if (isDesktop) {
      // The save dialog asks before replacing a file; the contract carries the answer.
      const target = await chooseFile(`export-${s.format}`, name);
      if (!target) return;
      const { path } = await api.saveExport({ jobId: s.jobId, path: target.path, replace: target.replace });
      onSaved(translate('export:saved', { path }));
    } else {
      // Browser mode: the server hands the finished file out (token-guarded download route).
      const token = sessionStorage.getItem('rapporteur.token') ?? '';
      const a = document.createElement('a');
      a.href = `/files/${encodeURIComponent(s.jobId)}?token=${encodeURIComponent(token)}`;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      onSaved(translate('export:downloaded', { name }));
    }
    onClose();
  };

  const run = async (what: 'preview' | 'save') => {
    setError('');
    setPurpose(what);
    try {
      // Progress comes as events only: the stream must be open before the job starts.
      await eventsReady();
      const started =
        what === 'preview'
          ? await api.previewPdf({ handle: view.handle, options: options() })
          : await api.startExport({ handle: view.handle, format, options: options() });
      const done = await follow(started);
      if (!alive.current || done.state !== 'done') return;
      if (what === 'preview') {
        setLoadingPreview(true);
        try {
          const data = await api.exportData({ jobId: done.jobId });
          if (alive.current) setPreview(blobUrl(data.base64, data.mime));
        } finally {
          if (alive.current) setLoadingPreview(false);
        }
      } else {
        await deliver(done);
      }
    } catch (err) {
      if (alive.current) setError(errorMessage(err));
    }
  };

  const cancel = async () => {
    if (job && running) await api.cancelExport({ jobId: job.jobId }).catch(() => undefined);
  };

  // Focus in the dialog and kept there; Escape cancels a running export, else closes.
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, () => {
    if (running) void cancel();
    else onClose();
  });

  const toggle = (id: string) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="dialog-backdrop" role="presentation">
      <section
        ref={box}
        tabIndex={-1}
        className={`dialog export-dialog${preview ? ' with-preview' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
      >
        <h2 id="export-title">{t('export:dialog.title')}</h2>
        {preview ? (
          <>
            <iframe className="export-preview" title={t('export:dialog.previewTitle')} src={preview} />
            <div className="dialog-actions">
              <button type="button" onClick={() => setPreview(null)}>
                {t('export:dialog.back')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => job && void deliver(job).catch((err: unknown) => setError(errorMessage(err)))}
              >
                {t('export:dialog.savePdf')}
              </button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run('save');
            }}
          >
            <fieldset disabled={running}>
              <legend>{t('export:dialog.format')}</legend>
              <label className="radio">
                <input type="radio" name="format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} />{' '}
                {t('export:dialog.pdf')}
              </label>
              <label className="radio">
                <input type="radio" name="format" checked={format === 'docx'} onChange={() => setFormat('docx')} />{' '}
                {t('export:dialog.docx')}
              </label>
            </fieldset>
            <fieldset disabled={running}>
              <legend>{t('export:dialog.content')}</legend>
              <label className="checkbox">
                <input type="checkbox" checked={allParts} onChange={(e) => setAllParts(e.target.checked)} />{' '}
                {t('export:dialog.allParts')}
              </label>
              {!allParts && (
                <ul className="export-parts">
                  {topLevel.map((p) => (
                    <li key={p.id}>
                      <label className="checkbox">
                        <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />{' '}
                        {p.title || t('export:dialog.untitledPart')}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              <label className="checkbox">
                <input type="checkbox" checked={annexes} onChange={(e) => setAnnexes(e.target.checked)} />{' '}
                {t('export:dialog.annexes')}
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={watermark} onChange={(e) => setWatermark(e.target.checked)} />{' '}
                {t('export:dialog.watermark')}
              </label>
              {format === 'docx' && (
                <label className="checkbox">
                  <input type="checkbox" checked={tocPages} onChange={(e) => setTocPages(e.target.checked)} />{' '}
                  {t('export:dialog.tocPages')}
                </label>
              )}
              {format === 'docx' && (
                <ChangesSinceField handle={view.handle} value={changesSince} onChange={setChangesSince} />
              )}
              {format === 'docx' && (
                <CommentsExportField handle={view.handle} value={comments} onChange={setComments} />
              )}
            </fieldset>
            {job && (running || loadingPreview || job.state === 'cancelled') && (
              <div className="export-progress" aria-live="polite">
                <progress max={1} value={job.fraction} aria-label={t('export:dialog.progress')} />
                <span>
                  {job.state === 'cancelled'
                    ? t('export:dialog.cancelled')
                    : t(purpose === 'preview' ? 'export:dialog.previewRunning' : 'export:dialog.running', {
                        message: stageText(job),
                      })}
                </span>
              </div>
            )}
            {job?.notes && job.notes.length > 0 && !running && (
              <details className="export-notes">
                <summary>{t('export:dialog.notes', { count: job.notes.length })}</summary>
                <ul>
                  {job.notes
                    .map((n) => noteText(n, language))
                    .map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                </ul>
              </details>
            )}
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              {running ? (
                <button type="button" onClick={() => void cancel()}>
                  {t('export:dialog.cancelExport')}
                </button>
              ) : (
                <button type="button" onClick={onClose}>
                  {t('common:close')}
                </button>
              )}
              <button
                type="button"
                disabled={running || (!allParts && chosen.size === 0)}
                onClick={() => void run('preview')}
              >
                {t('export:dialog.previewPdf')}
              </button>
              <button type="submit" className="primary" disabled={running || (!allParts && chosen.size === 0)}>
                {t('export:dialog.export', { format: format.toUpperCase() })}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
