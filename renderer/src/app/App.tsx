import { useCallback, useEffect, useState } from 'react';
import type { ConferenceView } from '../../../shared/model/conference';
import { api, errorMessage, onMenu } from '../api';
import { chooseFile } from '../dialogs/choose-file';
import { DialogHost } from '../dialogs/DialogHost';
import { ConferenceScreen } from '../conference/ConferenceScreen';
import { HomeScreen } from '../home/HomeScreen';
import { ImportDialog } from '../import/ImportDialog';
import { readPlace, writePlace } from './location';
import { Notice, type NoticeState } from './Notice';
import { whenSaved } from './pending-saves';
import { onUnsavedTextRestored } from '../unsaved-text';
import { applyUiLanguageChoice } from '../i18n';

export function App() {
  const [conference, setConference] = useState<ConferenceView | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const [restoring, setRestoring] = useState(true);
  const [importing, setImporting] = useState(false);
  // Bumped when an import replaces the open conference's content, so its screen reloads.
  const [generation, setGeneration] = useState(0);

  const openPath = useCallback(async (path: string, part?: string) => {
    try {
      const view = await api.openConference({ path });
      writePlace({ conference: view.path, part });
      setConference(view);
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  }, []);

  // The interface language chosen in the app (settings.json) wins over the one remembered by this browser.
  useEffect(() => {
    void api
      .getPreferences({})
      .then((p) => applyUiLanguageChoice(p.uiLanguage))
      .catch(() => undefined);
  }, []);

  useEffect(() => onUnsavedTextRestored((text) => setNotice({ kind: 'info', text })), []);

  // Come back to what was open before a reload; browser mode may also name a conference handle.
  useEffect(() => {
    const handle = new URLSearchParams(window.location.search).get('conference');
    const place = readPlace();
    const restore = handle
      ? api.getConference({ handle }).then((v) => {
          writePlace({ conference: v.path, part: place.part });
          setConference(v);
        })
      : place.conference
        ? openPath(place.conference, place.part)
        : Promise.resolve();
    void restore
      .catch((err: unknown) => setNotice({ kind: 'error', text: errorMessage(err) }))
      .finally(() => setRestoring(false));
  }, [openPath]);

  const close = useCallback(() => {
    setConference((c) => {
      if (c) void whenSaved().then(() => api.closeConference({ handle: c.handle }));
      return null;
    });
    writePlace({});
  }, []);

  useEffect(
    () =>
      onMenu((msg) => {
        if (msg.command === 'open' && msg.path) void openPath(msg.path);
        if (msg.command === 'open' && !msg.path) void chooseFile('open').then((f) => f && openPath(f.path));
        // New from template starts on the first screen, where the templates are.
        if (msg.command === 'close' || msg.command === 'new-from-template') close();
        if (msg.command === 'import') setImporting(true);
      }),
    [openPath, close],
  );

  if (restoring) return <div className="splash">Rapporteur</div>;
  return (
    <>
      {importing && (
        <ImportDialog
          handle={conference?.handle}
          onClose={() => setImporting(false)}
          onImported={(v) => {
            setImporting(false);
            writePlace({ conference: v.path });
            setGeneration((g) => g + 1);
            setConference(v);
          }}
        />
      )}
      <DialogHost />
      {notice && <Notice notice={notice} onDismiss={dismissNotice} />}
      {conference ? (
        <ConferenceScreen
          key={`${conference.handle}:${generation}`}
          initial={conference}
          onClose={close}
          onNotice={setNotice}
          onImport={() => setImporting(true)}
        />
      ) : (
        <HomeScreen
          onImport={() => setImporting(true)}
          onOpened={(v) => {
            writePlace({ conference: v.path });
            setConference(v);
          }}
          onOpenPath={(p) => void openPath(p)}
          onNotice={setNotice}
        />
      )}
    </>
  );
}
