import { useState } from 'react';

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Asks for a link's address (window.prompt does not exist in Electron). Only web and mail addresses. */
export function LinkDialog({ onDone, onCancel }: { onDone(url: string): void; onCancel(): void }) {
  const [url, setUrl] = useState('https://');
  const valid = SAFE_URL.test(url.trim()) && url.trim().length > 8;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form className="dialog" role="dialog" aria-label="Link" onSubmit={(e) => { e.preventDefault(); if (valid) onDone(url.trim()); }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <h3>Link</h3>
        <label className="field">Address <input autoFocus value={url} onChange={(e) => setUrl(e.target.value)} aria-label="Address of the link" /></label>
        {!valid && url.length > 8 && <p className="error small">Only web (https://…) and e-mail (mailto:…) addresses.</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="primary" disabled={!valid}>Link</button>
        </div>
      </form>
    </div>
  );
}
