import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';

/** Hands the editor instance to a parent (live mode dispatches commands to it). */
export function EditorHandlePlugin({ onEditor }: { onEditor?(editor: LexicalEditor | null): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  return null;
}
