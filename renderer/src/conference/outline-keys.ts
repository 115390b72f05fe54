import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PartSummary } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { moveTargetOf, targetOf } from './outline-tree';

/**
 * The outline as a tree from the keyboard: ↑/↓ next and previous part, Home/End first and last,
 * ← the part it sits in, → its first sub-part, Enter opens (the item is a button), and
 * Alt+Shift+↑/↓ moves the part among its siblings. Items carry `data-part-id`.
 */
export function useOutlineKeys(options: {
  parts: PartSummary[];
  handle?: string;
  editable: boolean;
  /** Parts that keep their place (in a rapporteur's kit, those assigned to others). */
  isReadOnly(id: string): boolean;
  onPartsChanged?(parts: PartSummary[], select?: string): void;
  onNotice?(n: NoticeState): void;
}) {
  const { parts, handle, editable, isReadOnly, onPartsChanged, onNotice } = options;
  const refocus = useRef<string | null>(null);
  const tree = useRef<HTMLUListElement>(null);
  const focusItem = (id: string) =>
    tree.current?.querySelector<HTMLElement>(`li[data-part-id="${CSS.escape(id)}"] .outline-item`)?.focus();

  // After a move the list is drawn again: the moved part keeps the focus.
  useEffect(() => {
    if (refocus.current) {
      focusItem(refocus.current);
      refocus.current = null;
    }
  }, [parts]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('li[data-part-id]');
    if (!item || !(e.target as HTMLElement).classList.contains('outline-item')) return;
    const id = item.dataset.partId!;
    if (e.altKey && e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const to = editable && handle && !isReadOnly(id) ? moveTargetOf(parts, id, e.key === 'ArrowUp' ? -1 : 1) : null;
      if (!to) return;
      refocus.current = id;
      api.movePart({ handle: handle!, partId: id, ...to }).then(
        (after) => onPartsChanged?.(after, id),
        (err: unknown) => onNotice?.({ kind: 'error', text: errorMessage(err) }),
      );
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = targetOf(parts, id, e.key);
    if (target === null && !['ArrowDown', 'ArrowUp', 'Home', 'End', 'ArrowLeft', 'ArrowRight'].includes(e.key)) return;
    e.preventDefault();
    if (target) focusItem(target);
  };

  /** Focuses a part's item once the outline has drawn it again (after renaming it, say). */
  const focusSoon = (id: string) => requestAnimationFrame(() => focusItem(id));

  return { tree, onKeyDown, focusSoon };
}
