import type { ReactNode } from 'react';

/** A toolbar button that keeps the caret in the editor (mouse down does not steal focus). */
export function ToolButton({ label, title, active, disabled, onClick, children }: {
  label: string; title?: string; active?: boolean; disabled?: boolean; onClick(): void; children?: ReactNode;
}) {
  return (
    <button type="button" className={active ? 'tool active' : 'tool'} aria-label={label} title={title ?? label}
      aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children ?? label}
    </button>
  );
}
