import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportWarning, Participant } from '../../../shared/model/conference';
import { findQuote } from '../../../shared/import/warning-places';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { type RecordKind, useRecordSaves } from '../conference/record-conflict';
import { askConfirm } from '../dialogs/dialog-store';
import { ConflictBanner } from '../editor/ConflictBanner';
import { newParticipantId } from '../editor/ui/SpeakerDialog';
import { foldedIncludes } from '../../../shared/i18n/fold';
import { openWarningEntry, placeOf, requestDone, useWarningMarkers } from '../editor/plugins/warning-markers';
import { warningMessage } from '../import/warning-message';
import { t } from '../i18n';
import { ImportPreview } from './ImportPreview';
import {
  decodeTableFile,
  PARTICIPANT_FIELDS,
  readTable,
  type ParticipantFields,
  type ParticipantTable,
} from './parse-table';
import { TEXT } from './participants-text';
import './participants.css';
import '../editor/plugins/warning-markers.css';

interface Props {
  handle: string;
  participants: Participant[];
  onChanged(list: Participant[]): void;
  onNotice(n: NoticeState): void;
}

const blank: ParticipantFields = {
  honorific: '',
  name: '',
  title: '',
  organisation: '',
  country: '',
  group: '',
  role: '',
};

/**
 * The participants registry: speakers, moderators, delegates. Each cell is saved when it
 * loses focus; an import is previewed before anything is saved and can be undone; several
 * people can be removed at once.
 */
export function ParticipantsPanel({ handle, participants, onChanged, onNotice }: Props) {
  const [importing, setImporting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [preview, setPreview] = useState<{ table: ParticipantTable; source: string } | null>(null);
  const [lastImport, setLastImport] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState(false);
  const newName = useRef<HTMLInputElement>(null);
  // Enter then the blur of the row going away must not add the person twice.
  const addingNow = useRef(false);
  useEffect(() => {
    addingNow.current = adding;
    if (adding) newName.current?.focus();
  }, [adding]);

  const kind = useMemo<RecordKind<Participant>>(
    () => ({
      name: (p) => p.name,
      fetch: async () => (await api.getConference({ handle })).participants,
      save: (participant) => api.saveParticipant({ handle, participant }),
      remove: (participantId, baseRevision) =>
        api.deleteParticipant({ handle, participantId, ...(baseRevision !== undefined ? { baseRevision } : {}) }),
    }),
    [handle],
  );
  const records = useRecordSaves(handle, participants, kind, onChanged);
  const fail = (err: unknown) => onNotice({ kind: 'error', text: errorMessage(err) });

  const save = async (p: Participant) => {
    try {
      await records.save(p);
    } catch (err) {
      fail(err);
    }
  };
  /** Removes people one after the other (each with the revision this window saw); returns how many went. */
  const removeAll = async (people: Participant[]): Promise<number> => {
    let removed = 0;
    for (const p of people) if (await records.remove(p)) removed++;
    return removed;
  };
  const remove = async (p: Participant) => {
    if (
      !(await askConfirm({
        title: TEXT.removeOneTitle,
        message: TEXT.removeOne(p.name),
        confirmLabel: TEXT.removeConfirm(1),
      }))
    )
      return;
    try {
      await records.remove(p);
    } catch (err) {
      fail(err);
    }
  };
  const removeSelected = async () => {
    const people = participants.filter((p) => selected.has(p.id));
    if (!people.length) return;
    if (
      !(await askConfirm({
        title: TEXT.removeManyTitle,
        message: TEXT.removeMany(people.map((p) => p.name)),
        confirmLabel: TEXT.removeConfirm(people.length),
      }))
    )
      return;
    setBusy(true);
    try {
      const n = await removeAll(people);
      setSelected(new Set());
      onNotice({ kind: 'info', text: TEXT.removed(n) });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  /** The new person is saved once named; leaving the name empty adds no one. */
  const commitNew = (name: string) => {
    if (!addingNow.current) return;
    addingNow.current = false;
    setAdding(false);
    if (name.trim()) void save({ id: newParticipantId(), ...blank, name: name.trim() });
  };

  const showPreview = (text: string, source: string) => {
    try {
      const table = readTable(text);
      if (!table.cells.length) {
        onNotice({ kind: 'error', text: TEXT.nothingFound });
        return;
      }
      setPreview({ table, source });
    } catch (err) {
      fail(err);
    }
  };
  const chooseFile = async (file: File) => {
    try {
      showPreview(decodeTableFile(new Uint8Array(await file.arrayBuffer()), file.name), `“${file.name}”`);
    } catch (err) {
      fail(err);
    }
  };
  const importRows = async (rows: ParticipantFields[]) => {
    setBusy(true);
    const added: string[] = [];
    try {
      let list = participants;
      for (const r of rows) {
        const id = newParticipantId();
        list = await api.saveParticipant({ handle, participant: { id, ...r } });
        added.push(id);
      }
      onChanged(list);
      setPreview(null);
      setImporting(false);
      setPasted('');
      onNotice({ kind: 'info', text: TEXT.imported(added.length) });
    } catch (err) {
      fail(err);
    } finally {
      // What was added, even if a save failed midway, can be taken back in one step.
      setLastImport(added.length ? added : null);
      setBusy(false);
    }
  };
  const undoImport = async () => {
    if (!lastImport) return;
    setBusy(true);
    try {
      const n = await removeAll(participants.filter((p) => lastImport.includes(p.id)));
      setLastImport(null);
      onNotice({ kind: 'info', text: TEXT.importUndone(n) });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const shown = participants.filter((p) => !filter || foldedIncludes(Object.values(p).join(' '), filter));
  const { byEntry, asked } = useEntryWarnings();
  const table = useRef<HTMLTableElement>(null);
  // "Show the entry" of the warnings list: the row in view, the field holding the words focused (the filter cleared first if it hides the row).
  useEffect(() => {
    if (!asked) return;
    const id = asked.participantId;
    if (filter && !shown.some((p) => p.id === id)) {
      setFilter('');
      return;
    }
    requestDone();
    const row = [...(table.current?.querySelectorAll<HTMLTableRowElement>('tr[data-participant-id]') ?? [])].find(
      (r) => r.dataset.participantId === id,
    );
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    const fields = [...row.querySelectorAll<HTMLInputElement>('input:not([type="checkbox"])')];
    const word = asked.suggestion?.find;
    const holding = word ? fields.find((f) => findQuote(f.value, word) >= 0) : undefined;
    const field = holding ?? fields[PARTICIPANT_FIELDS.findIndex(([k]) => k === 'name')];
    field?.focus();
    if (holding && word) {
      const at = findQuote(holding.value, word);
      holding.setSelectionRange(at, at + word.length);
    }
  }, [asked, filter, shown]);
  const allShownSelected = shown.length > 0 && shown.every((p) => selected.has(p.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectedCount = participants.filter((p) => selected.has(p.id)).length;

  return (
    <section className="participants-panel" aria-label={TEXT.registry}>
      <header className="participants-head">
        <h2>
          {TEXT.heading} <small className="muted">({participants.length})</small>
        </h2>
        <input
          className="participants-filter"
          placeholder={TEXT.filter}
          aria-label={TEXT.filterLabel}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {selectedCount > 0 && (
          <button type="button" disabled={busy} onClick={() => void removeSelected()}>
            {TEXT.removeSelected(selectedCount)}
          </button>
        )}
        <button type="button" onClick={() => setAdding(true)}>
          {TEXT.add}
        </button>
        <button
          type="button"
          aria-pressed={importing}
          onClick={() => {
            setImporting(!importing);
            setPreview(null);
          }}
        >
          {TEXT.import}
        </button>
      </header>
      {records.conflict && (
        <ConflictBanner
          title={records.conflict.name}
          unsaved={TEXT.unsavedChange}
          onKeepMine={records.keepMine}
          onUseTheirs={records.useTheirs}
        />
      )}
      {lastImport && (
        <p className="participants-undo" role="status">
          {TEXT.imported(lastImport.length)}{' '}
          <button type="button" className="link" disabled={busy} onClick={() => void undoImport()}>
            {TEXT.undoImport}
          </button>
        </p>
      )}
      {importing && !preview && (
        <div className="participants-import">
          <p className="muted small">{TEXT.importHelp}</p>
          <textarea rows={6} aria-label={TEXT.pasteLabel} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <div className="row">
            <label className="small">
              {TEXT.fileLabel}{' '}
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/plain"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void chooseFile(f);
                }}
              />
            </label>
            <button
              type="button"
              className="primary"
              disabled={!pasted.trim()}
              onClick={() => showPreview(pasted, TEXT.pastedTable)}
            >
              {TEXT.preview}
            </button>
          </div>
        </div>
      )}
      {preview && (
        <ImportPreview
          table={preview.table}
          source={preview.source}
          registry={participants}
          onCancel={() => setPreview(null)}
          onImport={(rows) => void importRows(rows)}
        />
      )}
      <table className="participants-table" ref={table}>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={TEXT.selectAll}
                checked={allShownSelected}
                disabled={!shown.length}
                onChange={(e) =>
                  setSelected(e.target.checked ? new Set([...selected, ...shown.map((p) => p.id)]) : new Set())
                }
              />
            </th>
            {PARTICIPANT_FIELDS.map(([k]) => (
              <th key={k} scope="col">
                {TEXT.fieldLabel(k)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {adding && (
            <tr className="participants-new">
              <td />
              <td />
              <td colSpan={PARTICIPANT_FIELDS.length - 1}>
                <input
                  ref={newName}
                  aria-label={TEXT.newName}
                  placeholder={TEXT.newNamePlaceholder}
                  defaultValue=""
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      commitNew(e.currentTarget.value);
                    }
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      addingNow.current = false;
                      setAdding(false);
                    }
                  }}
                  onBlur={(e) => commitNew(e.target.value)}
                />
              </td>
              <td />
            </tr>
          )}
          {shown.map((p) => (
            <tr
              key={p.id}
              data-participant-id={p.id}
              className={
                [selected.has(p.id) && 'selected', byEntry.has(p.id) && 'has-warning'].filter(Boolean).join(' ') ||
                undefined
              }
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={TEXT.select(p.name)}
                  checked={selected.has(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                {byEntry.get(p.id)?.map((w) => (
                  <button
                    key={w.id}
                    type="button"
                    className="warning-marker entry-warning-marker"
                    aria-label={t('editor:warningMarker.label', { message: warningMessage(w).slice(0, 160) })}
                    title={warningMessage(w).slice(0, 300)}
                    onClick={() => openWarningEntry(w.id)}
                  >
                    !
                  </button>
                ))}
              </td>
              {PARTICIPANT_FIELDS.map(([k]) => (
                <td key={k}>
                  <input
                    aria-label={TEXT.cellLabel(TEXT.fieldLabel(k), p.name)}
                    defaultValue={p[k]}
                    key={`${p.id}-${k}-${p[k]}`}
                    onBlur={(e) => {
                      const v = e.target.value.trim();
                      if (v !== p[k] && (k !== 'name' || v)) void save({ ...p, [k]: v });
                    }}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={TEXT.removeLabel(p.name)}
                  onClick={() => void remove(p)}
                >
                  {TEXT.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!participants.length && !adding && <p className="muted">{TEXT.empty}</p>}
    </section>
  );
}

/**
 * The open import warnings about registry entries, by entry (their rows are marked), and the
 * one the warnings list asked to show, if it is about an entry.
 */
function useEntryWarnings(): { byEntry: Map<string, ImportWarning[]>; asked: ImportWarning | undefined } {
  const { warnings, request } = useWarningMarkers();
  const byEntry = useMemo(() => {
    const map = new Map<string, ImportWarning[]>();
    for (const w of warnings)
      if (w.status === 'open' && placeOf(w) === 'participant' && w.participantId)
        map.set(w.participantId, [...(map.get(w.participantId) ?? []), w]);
    return map;
  }, [warnings]);
  const asked = request ? [...byEntry.values()].flat().find((w) => w.id === request.id) : undefined;
  return { byEntry, asked };
}
