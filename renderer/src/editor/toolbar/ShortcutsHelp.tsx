import { useRef, useState } from 'react';
import { useDismiss } from '../../dialogs/use-dismiss';
import { displayKeys, shortcuts } from '../../../../shared/contract/shortcuts';
import { isMac } from './platform';
import { ToolButton } from './ToolButton';

/** Every shortcut of the editor, from the one shared list (the application menu shows the same). */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useDismiss(box, open, () => setOpen(false));
  return (
    <span className="insert-menu" ref={box}>
      <ToolButton label="Keys: keyboard shortcuts" active={open} onClick={() => setOpen(!open)}>⌨ Keys</ToolButton>
      {open && (
        <div className="insert-panel shortcuts-panel" role="dialog" aria-label="Keyboard shortcuts">
          <table>
            <tbody>
              {shortcuts.map((s) => (
                <tr key={s.id}><td>{s.label}</td><td><kbd>{displayKeys(s.keys, isMac)}</kbd></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </span>
  );
}
