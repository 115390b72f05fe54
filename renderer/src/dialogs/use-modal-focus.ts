import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog's keyboard: focus moves into it when it opens, Tab and Shift+Tab stay inside
 * it, Escape closes it, and focus goes back to where it was when it closes.
 */
export function useModalFocus(box: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    if (el && !el.contains(document.activeElement))
      (el.querySelector<HTMLElement>(`[data-autofocus], ${FOCUSABLE}`) ?? el).focus();
    const onKey = (e: KeyboardEvent) => {
      const root = box.current;
      if (!root) return;
      // Another dialog opened over or inside this one (a confirmation) has the keyboard.
      const owner = document.activeElement?.closest('[aria-modal="true"]');
      if (owner && owner !== root) return;
      // An open list inside the dialog (a combobox's options) closes first.
      if (e.key === 'Escape' && document.activeElement?.matches('[role="combobox"][aria-expanded="true"]')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        escape.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null);
      if (!items.length) {
        e.preventDefault();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const inside = root.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      if (before && document.contains(before)) before.focus();
    };
  }, [box]);
}
