/**
 * Comments around one part's editor (inside its LexicalComposer): the Comment command
 * (toolbar button, Ctrl+Alt+M), the marks' looks (open, resolved, the one being read), and the
 * panel beside the text listing the comments of the part or of the whole conference.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkNode } from '@lexical/mark';
import { COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND } from 'lexical';
import type { PartSummary } from '../../../shared/model/conference';
import { matchesShortcut, shortcutKeys } from '../../../shared/contract/shortcuts';
import { api, onMenu } from '../api';
import { isMac } from '../editor/toolbar/platform';
import { t as translate } from '../i18n';
import { CommentsContext } from './CommentsContext';
import { CommentsPanel, type Draft } from './CommentsPanel';
import { $marks, $markSelection, $unmark, focusMark, newThreadId, registerPastedMarks } from './comment-marks';
import { focusWhenOpened, takePendingFocus, useComments } from './use-comments';
import './comments.css';

interface Props {
  handle: string;
  partId: string;
  /** Titles of the parts (comments of the whole conference say where they are). */
  parts?: PartSummary[];
  /** Opens another part (a comment of the whole conference chosen in the panel). */
  onOpenPart?(partId: string): void;
  children: ReactNode;
}

export function CommentsArea({ handle, partId, parts, onOpenPart, children }: Props) {
  const [editor] = useLexicalComposerContext();
  const state = useComments(handle);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [active, setActive] = useState<string | null>(null);
  // Live mode (no other parts to open) is a focused view: its panel starts folded, one button away.
  const [shown, setShown] = useState(onOpenPart !== undefined);
  const [editable, setEditable] = useState(() => editor.isEditable());
  useEffect(() => editor.registerEditableListener(setEditable), [editor]);

  /** After the selection was marked for thread `id` (quote null: nothing was selected). */
  const begin = useCallback(
    (id: string, quote: string | null) => {
      if (quote === null) {
        state.setError(translate('comments:panel.selectFirst'));
        return;
      }
      state.setError(null);
      setShown(true);
      setDraft({ threadId: id, quote });
    },
    [state],
  );

  const startComment = useCallback(() => {
    if (draft) return;
    const id = newThreadId();
    let quote: string | null = null;
    editor.update(
      () => {
        quote = $markSelection(id);
      },
      { discrete: true },
    );
    begin(id, quote);
  }, [editor, draft, begin]);

  // Ctrl+Alt+M (⌘⌥M), as in Word. Commands run inside an update: the selection is marked right here.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (e: KeyboardEvent) => {
          if (!matchesShortcut(e, shortcutKeys('comment'), isMac)) return false;
          e.preventDefault();
          if (!draft) {
            const id = newThreadId();
            begin(id, $markSelection(id));
          }
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, draft, begin],
  );

  useEffect(() => registerPastedMarks(editor), [editor]);

  // Insert → Comment on the selection, in the desktop app's menu.
  useEffect(
    () =>
      onMenu((m) => {
        if (m.command === 'editor-action' && m.action === 'comment') startComment();
      }),
    [startComment],
  );

  // Each mark says which threads it carries; resolved ones lose their highlight, the one being read stands out.
  const resolved = useMemo(
    () => new Set(state.threads.filter((th) => th.resolved).map((th) => th.id)),
    [state.threads],
  );
  // The thread ids whose marks are in the text now: a thread of this part is attached or not as the text changes.
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const paint = useCallback(() => {
    editor.getEditorState().read(() => {
      const ids = new Set<string>();
      for (const mark of $marks()) {
        for (const id of mark.getIDs()) ids.add(id);
        const el = editor.getElementByKey(mark.getKey());
        if (!el) continue;
        const markIds = mark.getIDs();
        el.dataset.commentIds = markIds.join(' ');
        el.classList.add('comment-mark');
        el.classList.toggle(
          'comment-resolved',
          markIds.every((id) => resolved.has(id)),
        );
        el.classList.toggle('comment-active', active !== null && markIds.includes(active));
      }
      setPresent((prev) => (prev.size === ids.size && [...ids].every((id) => prev.has(id)) ? prev : ids));
    });
  }, [editor, resolved, active]);
  useEffect(() => {
    paint();
    return editor.registerMutationListener(MarkNode, paint, { skipInitialization: false });
  }, [editor, paint]);

  // A comment of this part chosen in another part's panel: its text is selected once the part is open.
  useEffect(() => {
    const id = takePendingFocus(partId);
    if (id) {
      setActive(id);
      requestAnimationFrame(() => focusMark(editor, id));
    }
  }, [editor, partId]);

  const open = useCallback(
    (threadId: string, threadPart: string) => {
      setActive(threadId);
      if (threadPart === partId) focusMark(editor, threadId);
      else if (onOpenPart) {
        focusWhenOpened(threadPart, threadId);
        onOpenPart(threadPart);
      }
    },
    [editor, partId, onOpenPart],
  );

  const saveDraft = useCallback(
    async (text: string) => {
      if (!draft) return false;
      const ok = await state.run(() =>
        api.addComment({ handle, partId, threadId: draft.threadId, quote: draft.quote, text }),
      );
      if (ok) {
        setActive(draft.threadId);
        setDraft(null);
      }
      return ok;
    },
    [draft, state, handle, partId],
  );

  const cancelDraft = useCallback(() => {
    if (draft) editor.update(() => $unmark(draft.threadId));
    setDraft(null);
    state.setError(null);
  }, [draft, editor, state]);

  const actions = useMemo(() => ({ startComment, canComment: editable && !draft }), [startComment, editable, draft]);
  const live = useMemo(
    () => ({
      ...state,
      threads: state.threads.map((th) => (th.partId === partId ? { ...th, attached: present.has(th.id) } : th)),
    }),
    [state, partId, present],
  );
  const titles = useMemo(() => new Map((parts ?? []).map((p) => [p.id, p.title])), [parts]);

  return (
    <CommentsContext.Provider value={actions}>
      <div className={`comments-area${shown ? ' comments-shown' : ''}`}>
        <div className="comments-main">{children}</div>
        <CommentsPanel
          handle={handle}
          partId={partId}
          state={live}
          draft={draft}
          active={active}
          shown={shown}
          titles={titles}
          onShown={setShown}
          onSaveDraft={saveDraft}
          onCancelDraft={cancelDraft}
          onOpen={open}
        />
      </div>
    </CommentsContext.Provider>
  );
}
