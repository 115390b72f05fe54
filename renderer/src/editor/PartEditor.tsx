import { useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { EditorState, LexicalEditor } from 'lexical';
import { Autosaver, type AutosaveState } from '../../../shared/autosave';
import type { LexicalDoc, PartSummary } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import { trackSave } from '../app/pending-saves';
import { editorNodes } from './nodes';
import { $loadDoc } from './setup';
import { editorTheme } from './theme';

interface Props {
  handle: string;
  partId: string;
  title: string;
  onSaved(summary: PartSummary): void;
  onSaveState(state: AutosaveState): void;
}

/** Loads one part, edits it, and saves it by itself (no save button). */
export function PartEditor({ handle, partId, title, onSaved, onSaveState }: Props) {
  const [loaded, setLoaded] = useState<{ doc: LexicalDoc; revision: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revision = useRef(0);

  useEffect(() => {
    let live = true;
    api.getPart({ handle, partId }).then((p) => {
      if (!live) return;
      revision.current = p.revision;
      setLoaded({ doc: p.doc, revision: p.revision });
    }, (err: unknown) => live && setError(errorMessage(err)));
    return () => { live = false; };
  }, [handle, partId]);

  const saver = useMemo(() => new Autosaver<LexicalDoc>({
    save: async (doc) => {
      const summary = await api.savePart({ handle, partId, doc, baseRevision: revision.current });
      revision.current = summary.revision;
      onSaved(summary);
    },
    onStateChange: onSaveState,
  }), [handle, partId, onSaved, onSaveState]);

  // Save what is pending when the part is left, the tab hidden or the window closed.
  useEffect(() => {
    const flush = () => void saver.flush();
    const onHide = () => { if (document.visibilityState === 'hidden') flush(); };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasUnsaved) { flush(); e.preventDefault(); }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', beforeUnload);
      trackSave(saver.flush());
      saver.dispose();
    };
  }, [saver]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!loaded) return <p className="muted">Opening “{title}”…</p>;

  const initialConfig = {
    namespace: 'rapporteur',
    nodes: editorNodes,
    theme: editorTheme,
    editorState: (editor: LexicalEditor) => $loadDoc(editor, loaded.doc),
    onError(err: Error) { setError(`The editor stopped: ${err.message}`); },
  };

  return (
    <div className="part-editor">
      <h2 className="part-title">{title}</h2>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="editor-shell">
          <RichTextPlugin
            contentEditable={<ContentEditable className="editor-content" aria-label={`Text of ${title}`} spellCheck />}
            placeholder={<div className="editor-placeholder">Start typing…</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <HistoryPlugin />
          <ListPlugin />
          <OnChangePlugin ignoreSelectionChange onChange={(state: EditorState) => saver.update(state.toJSON() as unknown as LexicalDoc)} />
        </div>
      </LexicalComposer>
    </div>
  );
}
