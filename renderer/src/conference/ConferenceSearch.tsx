import { memo, useEffect, useRef, useState } from 'react';
import { matchesShortcut, shortcutKeys } from '../../../shared/contract/shortcuts';
import { api, errorMessage, onMenu } from '../api';
import { isMac } from '../editor/toolbar/platform';
import { useDismiss } from '../dialogs/use-dismiss';
import { useT } from '../i18n';

type Hit = Awaited<ReturnType<typeof api.search>>[number];

/** Search across every part of the conference (the store's full-text index); a hit opens its part. */
/** Memoised: the conference screen renders on every save, the search box needs to only when its props change. */
export const ConferenceSearch = memo(function ConferenceSearch({
  handle,
  onOpen,
}: {
  handle: string;
  onOpen(partId: string, query: string): void;
}) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // The results close on Escape and on a press outside them.
  const box = useRef<HTMLFormElement>(null);
  useDismiss(box, hits !== null, () => setHits(null));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut(e, shortcutKeys('find-in-conference'), isMac)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    const off = onMenu((m) => {
      if (m.command === 'find-in-conference') input.current?.focus();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);

  const run = async () => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    try {
      setHits(await api.search({ handle, query: query.trim() }));
      setError('');
    } catch (err) {
      setError(errorMessage(err));
      setHits([]);
    }
  };

  return (
    <form
      ref={box}
      className="conference-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <input
        ref={input}
        aria-label={t('editor:search.label')}
        placeholder={t('editor:search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {hits && (
        <div className="search-results" role="listbox" aria-label={t('editor:search.results')}>
          {error && <p className="error small">{error}</p>}
          {!hits.length && !error && <p className="muted small">{t('editor:search.nothing')}</p>}
          {hits.map((h) => (
            <button
              key={h.partId}
              type="button"
              role="option"
              aria-selected={false}
              onClick={() => {
                setHits(null);
                onOpen(h.partId, query.trim());
              }}
            >
              <strong>{h.title || t('common:untitled')}</strong>
              <span className="small muted">{h.snippet.replace(/<\/?[^>]+>/g, '')}</span>
            </button>
          ))}
        </div>
      )}
    </form>
  );
});
