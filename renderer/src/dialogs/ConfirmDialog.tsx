import { useEffect, useRef } from 'react';
import { dialogText } from './dialog-text';
import './dialogs.css';

interface Props { title: string; message: string; confirmLabel: string; onAnswer(ok: boolean): void }

/** A yes-or-no question in the app's own dialog; Escape and Cancel answer no. */
export function ConfirmDialog({ title, message, confirmLabel, onAnswer }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => { cancel.current?.focus(); }, []);
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === 'Escape') onAnswer(false); }}>
      <section className="dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-message">
        <h3 id="confirm-title">{title}</h3>
        <p id="confirm-message">{message}</p>
        <div className="dialog-actions">
          <button type="button" ref={cancel} onClick={() => onAnswer(false)}>{dialogText.cancel}</button>
          <button type="button" className="primary" onClick={() => onAnswer(true)}>{confirmLabel}</button>
        </div>
      </section>
    </div>
  );
}
