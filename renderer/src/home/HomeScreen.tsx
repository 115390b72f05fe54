import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract/api';
import type { ConferenceView } from '../../../shared/model/conference';
import { api, errorMessage, isDesktop } from '../api';
import { chooseFile } from '../dialogs/choose-file';
import type { NoticeState } from '../app/Notice';

interface Props {
  onOpened(view: ConferenceView): void;
  onOpenPath(path: string): void;
  onNotice(n: NoticeState): void;
  onImport(): void;
}

/** The first screen: recent conferences, new from a template, samples, open. */
export function HomeScreen({ onOpened, onOpenPath, onNotice, onImport }: Props) {
  const [templates, setTemplates] = useState<Output<'listTemplates'>>([]);
  const [recent, setRecent] = useState<Output<'listRecent'>>([]);
  const [samples, setSamples] = useState<Output<'listSamples'>>([]);
  const [workspace, setWorkspace] = useState<Output<'listWorkspace'> | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void Promise.all([api.listTemplates({}), api.listRecent({}), api.listSamples({}), api.listWorkspace({})])
      .then(([t, r, s, w]) => {
        setTemplates(t); setRecent(r); setSamples(s); setWorkspace(w);
        setTemplateId((cur) => cur || t[0]?.id || '');
      })
      .catch((err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }));
  }, [onNotice]);

  const create = async () => {
    setBusy(true);
    try {
      onOpened(await api.createConference({ templateId, title: title.trim() || undefined }));
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
        <p>Reports of international conferences, from the session room to the official document.</p>
      </header>
      <div className="home-grid">
        <section aria-labelledby="new-heading" className="card">
          <h2 id="new-heading">New conference from a template</h2>
          <label>Title <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Regional Conference on Migration" /></label>
          <fieldset className="template-list">
            <legend>Template</legend>
            {templates.map((t) => (
              <label key={t.id} className="template-option">
                <input type="radio" name="template" value={t.id} checked={templateId === t.id} onChange={() => setTemplateId(t.id)} />
                <span><strong>{t.name}</strong><small>{t.description}</small></span>
              </label>
            ))}
          </fieldset>
          <button type="button" className="primary" disabled={!templateId || busy} onClick={() => void create()}>Create conference</button>
          <p className="muted">Or carry on from a past report: <button type="button" className="link" onClick={onImport}>Import a report…</button> (.txt, .md or .docx)</p>
        </section>

        <section aria-labelledby="recent-heading" className="card">
          <h2 id="recent-heading">Recent conferences</h2>
          {recent.length === 0 ? <p className="muted">Conferences you open appear here.</p> : (
            <ul className="file-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" disabled={!r.exists} onClick={() => onOpenPath(r.path)} title={r.path}>
                    <strong>{r.title || 'Untitled conference'}</strong>
                    <small>{r.exists ? r.path : `Missing: ${r.path}`}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {samples.length > 0 && (
            <>
              <h2>Samples</h2>
              <p className="muted">Each opens as your own copy in your workspace; the sample itself stays as it is.</p>
              <ul className="file-list">
                {samples.map((s) => (
                  <li key={s.path}><button type="button" onClick={() => onOpenPath(s.path)}><strong>{s.title}</strong></button></li>
                ))}
              </ul>
            </>
          )}
          <h2>Open…</h2>
          {!isDesktop && workspace && workspace.files.length > 0 && (
            <ul className="file-list">
              {workspace.files.map((f) => (
                <li key={f.path}><button type="button" onClick={() => onOpenPath(f.path)}><strong>{f.name}</strong></button></li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => void chooseFile('open').then((f) => f && onOpenPath(f.path)).catch((err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) }))}>
            Open a conference file…
          </button>
        </section>
      </div>
    </main>
  );
}
