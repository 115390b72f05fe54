import { useRef, useState } from 'react';
import { useDismiss } from '../../dialogs/use-dismiss';
import { displayKeys, shortcuts } from '../../../../shared/contract/shortcuts';
import { isMac } from './platform';
import { ToolButton } from './ToolButton';
import { useT } from '../../i18n';

/** Every shortcut of the editor, from the one shared list (the application menu shows the same). */
export function ShortcutsHelp() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useDismiss(box, open, () => setOpen(false));
  return (
    <span className="insert-menu" ref={box}>
      <ToolButton label={t('editor:keys.label')} active={open} onClick={() => setOpen(!open)}>
        {t('editor:keys.button')}
      </ToolButton>
      {open && (
        <div className="insert-panel shortcuts-panel" role="dialog" aria-label={t('editor:keys.panel')}>
          <table>
            <tbody>
              {shortcuts.map((s) => (
                <tr key={s.id}>
                  <td>{t(`editor:shortcut.${s.id}`)}</td>
                  <td>
                    <kbd>{displayKeys(s.keys, isMac)}</kbd>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </span>
  );
}
