import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { $getRoot, type LexicalEditor } from 'lexical';
import { $isPresentationNode } from '../editor/nodes/PresentationNode';
import type { AutosaveState } from '../../../shared/autosave';
import { matchesShortcut, shortcutKeys, displayKeys } from '../../../shared/contract/shortcuts';
import type { ConferenceView, Participant, PartSummary } from '../../../shared/model/conference';
import type { Template } from '../../../shared/templates/schema';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { partLabels } from '../../../shared/elements/part-labels';
import { depthOf, sectionOf } from '../conference/part-tree';
import { displayName } from '../editor/attribution';
import { CAPTURE_HIGHLIGHT_COMMAND, INSERT_ATTRIBUTED_COMMAND } from '../editor/commands';
import { PartEditor } from '../editor/PartEditor';
import { isMac } from '../editor/toolbar/platform';
import { appendHighlight } from './capture';
import { Clock } from './Clock';
import './live.css';
import { t as translate, useT } from '../i18n';

interface Props {
  view: ConferenceView;
  template: Template | null;
  partId: string;
  onParticipantsChanged(list: Participant[]): void;
  onSaved(summary: PartSummary): void;
  onSaveState(state: AutosaveState): void;
  onNotice(n: NoticeState): void;
  onExit(): void;
}

/**
 * For a rapporteur in the room: the session's agenda entry, a clock, the speakers in
 * agenda order, one key to start the next presentation with its attribution, and a
 * capture line that drops a point into the session's highlights without leaving the text.
 */
export function LiveMode({
  view,
  template,
  partId,
  onParticipantsChanged,
  onSaved,
  onSaveState,
  onNotice,
  onExit,
}: Props) {
  const { t } = useT();
  const parts = view.parts;
  const byId = useMemo(() => new Map(parts.map((p) => [p.id, p])), [parts]);
  // The session: the part (or nearest ancestor) the agenda points at.
  const chain: PartSummary[] = [];
  for (let p = byId.get(partId); p; p = p.parentId ? byId.get(p.parentId) : undefined) chain.push(p);
  const agendaItem = chain.map((p) => view.agenda.find((a) => a.partId === p.id)).find(Boolean) ?? null;
  const session = (agendaItem && byId.get(agendaItem.partId!)) ?? chain[0]!;
  const family = [session, ...parts.filter((p) => isDescendant(byId, p, session.id))];
  const allows = (p: PartSummary, kind: string) => sectionOf(template, p.kind)?.allows.includes(kind as never) ?? false;
  const writing =
    family.find((p) => p.id === partId && allows(p, 'presentation')) ??
    family.find((p) => allows(p, 'presentation')) ??
    byId.get(partId)!;
  const highlightsPart = family.find((p) => p.id !== writing.id && allows(p, 'highlights')) ?? null;

  const speakers = (agendaItem?.speakerIds ?? [])
    .map((id) => view.participants.find((p) => p.id === id))
    .filter((p): p is Participant => !!p);
  const [next, setNext] = useState(0);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [point, setPoint] = useState('');
  const [captured, setCaptured] = useState<string[]>([]);
  const editorRef = useRef<LexicalEditor | null>(null);
  const captureRef = useRef<HTMLInputElement>(null);
  const speakerKey = speakers.map((s) => s.id).join(',');
  const onEditor = useCallback(
    (e: LexicalEditor | null) => {
      editorRef.current = e;
      if (!e) return;
      // Coming back to a session: the next speaker is the first not yet summarised.
      const done = new Set(
        e.getEditorState().read(() =>
          $getRoot()
            .getChildren()
            .filter($isPresentationNode)
            .flatMap((n) => n.getSpeakerIds()),
        ),
      );
      const ids = speakerKey ? speakerKey.split(',') : [];
      const first = ids.findIndex((id) => !done.has(id));
      setNext(first === -1 ? ids.length : first);
    },
    [speakerKey],
  );

  const startNext = useCallback(() => {
    const speaker = speakers[next];
    const editor = editorRef.current;
    if (!editor) return;
    editor.focus();
    editor.dispatchCommand(INSERT_ATTRIBUTED_COMMAND, { kind: 'presentation', speakers: speaker ? [speaker] : [] });
    setNext((n) => n + 1);
    setStartedAt(Date.now());
  }, [speakers, next]);

  const capture = async () => {
    const text = point.trim();
    if (!text) return;
    setPoint('');
    try {
      if (highlightsPart) {
        const p = await api.getPart({ handle: view.handle, partId: highlightsPart.id });
        onSaved(
          await api.savePart({
            handle: view.handle,
            partId: p.id,
            doc: appendHighlight(p.doc, text),
            baseRevision: p.revision,
          }),
        );
      } else {
        editorRef.current?.dispatchCommand(CAPTURE_HIGHLIGHT_COMMAND, text);
      }
      setCaptured((c) => [...c, text]);
    } catch (err) {
      setPoint(text);
      onNotice({ kind: 'error', text: translate('live:notCaptured', { message: errorMessage(err) }) });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Captured before the editor sees it: Ctrl+Enter must not also split the paragraph.
      if (matchesShortcut(e, shortcutKeys('live-next-speaker'), isMac)) {
        e.preventDefault();
        e.stopPropagation();
        startNext();
      } else if (matchesShortcut(e, shortcutKeys('live-capture'), isMac)) {
        e.preventDefault();
        e.stopPropagation();
        captureRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [startNext]);

  const labels = partLabels(parts, template);
  const depth = depthOf(parts).get(writing.id) ?? 0;

  return (
    <div className="live" aria-label={t('live:label')}>
      <aside className="live-side">
        <button type="button" className="link" onClick={onExit}>
          {t('live:leave')}
        </button>
        <div className="live-agenda">
          <div className="live-kicker">{t('live:now')}</div>
          <h2>
            {agendaItem?.title || `${labels.get(session.id) ? `${labels.get(session.id)} ` : ''}${session.title}`}
          </h2>
          {agendaItem ? (
            <p className="muted">
              {[agendaItem.day, agendaItem.start && `${agendaItem.start}–${agendaItem.end}`]
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : (
            <p className="muted small">{t('live:noAgendaEntry')}</p>
          )}
        </div>
        <Clock startedAt={startedAt} />
        <h3 className="live-h">{t('live:speakers')}</h3>
        {speakers.length ? (
          <ol className="live-speakers">
            {speakers.map((s, i) => (
              <li key={s.id} className={i < next ? 'done' : i === next ? 'next' : ''}>
                <strong>{displayName(s)}</strong>
                <span className="muted small">{[s.title, s.organisation].filter(Boolean).join(', ')}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted small">{t('live:noSpeakers')}</p>
        )}
        <button type="button" className="primary live-next" onClick={startNext}>
          {t('live:start', { name: speakers[next] ? displayName(speakers[next]!) : t('live:nextPresentation') })}{' '}
          <kbd>{displayKeys(shortcutKeys('live-next-speaker'), isMac)}</kbd>
        </button>
        <h3 className="live-h">
          {t('live:captured')} {highlightsPart ? <span className="muted small">→ {highlightsPart.title}</span> : null}
        </h3>
        <ul className="live-captured">
          {captured.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      </aside>
      <main className="live-main">
        <PartEditor
          key={writing.id}
          handle={view.handle}
          partId={writing.id}
          title={writing.title}
          label={labels.get(writing.id)}
          template={template}
          section={sectionOf(template, writing.kind)}
          depth={depth}
          language={view.meta.language}
          participants={view.participants}
          onParticipantsChanged={onParticipantsChanged}
          onEditor={onEditor}
          onSaved={onSaved}
          onSaveState={onSaveState}
        />
        <form
          className="live-capture"
          onSubmit={(e) => {
            e.preventDefault();
            void capture();
          }}
        >
          <label htmlFor="live-capture-input">
            {t('live:capture')} <kbd>{displayKeys(shortcutKeys('live-capture'), isMac)}</kbd>
          </label>
          <input
            id="live-capture-input"
            ref={captureRef}
            value={point}
            onChange={(e) => setPoint(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                editorRef.current?.focus();
              }
            }}
            placeholder={t('live:capturePlaceholder')}
          />
        </form>
      </main>
    </div>
  );
}

function isDescendant(byId: Map<string, PartSummary>, p: PartSummary, ancestor: string): boolean {
  for (let q = p.parentId; q; q = byId.get(q)?.parentId ?? null) if (q === ancestor) return true;
  return false;
}
