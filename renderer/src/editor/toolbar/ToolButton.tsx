import type { ReactNode } from 'react';
import type { ShortcutId } from '../../../../shared/contract/shortcuts';
import { ariaKeys, withKeys } from './platform';

/**
 * A toolbar button that keeps the caret in the editor (mouse down does not steal focus);
 * with a shortcut, its tooltip shows the keys and aria-keyshortcuts announces them.
 */
export function ToolButton({
  label,
  title,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  title?: string;
  shortcut?: ShortcutId;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      className={active ? 'tool active' : 'tool'}
      aria-label={label}
      title={title ?? (shortcut ? withKeys(label, shortcut) : label)}
      aria-keyshortcuts={shortcut ? ariaKeys(shortcut) : undefined}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children ?? label}
    </button>
  );
}
