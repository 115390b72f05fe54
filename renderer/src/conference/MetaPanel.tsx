import { useRef, useState } from 'react';
import {
  type ConferenceMeta,
  type ConferenceView,
  type MetaField,
  metaProblemErrors,
} from '../../../shared/model/conference';
import { CONFERENCE_LANGUAGES, languageLabel } from '../../../shared/model/language';
import { api, ApiError, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { ConflictBanner } from '../editor/ConflictBanner';
import { t as translate, uiLanguage, useT } from '../i18n';

type TextField = Exclude<
  keyof ConferenceMeta,
  'issuingBodies' | 'organisers' | 'distribution' | 'templateId' | 'language'
>;

const TEXT_FIELDS = [
  'title',
  'subtitle',
  'series',
  'seriesNumber',
  'symbol',
  'venue',
  'city',
  'country',
  'startDate',
  'endDate',
  'originalLanguage',
] as const satisfies readonly TextField[];

/** Each listed language by its name in the interface's language and in itself: "Spanish (Chile) — español (Chile)". */
const languageOptions = (ui: string) =>
  CONFERENCE_LANGUAGES.map((tag) => {
    const inUi = languageLabel(tag, ui);
    const own = languageLabel(tag, tag);
    return { tag, label: inUi === own ? inUi : `${inUi} — ${own}` };
  });

interface Props {
  view: ConferenceView;
  onSaved(meta: ConferenceMeta, revision: number): void;
  onNotice(n: NoticeState): void;
  /** After a conflict was settled: the rest of the view may have changed elsewhere too. */
  onConflict(): void;
}

/**
 * The conference's metadata; each field is saved when it loses focus, based on the revision
 * this window saw. If the details were changed elsewhere meanwhile, nothing is saved until
 * the user keeps theirs or the other version; the one not kept goes into a snapshot.
 */
export function MetaPanel({ view, onSaved, onNotice, onConflict }: Props) {
  const { t } = useT();
  const [draft, setDraft] = useState<ConferenceMeta>(view.meta);
  // Changes not saved because of a conflict, gathered until the user chooses.
  const [unsaved, setUnsaved] = useState<Partial<ConferenceMeta> | null>(null);
  const unsavedRef = useRef<Partial<ConferenceMeta> | null>(null);
  const hold = (patch: Partial<ConferenceMeta> | null) => {
    unsavedRef.current = patch;
    setUnsaved(patch);
  };
  // A field whose value would be refused shows why beside it, and is not sent until put right.
  const [problems, setProblems] = useState<Partial<Record<MetaField, string>>>({});

  /** Saves a typed field unless it has a problem; a date is judged against the other one as typed. */
  const commitText = (key: TextField) => {
    // Each problem from the errors catalogue, in the interface's language.
    const found = Object.fromEntries(
      Object.entries(metaProblemErrors({ [key]: draft[key] }, draft)).map(([field, err]) => [field, errorMessage(err)]),
    );
    const isDate = key === 'startDate' || key === 'endDate';
    // A date put right may clear the other date's order problem too.
    setProblems((p) => {
      const next = { ...p };
      delete next[key as MetaField];
      if (isDate) {
        delete next.startDate;
        delete next.endDate;
      }
      return { ...next, ...found };
    });
    if (Object.keys(found).length) return;
    const patch: Partial<ConferenceMeta> = { [key]: draft[key] };
    // The other date, held back while the two were out of order, goes with it.
    const other = key === 'startDate' ? 'endDate' : key === 'endDate' ? 'startDate' : null;
    if (other && draft[other] !== view.meta[other]) patch[other] = draft[other];
    if (Object.entries(patch).some(([k, v]) => v !== view.meta[k as TextField])) void save(patch);
  };

  const save = async (patch: Partial<ConferenceMeta>) => {
    if (unsavedRef.current) {
      hold({ ...unsavedRef.current, ...patch });
      return;
    }
    try {
      const { metaRevision } = await api.updateMeta({ handle: view.handle, patch, baseRevision: view.metaRevision });
      onSaved({ ...view.meta, ...patch }, metaRevision);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') hold({ ...(unsavedRef.current ?? {}), ...patch });
      else onNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const keepMine = async () => {
    const mine = unsavedRef.current ?? {};
    await api.createSnapshot({ handle: view.handle, name: translate('conference:meta.snapshotTheirs') });
    const fresh = await api.getConference({ handle: view.handle });
    const { metaRevision } = await api.updateMeta({
      handle: view.handle,
      patch: mine,
      baseRevision: fresh.metaRevision,
    });
    onSaved({ ...fresh.meta, ...mine }, metaRevision);
    setDraft({ ...fresh.meta, ...mine });
    hold(null);
    onConflict();
  };

  const useTheirs = async () => {
    const mine = unsavedRef.current ?? {};
    const fresh = await api.getConference({ handle: view.handle });
    // Mine is written and kept in a snapshot first; then theirs is put back.
    const withMine = await api.updateMeta({ handle: view.handle, patch: mine, baseRevision: fresh.metaRevision });
    await api.createSnapshot({ handle: view.handle, name: translate('conference:meta.snapshotMine') });
    const theirs = Object.fromEntries(
      Object.keys(mine).map((k) => [k, fresh.meta[k as keyof ConferenceMeta]]),
    ) as Partial<ConferenceMeta>;
    const { metaRevision } = await api.updateMeta({
      handle: view.handle,
      patch: theirs,
      baseRevision: withMine.metaRevision,
    });
    onSaved(fresh.meta, metaRevision);
    setDraft(fresh.meta);
    hold(null);
    onConflict();
  };

  const listField = (key: 'issuingBodies' | 'organisers', label: string) => (
    <label className="meta-field wide">
      {label} <small>{t('conference:meta.onePerLine')}</small>
      <textarea
        rows={3}
        value={draft[key].join('\n')}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value.split('\n') })}
        onBlur={() => void save({ [key]: draft[key].map((s) => s.trim()).filter(Boolean) })}
      />
    </label>
  );

  return (
    <form className="meta-panel" onSubmit={(e) => e.preventDefault()} aria-label={t('conference:meta.heading')}>
      <h2>{t('conference:meta.heading')}</h2>
      {unsaved && (
        <ConflictBanner
          title={t('conference:meta.heading')}
          unsaved={t('conference:meta.unsaved')}
          onKeepMine={keepMine}
          onUseTheirs={useTheirs}
        />
      )}
      <div className="meta-grid">
        {TEXT_FIELDS.map((key) => ({ key, label: t(`conference:meta.field.${key}`) })).map(({ key, label }) => (
          // The message sits beside the field, outside its label, so the field's name stays its label.
          <div key={key} className={key === 'title' || key === 'subtitle' ? 'meta-field wide' : 'meta-field'}>
            <label htmlFor={`meta-${key}`}>{label}</label>
            <input
              id={`meta-${key}`}
              type={key.endsWith('Date') ? 'date' : 'text'}
              value={draft[key]}
              required={key === 'title'}
              aria-invalid={problems[key as MetaField] ? true : undefined}
              aria-describedby={problems[key as MetaField] ? `meta-problem-${key}` : undefined}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              onBlur={() => commitText(key)}
            />
            {problems[key as MetaField] && (
              <span id={`meta-problem-${key}`} className="field-problem" role="alert">
                {problems[key as MetaField]}
              </span>
            )}
          </div>
        ))}
        <label className="meta-field">
          {t('conference:meta.language')}
          <select
            value={draft.language}
            onChange={(e) => {
              const language = e.target.value;
              setDraft({ ...draft, language });
              void save({ language });
            }}
          >
            {languageOptions(uiLanguage()).map(({ tag, label }) => (
              <option key={tag} value={tag}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="meta-field">
          {t('conference:meta.distribution')}
          <select
            value={draft.distribution}
            onChange={(e) => {
              const distribution = e.target.value as ConferenceMeta['distribution'];
              setDraft({ ...draft, distribution });
              void save({ distribution });
            }}
          >
            <option value="">—</option>
            <option value="General">{t('conference:meta.distributionGeneral')}</option>
            <option value="Limited">{t('conference:meta.distributionLimited')}</option>
            <option value="Restricted">{t('conference:meta.distributionRestricted')}</option>
          </select>
        </label>
        {listField('issuingBodies', t('conference:meta.issuingBodies'))}
        {listField('organisers', t('conference:meta.organisers'))}
      </div>
      <p className="muted">{t('conference:meta.fileInfo', { template: view.meta.templateId, path: view.path })}</p>
    </form>
  );
}
