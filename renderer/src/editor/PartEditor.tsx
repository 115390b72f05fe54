import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { EditorState, LexicalEditor } from 'lexical';
import { Autosaver, type AutosaveState } from '../../../shared/autosave';
import { appError } from '../../../shared/i18n/app-error';
import type { LexicalDoc, Participant, PartSummary } from '../../../shared/model/conference';
import type { Template, TemplateSection } from '../../../shared/templates/schema';
import { matchesShortcut, shortcutKeys } from '../../../shared/contract/shortcuts';
import { docToPlainText } from '../../../shared/model/doc-text';
import type { FindOptions } from '../../../shared/search/find';
import { api, ApiError, errorMessage, onEvent, onMenu } from '../api';
import { trackSave } from '../app/pending-saves';
import { ConflictBanner } from './ConflictBanner';
import { PART_CONFLICT_MESSAGES } from './conflict-messages';
import { RenameableTitle } from '../conference/RenameField';
import { sameIdsAndTitles } from '../conference/same-titles';
import { editorNodes } from './nodes';
import { AutoformatPlugin } from './plugins/AutoformatPlugin';
import { DecorationsPlugin } from './plugins/DecorationsPlugin';
import { EditorHandlePlugin } from './plugins/EditorHandlePlugin';
import { FindReplacePlugin } from './plugins/FindReplacePlugin';
import { NumberingPlugin } from './plugins/NumberingPlugin';
import { DocumentLabelsPlugin } from './plugins/DocumentLabelsPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { PersonTypeaheadPlugin } from './plugins/PersonTypeaheadPlugin';
import { ReportElementsPlugin } from './plugins/ReportElementsPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { WarningMarkersPlugin } from './plugins/WarningMarkersPlugin';
import { PartTitle } from './PartTitle';
import { ReportContext, type ReportContextValue } from './ReportContext';
import { $loadDoc } from './setup';
import { editorTheme } from './theme';
import { BlockInspector } from './toolbar/BlockInspector';
import { isMac } from './toolbar/platform';
import { Toolbar } from './toolbar/Toolbar';
import { CommentsArea } from '../comments/CommentsArea';
import { CommentButton } from '../comments/CommentButton';
import './editor.css';
import { useT } from '../i18n';

const SAFE_URL = /^(https?:|mailto:)/i;

export interface PartEditorProps {
  handle: string;
  partId: string;
  title: string;
  /** Numbering label of the part from the template ("Unit I."), if any. */
  label?: string;
  template?: Template | null;
  section?: TemplateSection | null;
  depth?: number;
  /** The conference language (a BCP 47 tag): the text's `lang`, so the browser spell-checks and hyphenates in it. */
  language?: string;
  participants?: Participant[];
  onParticipantsChanged?(list: Participant[]): void;
  /** Live mode and the benchmark drive the editor through this. */
  onEditor?(editor: LexicalEditor | null): void;
  /** Words to find once the part is open (a hit of the conference-wide search); `at` tells repeated searches apart. */
  findOnOpen?: { query: string; at: number };
  /** Opens the replace in all parts (this part's typing saved first). */
  onReplaceInAllParts?(find: FindOptions, replacement: string): void;
  onSaved(summary: PartSummary): void;
  onSaveState(state: AutosaveState): void;
  /** The conference's parts (the comments panel names where each comment is) and how to open one of them. */
  parts?: PartSummary[];
  onOpenPart?(partId: string): void;
  /** Shown but not editable (a part of a rapporteur's kit not assigned to them). */
  readOnly?: boolean;
}

/**
 * Each save gives the conference a new list of parts (word counts, revisions), of which the
 * editor shows only ids and titles (comments say where they are): a new list with the same
 * titles does not render the editor again (it did on every save, about once a second of typing).
 */
function sameEditorProps(a: PartEditorProps, b: PartEditorProps): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof PartEditorProps)[]);
  for (const k of keys) if (k !== 'parts' && a[k] !== b[k]) return false;
  return sameIdsAndTitles(a.parts, b.parts);
}

/** Loads one part, edits it, and saves it by itself (no save button). */
export const PartEditor = memo(function PartEditor(props: PartEditorProps) {
  const { t } = useT();
  const { handle, partId, title, onSaved, onSaveState } = props;
  const [loaded, setLoaded] = useState<{ doc: LexicalDoc; revision: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [finding, setFinding] = useState<boolean>(!!props.findOnOpen);
  useEffect(() => {
    if (props.findOnOpen) setFinding(true);
  }, [props.findOnOpen]);
  const revision = useRef(0);
  // Set when the part was changed elsewhere: saving stops until the user picks a version.
  const conflicted = useRef(false);
  const [conflict, setConflict] = useState(false);
  // Whether this window has edits not saved yet (what the conflict banner says depends on it).
  const [unsaved, setUnsaved] = useState(false);
  // Kept in a ref and copied into state only while a conflict shows: a state change on every
  // save would render the whole editor (toolbar, inspector, plugins) about once a second of typing.
  const unsavedNow = useRef(false);
  // This editor's load or save in flight: a partChanged event for it is judged once its revision is known.
  const saving = useRef<Promise<unknown> | null>(null);
  const [generation, setGeneration] = useState(0);
  const editorRef = useRef<LexicalEditor | null>(null);
  const onEditor = props.onEditor;
  const keepEditor = useMemo(
    () => (e: LexicalEditor | null) => {
      editorRef.current = e;
      onEditor?.(e);
    },
    [onEditor],
  );

  useEffect(() => {
    let live = true;
    const load = api.getPart({ handle, partId }).then(
      (p) => {
        if (!live) return;
        revision.current = p.revision;
        setLoaded({ doc: p.doc, revision: p.revision });
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    saving.current = load;
    void load.finally(() => {
      if (saving.current === load) saving.current = null;
    });
    return () => {
      live = false;
    };
  }, [handle, partId]);

  // The editor state is kept as is and serialised only when saved: toJSON of a long part
  // on every keystroke would cost more than the keystroke itself.
  const saver = useMemo(() => {
    let last = '';
    return new Autosaver<EditorState>({
      save: async (state) => {
        if (conflicted.current) throw appError('CONFLICT', 'conference.partInConflict');
        const doc = state.toJSON() as unknown as LexicalDoc;
        try {
          // Settles only once the new revision is known, so an event waiting on it judges against that.
          const call = api.savePart({ handle, partId, doc, baseRevision: revision.current }).then((saved) => {
            revision.current = saved.revision;
            return saved;
          });
          saving.current = call;
          const summary = await call.finally(() => {
            if (saving.current === call) saving.current = null;
          });
          onSaved(summary);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'CONFLICT') {
            conflicted.current = true;
            setUnsaved(unsavedNow.current);
            setConflict(true);
          }
          throw err;
        }
      },
      describeError: errorMessage,
      // Report changes of state only: "pending" on every keystroke would re-render the screen.
      onStateChange: (st) => {
        const key = JSON.stringify(st);
        if (key !== last) {
          last = key;
          unsavedNow.current = st.kind !== 'saved';
          if (conflicted.current) setUnsaved(unsavedNow.current);
          onSaveState(st);
        }
      },
    });
  }, [handle, partId, onSaved, onSaveState]);

  // Save what is pending when the part is left, the tab hidden or the window closed.
  useEffect(() => {
    const flush = () => void saver.flush();
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasUnsaved) {
        flush();
        e.preventDefault();
      }
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

  /** Keeps the text on screen; the other version stays in a snapshot. */
  const keepMine = async () => {
    await api.createSnapshot({ handle, name: PART_CONFLICT_MESSAGES.snapshotTheirs(title) });
    revision.current = (await api.getPart({ handle, partId })).revision;
    conflicted.current = false;
    setConflict(false);
    await saver.flush();
  };

  /** Loads the other version; the text on screen is set aside in a snapshot first. */
  const useTheirs = async () => {
    const theirs = await api.getPart({ handle, partId });
    const mine = editorRef.current?.getEditorState().toJSON() as unknown as LexicalDoc | undefined;
    let rev = theirs.revision;
    if (mine) {
      rev = (await api.savePart({ handle, partId, doc: mine, baseRevision: rev })).revision;
      await api.createSnapshot({ handle, name: PART_CONFLICT_MESSAGES.snapshotMine(title) });
    }
    const restored = await api.savePart({ handle, partId, doc: theirs.doc, baseRevision: rev });
    saver.discard();
    revision.current = restored.revision;
    conflicted.current = false;
    setConflict(false);
    onSaved(restored);
    setLoaded({ doc: theirs.doc, revision: restored.revision });
    setGeneration((g) => g + 1);
  };

  // Saved elsewhere (another window or tab): the conflict banner shows at once, not at the next save.
  useEffect(
    () =>
      onEvent('partChanged', (e) => {
        if (e.handle !== handle || e.partId !== partId) return;
        const judge = () => {
          if (e.revision > revision.current && !conflicted.current) {
            conflicted.current = true;
            setUnsaved(unsavedNow.current);
            setConflict(true);
          }
        };
        if (saving.current) void saving.current.then(judge, judge);
        else judge();
      }),
    [handle, partId],
  );

  // Edit → Find in the application menu (Electron).
  useEffect(
    () =>
      onMenu((m) => {
        if (m.command === 'find') setFinding(true);
      }),
    [],
  );

  const { participants = [], onParticipantsChanged } = props;
  const report = useMemo<ReportContextValue>(
    () => ({
      template: props.template ?? null,
      section: props.section ?? null,
      depth: props.depth ?? 0,
      participants,
      async addParticipant(p) {
        const list = await api.saveParticipant({ handle, participant: p });
        onParticipantsChanged?.(list);
        return list.find((x) => x.id === p.id) ?? p;
      },
    }),
    [props.template, props.section, props.depth, participants, handle, onParticipantsChanged],
  );

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!loaded) return <p className="muted">{t('editor:part.opening', { title })}</p>;

  const initialConfig = {
    namespace: 'rapporteur',
    nodes: editorNodes,
    theme: editorTheme,
    editorState: (editor: LexicalEditor) => $loadDoc(editor, loaded.doc),
    editable: !props.readOnly,
    onError(err: Error) {
      setError(t('editor:part.editorStopped', { message: err.message }));
    },
  };
  const guidance = props.section?.guidance;
  // A section without words yet shows what the template expects there.
  const showGuidance = !!guidance && docToPlainText(loaded.doc).trim() === '' && loaded.doc.root.children.length > 0;

  return (
    <div
      className="part-editor"
      onKeyDown={(e) => {
        if (matchesShortcut(e, shortcutKeys('find'), isMac)) {
          e.preventDefault();
          setFinding(true);
        }
      }}
    >
      <PartTitle partId={partId}>
        <RenameableTitle handle={handle} part={{ id: partId, title }} onRenamed={onSaved}>
          {props.label && <span className="part-label">{props.label} </span>}
        </RenameableTitle>
      </PartTitle>
      {showGuidance && (
        <p className="guidance" role="note">
          <strong>{t('editor:part.guidance')} </strong>
          {guidance}
        </p>
      )}
      <ReportContext.Provider value={report}>
        {conflict && (
          <ConflictBanner
            title={title}
            onKeepMine={keepMine}
            onUseTheirs={useTheirs}
            unsaved={unsaved ? PART_CONFLICT_MESSAGES.unsaved : PART_CONFLICT_MESSAGES.nothingUnsaved}
          />
        )}
        <LexicalComposer key={generation} initialConfig={initialConfig}>
          <CommentsArea handle={handle} partId={partId} parts={props.parts} onOpenPart={props.onOpenPart}>
            <Toolbar onFind={() => setFinding(true)} />
            <CommentButton />
            <BlockInspector />
            {finding && (
              <FindReplacePlugin
                key={props.findOnOpen?.at ?? 0}
                initial={props.findOnOpen?.query}
                onClose={() => setFinding(false)}
                onReplaceEverywhere={
                  props.onReplaceInAllParts &&
                  ((f, r) => {
                    void saver.flush().then(() => props.onReplaceInAllParts?.(f, r));
                  })
                }
              />
            )}
            <div className="editor-shell">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="editor-content"
                    aria-label={t('editor:part.textOf', { title })}
                    lang={props.language || undefined}
                    spellCheck
                    aria-readonly={props.readOnly || undefined}
                  />
                }
                placeholder={<div className="editor-placeholder">{guidance || t('editor:part.startTyping')}</div>}
                ErrorBoundary={LexicalErrorBoundary}
              />
              <HistoryPlugin />
              <ListPlugin />
              <LinkPlugin validateUrl={(u) => SAFE_URL.test(u)} />
              <TablePlugin hasCellMerge hasCellBackgroundColor={false} />
              <TabIndentationPlugin maxIndent={3} />
              <ReportElementsPlugin />
              <DecorationsPlugin />
              <WarningMarkersPlugin partId={partId} />
              <NumberingPlugin />
              <DocumentLabelsPlugin language={props.language} />
              <ShortcutsPlugin />
              <AutoformatPlugin />
              <PastePlugin />
              <PersonTypeaheadPlugin />
              <EditorHandlePlugin onEditor={keepEditor} />
              <OnChangePlugin ignoreSelectionChange onChange={(state: EditorState) => saver.update(state)} />
            </div>
          </CommentsArea>
        </LexicalComposer>
      </ReportContext.Provider>
    </div>
  );
}, sameEditorProps);
