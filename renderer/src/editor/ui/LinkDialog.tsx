import { useState } from 'react';
import { useT } from '../../i18n';

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Asks for a link's address (window.prompt does not exist in Electron). Only web and mail addresses. */
export function LinkDialog({ onDone, onCancel }: { onDone(url: string): void; onCancel(): void }) {
  const { t } = useT();
  const [url, setUrl] = useState('https://');
  const valid = SAFE_URL.test(url.trim()) && url.trim().length > 8;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form
        className="dialog"
        role="dialog"
        aria-label={t('editor:link.title')}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onDone(url.trim());
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h3>{t('editor:link.title')}</h3>
        <label className="field">
          {t('editor:link.address')}{' '}
          <input
            autoFocus
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-label={t('editor:link.addressLabel')}
          />
        </label>
        {!valid && url.length > 8 && <p className="error small">{t('editor:link.onlySafe')}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            {t('editor:link.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
