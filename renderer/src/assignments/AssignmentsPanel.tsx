import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AssignmentOverview, AssignmentRow } from '../../../shared/kits/assignments';
import type { Participant, PartSummary } from '../../../shared/model/conference';
import { foldKey } from '../../../shared/i18n/fold';
import { api, errorMessage } from '../api';
import type { NoticeState } from '../app/Notice';
import { formatDate, formatNumber, useT } from '../i18n';
import './assignments.css';

interface Props {
  handle: string;
  /** The conference's parts as the screen has them: when they change (a merge, another window), the overview is read again. */
  parts: PartSummary[];
  participants: Participant[];
  /** Parts were assigned: the outline's summaries (their Rapporteur) changed. */
  onAssigned(): void;
  onNotice(n: NoticeState): void;
}

/** The filter's value for the parts no one has yet (a name cannot hold this character). */
const NOBODY = '\u0000';

const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The editors' desk's overview of assignments: every part with its rapporteur, due time,
 * status, words, last change and whether the rapporteur's latest work has come back from a
 * kit. Parts ticked in the table are assigned together (from the registry or by name).
 */
export function AssignmentsPanel({ handle, parts, participants, onAssigned, onNotice }: Props) {
  const { t } = useT();
  const [overview, setOverview] = useState<AssignmentOverview | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState('');
  const [due, setDue] = useState('');
  const [subparts, setSubparts] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Whose parts the table shows: '' everyone's, NOBODY the parts no one has yet, else one rapporteur's.
  const [showing, setShowing] = useState('');

  const load = useCallback(async () => {
    try {
      setOverview(await api.assignmentOverview({ handle }));
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    }
  }, [handle, onNotice]);
  useEffect(() => {
    void load();
  }, [load, parts]);

  // A name typed as the registry spells it (accents and case aside) is that entry.
  const registry = useMemo(() => new Map(participants.map((p) => [foldKey(p.name), p])), [participants]);
  const names = useMemo(
    () =>
      [...new Set([...participants.map((p) => p.name.trim()), ...(overview?.rapporteurs ?? [])])]
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b)),
    [participants, overview],
  );

  const assign = async (unassign: boolean) => {
    if (ticked.size === 0) {
      setProblem(t('assignments:form.noneTicked'));
      return;
    }
    const typed = name.trim();
    if (!unassign && !typed) {
      setProblem(t('assignments:form.noName'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const person = unassign ? undefined : registry.get(foldKey(typed));
      const next = await api.assignParts({
        handle,
        partIds: [...ticked],
        rapporteur: unassign ? '' : (person?.name.trim() ?? typed),
        participantId: person?.id ?? null,
        dueAt: unassign ? '' : due,
        includeSubparts: subparts,
      });
      const count = next.rows.filter((r) => ticked.has(r.partId)).length;
      setOverview(next);
      setTicked(new Set());
      onAssigned();
      onNotice({
        kind: 'info',
        text: unassign
          ? t('assignments:form.unassigned', { count })
          : t('assignments:form.assigned', { count, name: person?.name.trim() ?? typed }),
      });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  if (!overview) return <p className="muted">{t('assignments:panel.loading')}</p>;
  const all = overview.rows;
  const assigned = all.filter((r) => r.rapporteur).length;
  const back = all.filter((r) => r.returned).length;
  const rows =
    showing === ''
      ? all
      : all.filter((r) => (showing === NOBODY ? !r.rapporteur : foldKey(r.rapporteur) === foldKey(showing)));
  const toggle = (id: string) =>
    setTicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const allTicked = rows.length > 0 && rows.every((r) => ticked.has(r.partId));

  return (
    <section className="assignments-panel" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('assignments:panel.title')}</h2>
      <p className="muted">{t('assignments:panel.intro')}</p>
      <p role="status">{t('assignments:panel.summary', { parts: all.length, assigned, back })}</p>
      <form
        className="assign-form"
        onSubmit={(e) => {
          e.preventDefault();
          void assign(false);
        }}
      >
        <fieldset disabled={busy}>
          <legend>{t('assignments:form.legend')}</legend>
          <label>
            {t('assignments:form.rapporteur')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              list="assignment-names"
              title={t('assignments:form.rapporteurHint')}
              autoComplete="off"
            />
          </label>
          <datalist id="assignment-names">
            {names.map((n) => (
              <option
                key={n}
                value={n}
                label={registry.has(foldKey(n)) ? t('assignments:form.fromRegistry') : undefined}
              />
            ))}
          </datalist>
          <label>
            {t('assignments:form.due')}
            <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={subparts} onChange={(e) => setSubparts(e.target.checked)} />{' '}
            {t('assignments:form.subparts')}
          </label>
          <button type="submit" className="primary">
            {t('assignments:form.assign', { count: ticked.size })}
          </button>
          <button type="button" onClick={() => void assign(true)}>
            {t('assignments:form.unassign')}
          </button>
        </fieldset>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
      </form>
      <label className="assignments-filter">
        {t('assignments:filter.label')}{' '}
        <select value={showing} onChange={(e) => setShowing(e.target.value)}>
          <option value="">{t('assignments:filter.everyone')}</option>
          <option value={NOBODY}>{t('assignments:filter.nobody')}</option>
          {overview.rapporteurs.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <div className="assignments-scroll">
        <table className="assignments-table">
          <caption>{t('assignments:table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('assignments:table.selectAll')}
                  checked={allTicked}
                  onChange={() => setTicked(allTicked ? new Set() : new Set([...ticked, ...rows.map((r) => r.partId)]))}
                />
              </th>
              <th scope="col">{t('assignments:table.part')}</th>
              <th scope="col">{t('assignments:table.rapporteur')}</th>
              <th scope="col">{t('assignments:table.due')}</th>
              <th scope="col">{t('assignments:table.status')}</th>
              <th scope="col" className="num">
                {t('assignments:table.words')}
              </th>
              <th scope="col">{t('assignments:table.lastChange')}</th>
              <th scope="col">{t('assignments:table.back')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.partId} row={r} ticked={ticked.has(r.partId)} onToggle={() => toggle(r.partId)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ row: r, ticked, onToggle }: { row: AssignmentRow; ticked: boolean; onToggle(): void }) {
  const { t } = useT();
  const overdue = r.dueAt !== '' && r.status !== 'final' && new Date(r.dueAt).getTime() < Date.now();
  const backText = r.returned
    ? t('assignments:table.returned', {
        at: when(r.returned.at),
        what: t(`assignments:decision.${r.returned.decision}`),
      })
    : r.kitSentAt
      ? t('assignments:table.out', { sent: when(r.kitSentAt) })
      : t('assignments:table.notSent');
  return (
    <tr className={ticked ? 'ticked' : undefined} data-part-id={r.partId}>
      <td>
        <input
          type="checkbox"
          checked={ticked}
          onChange={onToggle}
          aria-label={t('assignments:table.selectPart', { title: r.title })}
        />
      </td>
      <th scope="row" style={{ paddingInlineStart: `${0.5 + r.depth * 1.25}rem` }}>
        {r.title}
      </th>
      <td>{r.rapporteur || <span className="muted">{t('assignments:table.nobody')}</span>}</td>
      <td>
        {r.dueAt ? (
          <>
            {when(r.dueAt)}
            {overdue && <strong className="overdue"> {t('assignments:table.overdue')}</strong>}
          </>
        ) : (
          t('assignments:table.noDue')
        )}
      </td>
      <td>
        <span className={`status-chip status-${r.status}`}>{t(`assignments:status.${r.status}`)}</span>
      </td>
      <td className="num">{formatNumber(r.wordCount)}</td>
      <td>{when(r.updatedAt)}</td>
      <td className={r.returned ? `back back-${r.returned.decision}` : 'back'}>{backText}</td>
    </tr>
  );
}
