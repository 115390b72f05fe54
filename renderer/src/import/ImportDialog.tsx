import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract/api';
import type { ConferenceView, ImportWarning } from '../../../shared/model/conference';
import { api, errorMessage, isDesktop } from '../api';
import { chooseFile } from '../dialogs/choose-file';
import { askConfirm } from '../dialogs/dialog-store';
import { baseName } from '../../../shared/contract/file-policy';
import { ImportWarningsList } from './ImportWarningsPanel';
import './import.css';
import { t as translate, uiLanguage, useT } from '../i18n';
import { localizeTemplateSummary } from '../../../shared/templates/localize';

interface Props {
  /** The open conference, if any: the report can replace its content (a snapshot is taken first). */
  handle?: string;
  onImported(view: ConferenceView): void;
  onClose(): void;
}

const ACCEPT =
  '.txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Reads a file as base64 without building a huge string of characters first. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** File → Import report…: choose a .txt, .md or .docx, a template (or let it be detected), then see what was found. */
export function ImportDialog({ handle, onImported, onClose }: Props) {
  const { t } = useT();
  const [templates, setTemplates] = useState<Output<'listTemplates'>>([]);
  // Browser mode uploads the file's bytes; the desktop app passes the path its dialog granted.
  const [file, setFile] = useState<File | null>(null);
  const [chosenPath, setChosenPath] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [into, setInto] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{
    view: ConferenceView;
    warnings: ImportWarning[];
    templateId: string;
    templateSource: string;
  } | null>(null);

  useEffect(() => {
    api.listTemplates({}).then(setTemplates, (err: unknown) => setError(errorMessage(err)));
  }, []);

  const run = async () => {
    if (!file && !chosenPath) return;
    if (
      into &&
      handle &&
      !(await askConfirm({
        title: translate('import:dialog.replaceTitle'),
        message: translate('import:dialog.replaceQuestion'),
        confirmLabel: translate('import:dialog.replaceConfirm'),
      }))
    )
      return;
    setBusy(true);
    setError('');
    try {
      const source = file
        ? { content: await toBase64(file), fileName: file.name }
        : { path: chosenPath, fileName: baseName(chosenPath) };
      const r = await api.importReport({
        ...source,
        ...(templateId ? { templateId } : {}),
        ...(into && handle ? { handle } : {}),
      });
      setDone({ view: r.conference, warnings: r.warnings, templateId: r.templateId, templateSource: r.templateSource });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const localized = templates.map((tpl) => localizeTemplateSummary(tpl, uiLanguage()));
  const templateName = (id: string) => localized.find((tpl) => tpl.id === id)?.name ?? id;

  return (
    <div className="dialog-backdrop" role="presentation">
      <section className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
        <h2 id="import-title">{t('import:dialog.title')}</h2>
        {!done ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            {isDesktop ? (
              // The desktop app passes a path its open dialog granted; no label around the button, which has its own name.
              <div className="import-choose">
                <span id="import-file-label">{t('import:dialog.file')}</span>
                <span>
                  <button
                    type="button"
                    aria-describedby="import-file-label"
                    onClick={() =>
                      void chooseFile('import')
                        .then((f) => {
                          if (f) {
                            setChosenPath(f.path);
                            setError('');
                          }
                        })
                        .catch((err: unknown) => setError(errorMessage(err)))
                    }
                  >
                    {t('import:dialog.choose')}
                  </button>{' '}
                  {chosenPath ? baseName(chosenPath) : t('import:dialog.noFile')}
                </span>
              </div>
            ) : (
              <label>
                {t('import:dialog.file')}
                <input type="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              </label>
            )}
            <label>
              {t('import:dialog.template')}
              <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                <option value="">{t('import:dialog.detect')}</option>
                {localized.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {tpl.name}
                  </option>
                ))}
              </select>
            </label>
            {handle && (
              <label className="checkbox">
                <input type="checkbox" checked={into} onChange={(e) => setInto(e.target.checked)} />
                {t('import:dialog.replaceOpen')}
              </label>
            )}
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-buttons">
              <button type="button" onClick={onClose} disabled={busy}>
                {t('common:cancel')}
              </button>
              <button type="submit" disabled={(!file && !chosenPath) || busy}>
                {busy ? t('import:dialog.importing') : t('import:dialog.import')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <p>
              {t('import:dialog.importedAs', { template: templateName(done.templateId) })}
              {done.templateSource === 'detected'
                ? t('import:dialog.detected')
                : done.templateSource === 'fallback'
                  ? t('import:dialog.fallback')
                  : ''}
              {t('import:dialog.counts', {
                parts: done.view.parts.length,
                participants: done.view.participants.length,
                items: done.view.agenda.length,
              })}
            </p>
            <h3>
              {done.warnings.length
                ? t('import:dialog.toCheck', { count: done.warnings.length })
                : t('import:dialog.nothingToCheck')}
            </h3>
            <ImportWarningsList warnings={done.warnings} parts={done.view.parts} />
            <div className="dialog-buttons">
              <button type="button" onClick={() => onImported(done.view)}>
                {t('import:dialog.openConference')}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
