import { useMemo, useState } from 'react';
import type { Participant } from '../../../shared/model/conference';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { type RecordKind, useRecordSaves } from '../conference/record-conflict';
import { askConfirm } from '../dialogs/dialog-store';
import { ConflictBanner } from '../editor/ConflictBanner';
import { newParticipantId } from '../editor/ui/SpeakerDialog';
import { readParticipantTable } from './parse-table';
import { foldedIncludes, foldKey } from '../../../shared/i18n/fold';
import './participants.css';

const FIELDS: [keyof Omit<Participant, 'id' | 'revision'>, string][] = [
  ['honorific', 'Hon.'], ['name', 'Name'], ['title', 'Title'], ['organisation', 'Organisation'],
  ['country', 'Country'], ['group', 'Group'], ['role', 'Role'],
];

interface Props { handle: string; participants: Participant[]; onChanged(list: Participant[]): void; onNotice(n: NoticeState): void }

/** The participants registry: speakers, moderators, delegates. Each cell is saved when it loses focus. */
export function ParticipantsPanel({ handle, participants, onChanged, onNotice }: Props) {
  const [importing, setImporting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [filter, setFilter] = useState('');

  const kind = useMemo<RecordKind<Participant>>(() => ({
    name: (p) => p.name,
    fetch: async () => (await api.getConference({ handle })).participants,
    save: (participant) => api.saveParticipant({ handle, participant }),
    remove: (participantId, baseRevision) => api.deleteParticipant({ handle, participantId, ...(baseRevision !== undefined ? { baseRevision } : {}) }),
  }), [handle]);
  const records = useRecordSaves(handle, participants, kind, onChanged);

  const save = async (p: Participant) => {
    try { await records.save(p); } catch (err) { onNotice({ kind: 'error', text: errorMessage(err) }); }
  };
  const remove = async (p: Participant) => {
    const ok = await askConfirm({ title: 'Remove participant', message: `Remove ${p.name} from the registry? Texts that cite this person keep the name.`, confirmLabel: 'Remove' });
    if (!ok) return;
    try { await records.remove(p); } catch (err) { onNotice({ kind: 'error', text: errorMessage(err) }); }
  };
  const add = () => void save({ id: newParticipantId(), honorific: '', name: 'New participant', title: '', organisation: '', country: '', group: '', role: '' });

  const importRows = async (text: string) => {
    const { rows, unknownColumns } = readParticipantTable(text);
    if (!rows.length) { onNotice({ kind: 'error', text: 'No participants found: put one person per line, with a name in the first column (or a “Name” header).' }); return; }
    // The same person whatever the accents or case ("Maria Perez" is "María Pérez").
    const key = (p: { name: string; organisation: string }) => `${foldKey(p.name)}|${foldKey(p.organisation)}`;
    const known = new Set(participants.map(key));
    let list = participants;
    let added = 0;
    for (const r of rows) {
      if (known.has(key(r))) continue;
      known.add(key(r));
      list = await api.saveParticipant({ handle, participant: { id: newParticipantId(), ...r } });
      added++;
    }
    onChanged(list);
    setImporting(false);
    setPasted('');
    const skipped = unknownColumns.length ? ` Columns not imported (no such field in the registry): ${unknownColumns.map((c) => `“${c}”`).join(', ')}.` : '';
    onNotice({ kind: 'info', text: `${added} participant${added === 1 ? '' : 's'} imported${rows.length > added ? `, ${rows.length - added} already in the registry` : ''}.${skipped}` });
  };

  const shown = participants.filter((p) => !filter || foldedIncludes(Object.values(p).join(' '), filter));

  return (
    <section className="participants-panel" aria-label="Participants registry">
      <header className="participants-head">
        <h2>Participants <small className="muted">({participants.length})</small></h2>
        <input className="participants-filter" placeholder="Filter" aria-label="Filter participants" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={add}>Add participant</button>
        <button type="button" aria-pressed={importing} onClick={() => setImporting(!importing)}>Import participants…</button>
      </header>
      {records.conflict && (
        <ConflictBanner title={records.conflict.name} unsaved="Your change to this participant is not saved yet."
          onKeepMine={records.keepMine} onUseTheirs={records.useTheirs} />
      )}
      {importing && (
        <div className="participants-import">
          <p className="muted small">Paste a table from a spreadsheet or Word, or CSV. Columns: name, title, organisation, country or group, role — or a first row naming them.</p>
          <textarea rows={6} aria-label="Participants to import" value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <div className="row">
            <label className="small">Or a CSV file <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void e.target.files?.[0]?.text().then(importRows)} /></label>
            <button type="button" className="primary" disabled={!pasted.trim()} onClick={() => void importRows(pasted)}>Import</button>
          </div>
        </div>
      )}
      <table className="participants-table">
        <thead><tr>{FIELDS.map(([, l]) => <th key={l}>{l}</th>)}<th /></tr></thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.id}>
              {FIELDS.map(([k, l]) => (
                <td key={k}>
                  <input aria-label={`${l} of ${p.name}`} defaultValue={p[k]} key={`${p.id}-${k}-${p[k]}`}
                    onBlur={(e) => { const v = e.target.value.trim(); if (v !== p[k] && (k !== 'name' || v)) void save({ ...p, [k]: v }); }} />
                </td>
              ))}
              <td><button type="button" className="link" aria-label={`Remove ${p.name}`} onClick={() => void remove(p)}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {!participants.length && <p className="muted">No one yet. Add participants one by one or import the list of participants.</p>}
    </section>
  );
}
