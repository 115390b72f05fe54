import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract/api';
import type { ConferenceView } from '../../../shared/model/conference';
import { api, errorMessage, isDesktop } from '../api';
import { chooseFile } from '../dialogs/choose-file';
import type { NoticeState } from '../app/Notice';
import { uiLanguage, useT } from '../i18n';
import { localizeTemplateSummary } from '../../../shared/templates/localize';
import { LanguagePicker } from '../i18n/LanguagePicker';

interface Props {
  onOpened(view: ConferenceView): void;
  onOpenPath(path: string): void;
  onNotice(n: NoticeState): void;
  onImport(): void;
}

/** The first screen: recent conferences, new from a template, samples, open. */
export function HomeScreen({ onOpened, onOpenPath, onNotice, onImport }: Props) {
  const { t, i18n } = useT();
  const [templates, setTemplates] = useState<Output<'listTemplates'>>([]);
  const [recent, setRecent] = useState<Output<'listRecent'>>([]);
  const [samples, setSamples] = useState<Output<'listSamples'>>([]);
  const [workspace, setWorkspace] = useState<Output<'listWorkspace'> | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void Promise.all([api.listTemplates({}), api.listRecent({}), api.listSamples({}), api.listWorkspace({})])
      .then(([list, r, s, w]) => {
        setTemplates(list);
        setRecent(r);
        setSamples(s);
        setWorkspace(w);
        setTemplateId((cur) => cur || list[0]?.id || '');
      })
      .catch((err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
  }, [onNotice]);

  const create = async () => {
    setBusy(true);
    try {
      // A conference created in Spanish (the interface's language) is in Spanish, its parts titled in Spanish.
      onOpened(await api.createConference({ templateId, title: title.trim() || undefined, language: uiLanguage() }));
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="home">
      <header className="home-header">
        <h1>Rapporteur</h1>
        <p>{t('home:tagline')}</p>
        <LanguagePicker />
      </header>
      <div className="home-grid">
        <section aria-labelledby="new-heading" className="card">
          <h2 id="new-heading">{t('home:new.heading')}</h2>
          <label>
            {t('home:new.title')}{' '}
            <input
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t('home:new.titlePlaceholder')}
            />
          </label>
          <fieldset className="template-list">
            <legend>{t('home:new.template')}</legend>
            {templates
              .map((summary) => localizeTemplateSummary(summary, i18n.language))
              .map((tpl) => (
                <label key={tpl.id} className="template-option">
                  <input
                    type="radio"
                    name="template"
                    value={tpl.id}
                    checked={templateId === tpl.id}
                    onChange={() => setTemplateId(tpl.id)}
                  />
                  <span>
                    <strong>{tpl.name}</strong>
                    <small>{tpl.description}</small>
                  </span>
                </label>
              ))}
          </fieldset>
          <button type="button" className="primary" disabled={!templateId || busy} onClick={() => void create()}>
            {t('home:new.create')}
          </button>
          <p className="muted">
            {t('home:new.importPrompt')}{' '}
            <button type="button" className="link" onClick={onImport}>
              {t('home:new.importButton')}
            </button>{' '}
            {t('home:new.importFormats')}
          </p>
        </section>

        <section aria-labelledby="recent-heading" className="card">
          <h2 id="recent-heading">{t('home:recent.heading')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('home:recent.empty')}</p>
          ) : (
            <ul className="file-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" disabled={!r.exists} onClick={() => onOpenPath(r.path)} title={r.path}>
                    <strong>{r.title || t('home:recent.untitled')}</strong>
                    <small>{r.exists ? r.path : t('home:recent.missing', { path: r.path })}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {samples.length > 0 && (
            <>
              <h2>{t('home:samples.heading')}</h2>
              <p className="muted">{t('home:samples.note')}</p>
              <ul className="file-list">
                {samples.map((s) => (
                  <li key={s.path}>
                    <button type="button" onClick={() => onOpenPath(s.path)}>
                      <strong>{s.title}</strong>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('home:open.heading')}</h2>
          {!isDesktop && workspace && workspace.files.length > 0 && (
            <ul className="file-list">
              {workspace.files.map((f) => (
                <li key={f.path}>
                  <button type="button" onClick={() => onOpenPath(f.path)}>
                    <strong>{f.name}</strong>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            onClick={() =>
              void chooseFile('open')
                .then((f) => f && onOpenPath(f.path))
                .catch((err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }))
            }
          >
            {t('home:open.button')}
          </button>
        </section>
      </div>
    </main>
  );
}
