import { useState } from 'react';
import type { ConferenceMeta, ConferenceView } from '../../../shared/model/conference';
import { api, ApiError, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';

type TextField = Exclude<keyof ConferenceMeta, 'issuingBodies' | 'organisers' | 'distribution' | 'templateId'>;

const TEXT_FIELDS: [TextField, string][] = [
  ['title', 'Title'], ['subtitle', 'Subtitle'], ['series', 'Series'], ['seriesNumber', 'Number in series'],
  ['symbol', 'Document symbol'], ['venue', 'Venue'], ['city', 'City'], ['country', 'Country'],
  ['startDate', 'Start date'], ['endDate', 'End date'], ['language', 'Language'], ['originalLanguage', 'Original language'],
];

interface Props {
  view: ConferenceView;
  onSaved(meta: ConferenceMeta, revision: number): void;
  onNotice(n: NoticeState): void;
  onConflict(): void;
}

/** The conference's metadata; each field is saved when it loses focus. */
export function MetaPanel({ view, onSaved, onNotice, onConflict }: Props) {
  const [draft, setDraft] = useState<ConferenceMeta>(view.meta);

  const save = async (patch: Partial<ConferenceMeta>) => {
    try {
      const { metaRevision } = await api.updateMeta({ handle: view.handle, patch, baseRevision: view.metaRevision });
      onSaved({ ...view.meta, ...patch }, metaRevision);
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
      if (err instanceof ApiError && err.code === 'CONFLICT') onConflict();
    }
  };

  const listField = (key: 'issuingBodies' | 'organisers', label: string) => (
    <label className="meta-field wide">
      {label} <small>(one per line)</small>
      <textarea rows={3} value={draft[key].join('\n')}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value.split('\n') })}
        onBlur={() => void save({ [key]: draft[key].map((s) => s.trim()).filter(Boolean) })} />
    </label>
  );

  return (
    <form className="meta-panel" onSubmit={(e) => e.preventDefault()} aria-label="Conference details">
      <h2>Conference details</h2>
      <div className="meta-grid">
        {TEXT_FIELDS.map(([key, label]) => (
          <label key={key} className={key === 'title' || key === 'subtitle' ? 'meta-field wide' : 'meta-field'}>
            {label}
            <input type={key.endsWith('Date') ? 'date' : 'text'} value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              onBlur={() => { if (draft[key] !== view.meta[key]) void save({ [key]: draft[key] }); }} />
          </label>
        ))}
        <label className="meta-field">
          Distribution
          <select value={draft.distribution} onChange={(e) => {
            const distribution = e.target.value as ConferenceMeta['distribution'];
            setDraft({ ...draft, distribution });
            void save({ distribution });
          }}>
            <option value="">—</option><option>General</option><option>Limited</option><option>Restricted</option>
          </select>
        </label>
        {listField('issuingBodies', 'Issuing bodies')}
        {listField('organisers', 'Organisers')}
      </div>
      <p className="muted">Template: {view.meta.templateId} · File: {view.path}</p>
    </form>
  );
}
