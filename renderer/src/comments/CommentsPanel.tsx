/**
 * The comments panel beside a part's text: its open comments or the whole conference's, each
 * with its replies; add, answer, resolve and reopen; each opens its place in the text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CommentThread } from '../../../shared/review/comments';
import { api } from '../api';
import { formatDate, useT } from '../i18n';
import type { CommentsState } from './use-comments';

/** A comment being written: its mark is already in the text. */
export interface Draft {
  threadId: string;
  quote: string;
}

interface Props {
  handle: string;
  partId: string;
  state: CommentsState;
  draft: Draft | null;
  active: string | null;
  shown: boolean;
  titles: Map<string, string>;
  onShown(shown: boolean): void;
  onSaveDraft(text: string): Promise<boolean>;
  onCancelDraft(): void;
  onOpen(threadId: string, partId: string): void;
}

const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

export function CommentsPanel(props: Props) {
  const { t } = useT();
  const { state, partId, draft, shown } = props;
  const [scope, setScope] = useState<'part' | 'all'>('part');
  const [showResolved, setShowResolved] = useState(false);
  const inScope = state.threads.filter((th) => scope === 'all' || th.partId === partId);
  const listed = inScope.filter((th) => showResolved || !th.resolved);
  const openCount = inScope.filter((th) => !th.resolved).length;
  const headingId = useId();

  if (!shown) {
    return (
      <div className="comments-collapsed">
        <button type="button" onClick={() => props.onShown(true)} aria-expanded={false}>
          {t('comments:panel.show')} ({openCount})
        </button>
      </div>
    );
  }
  return (
    <aside className="comments-panel" aria-labelledby={headingId}>
      <header className="comments-head">
        <h3 id={headingId}>{t('comments:panel.title')}</h3>
        <button type="button" className="link" onClick={() => props.onShown(false)} aria-expanded>
          {t('comments:panel.hide')}
        </button>
      </header>
      <UserName state={state} />
      <div role="radiogroup" aria-label={t('comments:panel.scope')} className="comments-scope">
        {(['part', 'all'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name={`${headingId}-scope`} checked={scope === s} onChange={() => setScope(s)} />
            {s === 'part' ? t('comments:panel.scopePart') : t('comments:panel.scopeAll')}
          </label>
        ))}
      </div>
      <label className="comments-resolved-toggle">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
        {t('comments:panel.showResolved')}
      </label>
      <p className="comments-count" role="status">
        {t('comments:panel.open', { count: openCount })}
      </p>
      {state.error && (
        <p role="alert" className="error comments-error">
          {state.error}
        </p>
      )}
      {draft && <DraftForm draft={draft} onSave={props.onSaveDraft} onCancel={props.onCancelDraft} />}
      {listed.length === 0 && !draft ? (
        <p className="muted">{scope === 'part' ? t('comments:panel.nonePart') : t('comments:panel.noneAll')}</p>
      ) : (
        <ol className="comment-threads">
          {listed.map((th) => (
            <Thread
              key={th.id}
              thread={th}
              handle={props.handle}
              state={state}
              active={props.active === th.id}
              where={scope === 'all' ? (props.titles.get(th.partId) ?? t('comments:panel.deletedPart')) : null}
              onOpen={props.onOpen}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}

/** The user's name, set once (the app's settings); asked for before the first comment. */
function UserName({ state }: { state: CommentsState }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const id = useId();
  if (state.userName === null) return null;
  if (state.userName && !editing) {
    return (
      <p className="comments-user">
        {t('comments:panel.commentingAs', { name: state.userName })}{' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            setValue(state.userName ?? '');
            setEditing(true);
          }}
        >
          {t('comments:panel.changeName')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="comments-user-form"
      onSubmit={(e) => {
        e.preventDefault();
        void state.setUserName(value).then((ok) => {
          if (ok) setEditing(false);
        });
      }}
    >
      <label htmlFor={id}>{t('comments:panel.yourName')}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        maxLength={200}
        aria-describedby={`${id}-hint`}
        autoComplete="name"
      />
      <small id={`${id}-hint`}>{t('comments:panel.yourNameHint')}</small>
      <button type="submit" disabled={!value.trim()}>
        {t('comments:panel.saveName')}
      </button>
    </form>
  );
}

function DraftForm({
  draft,
  onSave,
  onCancel,
}: {
  draft: Draft;
  onSave(text: string): Promise<boolean>;
  onCancel(): void;
}) {
  const { t } = useT();
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // After the editor's own update has put its selection back (it would take the focus again).
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [draft.threadId]);
  return (
    <form
      className="comment-draft"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void onSave(text);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>{t('comments:panel.newComment', { quote: short(draft.quote) })}</label>
      <textarea id={id} ref={ref} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={10_000} />
      <div className="comment-actions">
        <button type="submit" disabled={!text.trim()}>
          {t('comments:panel.add')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

const short = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 57)}…` : quote);

function Thread({
  thread,
  handle,
  state,
  active,
  where,
  onOpen,
}: {
  thread: CommentThread;
  handle: string;
  state: CommentsState;
  active: boolean;
  where: string | null;
  onOpen(threadId: string, partId: string): void;
}) {
  const { t } = useT();
  const [reply, setReply] = useState('');
  const replyId = useId();
  const [first, ...replies] = thread.messages;
  return (
    <li
      className={`comment-thread${thread.resolved ? ' resolved' : ''}${active ? ' active' : ''}`}
      data-thread-id={thread.id}
    >
      {where !== null && <p className="comment-where">{t('comments:panel.inPart', { title: where })}</p>}
      <blockquote className="comment-quote">{short(thread.quote)}</blockquote>
      {!thread.attached && <p className="comment-detached">{t('comments:panel.detached')}</p>}
      <ol className="comment-messages">
        {[first!, ...replies].map((m, i) => (
          <li key={m.id} className={i === 0 ? 'comment-message' : 'comment-message comment-reply'}>
            <p className="comment-meta">
              <strong>{m.author}</strong> <time dateTime={m.createdAt}>{when(m.createdAt)}</time>
            </p>
            <p className="comment-text">{m.text}</p>
          </li>
        ))}
      </ol>
      {thread.resolved && thread.resolvedBy && (
        <p className="comment-resolved-by">{t('comments:panel.resolvedBy', { name: thread.resolvedBy })}</p>
      )}
      <div className="comment-actions">
        {thread.attached && (
          <button type="button" onClick={() => onOpen(thread.id, thread.partId)}>
            {t('comments:panel.goTo')}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            void state.run(() => api.setCommentResolved({ handle, threadId: thread.id, resolved: !thread.resolved }))
          }
        >
          {thread.resolved ? t('comments:panel.reopen') : t('comments:panel.resolve')}
        </button>
      </div>
      {!thread.resolved && (
        <form
          className="comment-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reply.trim()) return;
            void state
              .run(() => api.replyToComment({ handle, threadId: thread.id, text: reply }))
              .then((ok) => {
                if (ok) setReply('');
              });
          }}
        >
          <label htmlFor={replyId} className="visually-hidden">
            {t('comments:panel.replyLabel', { quote: short(thread.quote) })}
          </label>
          <textarea
            id={replyId}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            rows={1}
            maxLength={10_000}
            placeholder={t('comments:panel.reply')}
          />
          <button type="submit" disabled={!reply.trim()}>
            {t('comments:panel.reply')}
          </button>
        </form>
      )}
    </li>
  );
}
