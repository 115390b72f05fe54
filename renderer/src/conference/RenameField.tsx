import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PartSummary } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import './rename.css';
import { t, useT } from '../i18n';

const orUntitled = (title: string) => title || t('common:untitled');

/** What renaming says, in one place, in the interface's language (read when shown). */
export const RENAME_TEXT = {
  field: (title: string) => t('conference:rename.field', { title: orUntitled(title) }),
  renamed: (from: string, to: string) => t('conference:rename.renamed', { from: orUntitled(from), to: orUntitled(to) }),
  get undo() {
    return t('common:undo');
  },
  get undoRename() {
    return t('conference:rename.undoRename');
  },
  get rename() {
    return t('conference:rename.rename');
  },
  get renameHint() {
    return t('conference:rename.renameHint');
  },
  menu: (title: string) => t('conference:rename.menu', { title: orUntitled(title) }),
};

const MAX_TITLE = 1000;

/**
 * A title edited in place: Enter or leaving the field keeps it, Escape puts the old one back.
 * An unchanged or empty title changes nothing.
 */
export function RenameField({
  initial,
  onCommit,
  onCancel,
  onKeyboardDone,
  className,
}: {
  initial: string;
  onCommit(title: string): void;
  onCancel(): void;
  className?: string;
  /** After Enter or Escape (not a click elsewhere): where the keyboard goes next. */
  onKeyboardDone?(): void;
}) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const settled = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (keep: boolean) => {
    if (settled.current) return;
    settled.current = true;
    const title = value.trim();
    if (keep && title && title !== initial) onCommit(title);
    else onCancel();
  };
  return (
    <input
      ref={input}
      className={`rename-field ${className ?? ''}`}
      aria-label={RENAME_TEXT.field(initial)}
      value={value}
      maxLength={MAX_TITLE}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          finish(e.key === 'Enter');
          onKeyboardDone?.();
        }
      }}
    />
  );
}

export interface LastRename {
  partId: string;
  from: string;
  to: string;
}

/**
 * Renames a part through the contract, keeping what it was called for one undo; the undo is
 * offered only while the part still has the title it was given (`titleOf` tells its title now).
 */
export function useRename(
  handle: string | undefined,
  titleOf: (partId: string) => string | undefined,
  onRenamed: (summary: PartSummary) => void,
  onError: (message: string) => void,
) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [last, setLast] = useState<LastRename | null>(null);
  const setTitle = async (partId: string, title: string) => {
    if (!handle) return null;
    try {
      const s = await api.updatePart({ handle, partId, patch: { title } });
      onRenamed(s);
      return s;
    } catch (err) {
      onError(errorMessage(err));
      return null;
    }
  };
  return {
    renaming,
    start: (partId: string) => setRenaming(partId),
    stop: () => setRenaming(null),
    last: last && titleOf(last.partId) === last.to ? last : null,
    async commit(part: { id: string; title: string }, title: string) {
      setRenaming(null);
      if (await setTitle(part.id, title)) setLast({ partId: part.id, from: part.title, to: title });
    },
    async undo() {
      if (!last) return;
      if (await setTitle(last.partId, last.from)) setLast(null);
    },
    dismiss: () => setLast(null),
  };
}

/** "Renamed … Undo", where the rename happened. */
export function RenameUndo({ last, onUndo }: { last: LastRename | null; onUndo(): void }) {
  if (!last) return null;
  return (
    <span className="outline-undo rename-undo" role="status">
      {RENAME_TEXT.renamed(last.from, last.to)}
      <button type="button" className="link" aria-label={RENAME_TEXT.undoRename} onClick={onUndo}>
        {RENAME_TEXT.undo}
      </button>
    </span>
  );
}

/** A small menu at the pointer (right-click): closes on Escape, on a click outside and after a choice; an item's keys (aria-keyshortcuts syntax) show beside it. */
export function ContextMenu({
  at,
  label,
  items,
  onClose,
}: {
  at: { x: number; y: number };
  label: string;
  items: { label: string; run(): void; keys?: string }[];
  onClose(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) onClose();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('mousedown', outside, true);
    document.addEventListener('keydown', key, true);
    return () => {
      document.removeEventListener('mousedown', outside, true);
      document.removeEventListener('keydown', key, true);
    };
  }, [onClose]);
  const move = (dir: 1 | -1) => {
    const all = [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + dir + all.length) % all.length]?.focus();
  };
  return (
    <div
      ref={box}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          move(1);
        }
        if (e.key === 'ArrowUp') {
          e.preventDefault();
          move(-1);
        }
      }}
    >
      {items.map((it) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          aria-keyshortcuts={it.keys}
          onClick={() => {
            onClose();
            it.run();
          }}
        >
          {it.label}
          {it.keys && <kbd className="menu-keys">{it.keys}</kbd>}
        </button>
      ))}
    </div>
  );
}

/** The part's heading above the editor: double-click, F2 or the Rename button edits it in place. */
export function RenameableTitle({
  handle,
  part,
  onRenamed,
  children,
}: {
  handle: string;
  part: { id: string; title: string };
  onRenamed(summary: PartSummary): void;
  children?: ReactNode;
}) {
  useT(); // renders again when the language changes
  const [error, setError] = useState('');
  const rename = useRename(
    handle,
    (id) => (id === part.id ? part.title : undefined),
    (s) => {
      setError('');
      onRenamed(s);
    },
    setError,
  );
  return (
    <>
      {rename.renaming === part.id ? (
        <RenameField
          initial={part.title}
          className="part-title-field"
          onCommit={(t) => void rename.commit(part, t)}
          onCancel={rename.stop}
        />
      ) : (
        <span
          className="renameable-title"
          tabIndex={0}
          title={RENAME_TEXT.renameHint}
          onDoubleClick={() => rename.start(part.id)}
          onKeyDown={(e) => {
            if (e.key === 'F2') {
              e.preventDefault();
              rename.start(part.id);
            }
          }}
        >
          {children}
          {orUntitled(part.title)}
        </span>
      )}
      {rename.renaming !== part.id && (
        <button
          type="button"
          className="link rename-button"
          aria-label={t('conference:rename.renamePart', { title: orUntitled(part.title) })}
          title={RENAME_TEXT.renameHint}
          onClick={() => rename.start(part.id)}
        >
          {RENAME_TEXT.rename}
        </button>
      )}
      <RenameUndo last={rename.last} onUndo={() => void rename.undo()} />
      {error && (
        <span className="error small rename-undo" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
