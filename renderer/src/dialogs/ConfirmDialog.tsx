import { useRef } from 'react';
import { dialogText } from './dialog-text';
import './dialogs.css';
import { useModalFocus } from './use-modal-focus';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  onAnswer(ok: boolean): void;
}

/** A yes-or-no question in the app's own dialog; Escape and Cancel answer no. */
export function ConfirmDialog({ title, message, confirmLabel, onAnswer }: Props) {
  const box = useRef<HTMLElement>(null);
  useModalFocus(box, () => onAnswer(false));
  return (
    <div className="dialog-backdrop" role="presentation">
      <section
        ref={box}
        tabIndex={-1}
        className="dialog confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
      >
        <h3 id="confirm-title">{title}</h3>
        <p id="confirm-message">{message}</p>
        <div className="dialog-actions">
          <button type="button" data-autofocus onClick={() => onAnswer(false)}>
            {dialogText.cancel}
          </button>
          <button type="button" className="primary" onClick={() => onAnswer(true)}>
            {confirmLabel}
          </button>
        </div>
      </section>
    </div>
  );
}
