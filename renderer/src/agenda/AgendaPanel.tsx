import { useMemo, useState } from 'react';
import type { AgendaItem, Participant, PartSummary } from '../../../shared/model/conference';
import { withProgrammePeople } from '../../../shared/model/programme-people';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { type RecordKind, useRecordSaves } from '../conference/record-conflict';
import { askConfirm } from '../dialogs/dialog-store';
import { ConflictBanner } from '../editor/ConflictBanner';
import './agenda.css';
import { t as translate, useT } from '../i18n';

interface Props {
  handle: string;
  agenda: AgendaItem[];
  parts: PartSummary[];
  participants: Participant[];
  onChanged(list: AgendaItem[]): void;
  onNotice(n: NoticeState): void;
}

const newAgendaId = (): string => `ag${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * The programme: time slots with their session part, moderator and speakers in order.
 * Live mode follows it, and the compiled report prints it as the programme annex.
 */
export function AgendaPanel({ handle, agenda, parts, participants, onChanged, onNotice }: Props) {
  const { t } = useT();
  const [drafts, setDrafts] = useState<Record<string, AgendaItem>>({});
  const itemOf = (a: AgendaItem) => drafts[a.id] ?? a;
  const edit = (a: AgendaItem, patch: Partial<AgendaItem>) =>
    setDrafts((d) => ({ ...d, [a.id]: { ...itemOf(a), ...patch } }));

  const kind = useMemo<RecordKind<AgendaItem>>(
    () => ({
      name: (a) => a.title,
      fetch: async () => (await api.getConference({ handle })).agenda,
      save: (item) => api.saveAgendaItem({ handle, item }),
      remove: (itemId, baseRevision) =>
        api.deleteAgendaItem({ handle, itemId, ...(baseRevision !== undefined ? { baseRevision } : {}) }),
    }),
    [handle],
  );
  const records = useRecordSaves(handle, agenda, kind, onChanged);
  const dropDraft = (id: string) =>
    setDrafts((d) => {
      const rest = { ...d };
      delete rest[id];
      return rest;
    });

  const save = async (item: AgendaItem): Promise<boolean> => {
    try {
      // Saved with the revision this window last saw (not the one the draft began from).
      const saved = await records.save(item);
      // Drop the draft only if nothing was typed into the item while it was being saved.
      if (saved)
        setDrafts((d) => {
          if (d[item.id] !== item) return d;
          const rest = { ...d };
          delete rest[item.id];
          return rest;
        });
      return Boolean(saved);
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
      return false;
    }
  };
  /** The item's moderator and speakers go into its part's lines that name no one yet (one save of the part). */
  const fillPart = async (item: AgendaItem) => {
    if (!item.partId || (!item.moderatorId && !item.speakerIds.length)) return;
    try {
      const part = await api.getPart({ handle, partId: item.partId });
      const doc = withProgrammePeople(part.doc, item, participants);
      if (doc) await api.savePart({ handle, partId: item.partId, doc, baseRevision: part.revision });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  /** The choice between versions; either way, what is shown afterwards is what is stored. */
  const resolve = (fn: () => Promise<void>) => async () => {
    const id = records.conflict?.id;
    await fn();
    if (id) dropDraft(id);
  };
  const commit = (a: AgendaItem) => {
    const d = drafts[a.id];
    if (d) void save(d);
  };
  /** A choice (part, moderator, speakers) is saved at once, together with any typing not yet saved. */
  const choose = (a: AgendaItem, patch: Partial<AgendaItem>) => {
    const next = { ...itemOf(a), ...patch };
    setDrafts((d) => ({ ...d, [a.id]: next }));
    void save(next).then((saved) => (saved ? fillPart(next) : undefined));
  };

  /** A typed field: kept as a draft while typing, saved when it loses focus. */
  const text = (
    a: AgendaItem,
    key: 'day' | 'start' | 'end' | 'title',
    label: string,
    placeholder: string,
    className?: string,
  ) => (
    <input
      aria-label={label}
      placeholder={placeholder}
      className={className}
      value={itemOf(a)[key]}
      onChange={(e) => edit(a, { [key]: e.target.value })}
      onBlur={() => commit(a)}
    />
  );

  const add = () => {
    const last = agenda[agenda.length - 1];
    void save({
      id: newAgendaId(),
      position: (last?.position ?? -1) + 1,
      day: last?.day ?? '',
      start: last?.end ?? '',
      end: '',
      title: translate('agenda:newSession'),
      partId: null,
      moderatorId: null,
      speakerIds: [],
    });
  };
  const remove = async (a: AgendaItem) => {
    if (
      !(await askConfirm({
        title: translate('agenda:removeTitle'),
        message: translate('agenda:removeQuestion', { title: a.title }),
        confirmLabel: translate('agenda:remove'),
      }))
    )
      return;
    try {
      await records.remove(a);
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  const move = (index: number, by: -1 | 1) => {
    if (!agenda[index] || !agenda[index + by]) return;
    const order = [...agenda];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    // Positions follow the order shown: items added in quick succession can share a position,
    // and swapping two equal positions would leave them as they were.
    order.forEach((item, i) => {
      if (item.position !== i) choose(item, { position: i });
    });
  };

  // Sessions are parts with a parent or with children of their own (units, chapters).
  const sessionParts = parts.filter((p) => p.parentId !== null || parts.some((c) => c.parentId === p.id));
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.name ?? t('agenda:removed');

  return (
    <section className="agenda-panel" aria-label={t('agenda:label')}>
      <header className="agenda-head">
        <h2>
          {t('agenda:label')} <small className="muted">{t('agenda:count', { count: agenda.length })}</small>
        </h2>
        <button type="button" onClick={add}>
          {t('agenda:add')}
        </button>
      </header>
      {records.conflict && (
        <ConflictBanner
          title={records.conflict.title}
          unsaved={t('agenda:unsaved')}
          onKeepMine={resolve(records.keepMine)}
          onUseTheirs={resolve(records.useTheirs)}
        />
      )}
      {agenda.length === 0 ? (
        <p className="muted">{t('agenda:empty')}</p>
      ) : (
        <ol className="agenda-list">
          {agenda.map((a, i) => {
            const item = itemOf(a);
            return (
              <li key={a.id} className="agenda-item" aria-label={item.title}>
                <div className="agenda-when">
                  {text(a, 'day', t('agenda:day'), t('agenda:day'))}
                  {text(a, 'start', t('agenda:start'), '09:00')}
                  {text(a, 'end', t('agenda:end'), '10:30')}
                </div>
                <div className="agenda-what">
                  {text(a, 'title', t('agenda:item'), '', 'agenda-title')}
                  <label>
                    {t('agenda:part')}
                    <select value={item.partId ?? ''} onChange={(e) => choose(a, { partId: e.target.value || null })}>
                      <option value="">—</option>
                      {sessionParts.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('agenda:moderator')}
                    <select
                      value={item.moderatorId ?? ''}
                      onChange={(e) => choose(a, { moderatorId: e.target.value || null })}
                    >
                      <option value="">—</option>
                      {participants.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <div className="agenda-speakers">
                    <span>{t('agenda:speakers')}</span>
                    {item.speakerIds.map((id) => (
                      <span key={id} className="chip">
                        {nameOf(id)}
                        <button
                          type="button"
                          aria-label={t('agenda:removeSpeaker', { name: nameOf(id) })}
                          onClick={() => choose(a, { speakerIds: item.speakerIds.filter((x) => x !== id) })}
                        >
                          ×
                        </button>
                      </span>
                    ))}
                    <select
                      aria-label={t('agenda:addSpeaker')}
                      value=""
                      onChange={(e) => {
                        if (e.target.value) choose(a, { speakerIds: [...item.speakerIds, e.target.value] });
                      }}
                    >
                      <option value="">{t('agenda:addSpeakerOption')}</option>
                      {participants
                        .filter((p) => !item.speakerIds.includes(p.id))
                        .map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                          </option>
                        ))}
                    </select>
                  </div>
                </div>
                <div className="agenda-actions">
                  <button type="button" aria-label={t('agenda:moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('agenda:moveDown')}
                    disabled={i === agenda.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => void remove(a)}>
                    {t('agenda:remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
