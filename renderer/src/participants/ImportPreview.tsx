import { useMemo, useState } from 'react';
import type { Participant } from '../../../shared/model/conference';
import {
  detectMapping,
  PARTICIPANT_FIELDS,
  participantsOf,
  personKey,
  remap,
  unmappedColumns,
  type ColumnMapping,
  type ParticipantField,
  type ParticipantFields,
  type ParticipantTable,
} from './parse-table';
import { TEXT } from './participants-text';

/** Rows shown in the preview; the count of the rest is said below it. */
const SHOWN_ROWS = 200;

interface Props {
  table: ParticipantTable;
  /** Where the table came from ("pasted table", a file's name), for the heading. */
  source: string;
  registry: Participant[];
  onImport(rows: ParticipantFields[]): void;
  onCancel(): void;
}

/**
 * What an import will add, before anything is saved: each column with the field it fills
 * (detected from the header, changeable), the participants as they will be added, those
 * already in the registry, and the columns left out.
 */
export function ImportPreview({ table, source, registry, onImport, onCancel }: Props) {
  const [hasHeader, setHasHeader] = useState(table.hasHeader);
  const [mapping, setMapping] = useState<ColumnMapping>(() => detectMapping(table));
  const sample = (i: number) => (hasHeader ? table.cells.slice(1) : table.cells).find((r) => r[i])?.[i] ?? '';

  const { fresh, known } = useMemo(() => {
    const seen = new Set(registry.map(personKey));
    const out = { fresh: [] as ParticipantFields[], known: new Set<ParticipantFields>() };
    for (const p of participantsOf(table, mapping, hasHeader)) {
      if (seen.has(personKey(p))) out.known.add(p);
      else {
        seen.add(personKey(p));
        out.fresh.push(p);
      }
    }
    return out;
  }, [table, mapping, hasHeader, registry]);
  const rows = [...fresh, ...known].slice(0, SHOWN_ROWS);
  const leftOut = unmappedColumns(table, mapping, hasHeader);
  const columnName = (i: number) => (hasHeader && table.firstRow[i] ? table.firstRow[i]! : TEXT.column(i + 1));

  return (
    <section className="participants-import import-preview" aria-label={TEXT.previewTitle}>
      <h3>{TEXT.previewHeading(source)}</h3>
      <label className="small check">
        <input
          type="checkbox"
          checked={hasHeader}
          onChange={(e) => {
            setHasHeader(e.target.checked);
            setMapping(detectMapping(table, e.target.checked));
          }}
        />
        {TEXT.firstRowIsHeader}
      </label>
      <div className="import-mapping" role="group" aria-label={TEXT.mappingLabel}>
        {mapping.map((field, i) => (
          <label key={i} className="import-column">
            <span className="import-column-name">{columnName(i)}</span>
            <select
              aria-label={TEXT.mapColumn(columnName(i))}
              value={field ?? ''}
              onChange={(e) => setMapping(remap(mapping, i, (e.target.value || null) as ParticipantField | null))}
            >
              <option value="">{TEXT.notImported}</option>
              {PARTICIPANT_FIELDS.map(([f]) => (
                <option key={f} value={f}>
                  {TEXT.fieldLabel(f)}
                </option>
              ))}
            </select>
            <span className="muted small import-sample">{sample(i)}</span>
          </label>
        ))}
      </div>
      <p className="small" role="status">
        {TEXT.summary(fresh.length, known.size)}
        {leftOut.length > 0 && <> {TEXT.leftOut(leftOut)}</>}
        {!mapping.includes('name') && <strong> {TEXT.noNameColumn}</strong>}
      </p>
      <div className="import-table-wrap">
        <table className="participants-table import-table" aria-label={TEXT.rowsLabel}>
          <thead>
            <tr>
              {PARTICIPANT_FIELDS.map(([f]) => (
                <th key={f} scope="col">
                  {TEXT.fieldLabel(f)}
                </th>
              ))}
              <th scope="col">{TEXT.statusColumn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={i} className={known.has(p) ? 'import-known' : undefined}>
                {PARTICIPANT_FIELDS.map(([f]) => (
                  <td key={f}>{p[f]}</td>
                ))}
                <td>{known.has(p) ? TEXT.alreadyThere : TEXT.willBeAdded}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fresh.length + known.size > SHOWN_ROWS && (
        <p className="muted small">{TEXT.moreRows(fresh.length + known.size - SHOWN_ROWS)}</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {TEXT.cancel}
        </button>
        <button type="button" className="primary" disabled={!fresh.length} onClick={() => onImport(fresh)}>
          {TEXT.addButton(fresh.length)}
        </button>
      </div>
    </section>
  );
}
