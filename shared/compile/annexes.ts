/**
 * Generated annexes: the table of recommendations, the list of participants and the
 * programme. They are built from what the conference already holds (recommendation
 * items in the parts, the registry, the agenda), never typed twice.
 */
import type { AgendaItem, Participant } from '../model/conference';
import type { CollectedRecommendation } from './context';
import { documentTerms, type DocumentTerms } from '../i18n/document-terms';
import type { Block, Inline, ParaBlock, TableBlock, TableCell, TableRow } from './model';

const cell = (blocks: Block[], extra: Partial<TableCell> = {}): TableCell => ({
  blocks,
  colSpan: 1,
  rowSpan: 1,
  header: false,
  ...extra,
});
const para = (text: string | Inline[], style: ParaBlock['style'] = 'table-text'): ParaBlock => ({
  kind: 'para',
  style,
  content: typeof text === 'string' ? [{ kind: 'text', text }] : text,
});
const headerRow = (titles: string[]): TableRow => ({
  header: true,
  cells: titles.map((t) => cell([para([{ kind: 'text', text: t, bold: true }], 'table-heading')], { header: true })),
});

const ENGLISH = documentTerms('en');

/** Fills the table of recommendations: one row per recommendation item, in document order. */
export function fillRecommendationsTable(
  table: TableBlock,
  recs: CollectedRecommendation[],
  columns: string[],
  terms: DocumentTerms = ENGLISH,
): void {
  const titles = columns.length === 4 ? columns : terms.recommendationColumns;
  table.columns = 4;
  table.widths = [1.1, 2.6, 7, 2.6];
  table.rows = [headerRow(titles)];
  for (const r of recs) {
    table.rows.push({
      header: false,
      cells: [cell([para(r.number)]), cell([para(r.theme)]), cell([para(r.text)]), cell([para(r.addressee)])],
    });
  }
  if (!recs.length) {
    table.rows.push({ header: false, group: true, cells: [cell([para(terms.noRecommendations)], { colSpan: 4 })] });
  }
}

export const emptyRecommendationsTable = (): TableBlock => ({
  kind: 'table',
  role: 'recommendations',
  columns: 4,
  widths: [1, 1, 1, 1],
  rows: [],
});

/** Groups in order of first appearance. */
function groupBy<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k) ?? [];
    list.push(it);
    map.set(k, list);
  }
  return [...map];
}

/**
 * The list of participants as in seed 000's Annex 3: group (A. Member States …) >
 * country or organisation > role (Representative, Delegation members) > entries,
 * laid out as a three-column table per group.
 */
export function participantsBlocks(
  participants: Participant[],
  headingLevel: number,
  anchor: () => string,
  terms: DocumentTerms = ENGLISH,
): Block[] {
  if (!participants.length) return [para(terms.noParticipants, 'body')];
  const out: Block[] = [];
  let groups = groupBy(participants, (p) => p.group.trim());
  // Lettered groups ("A. Member States", "C. …") are listed in letter order, ungrouped people last.
  if (groups.every(([g]) => g === '' || /^[A-Z]{1,2}\.\s/.test(g))) {
    groups = [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }
  for (const [group, members] of groups) {
    if (group)
      out.push({
        kind: 'heading',
        level: headingLevel,
        label: '',
        text: [{ kind: 'text', text: group }],
        plain: group,
        anchor: anchor(),
        inToc: headingLevel <= 3,
      });
    const rows: TableRow[] = [headerRow([...terms.participantColumns])];
    for (const [country, byCountry] of groupBy(members, (p) => p.country.trim())) {
      if (country)
        rows.push({
          header: false,
          group: true,
          cells: [
            cell([para([{ kind: 'text', text: country.toUpperCase(), bold: true }], 'participants-country')], {
              colSpan: 3,
            }),
          ],
        });
      for (const [role, people] of groupBy(byCountry, (p) => p.role.trim())) {
        if (role)
          rows.push({
            header: false,
            group: true,
            cells: [
              cell([para([{ kind: 'text', text: `${role}:`, italic: true }], 'participants-role')], { colSpan: 3 }),
            ],
          });
        for (const p of people) {
          const name = [p.honorific, p.name].filter(Boolean).join(' ');
          rows.push({
            header: false,
            cells: [cell([para(name)]), cell([para(p.title)]), cell([para(p.organisation)])],
          });
        }
      }
    }
    out.push({ kind: 'table', role: 'participants', columns: 3, widths: [3, 4, 4], rows });
  }
  return out;
}

const timeRange = (a: AgendaItem): string => [a.start, a.end].filter(Boolean).join(' – ');

/** The programme from the agenda: day rows, then time | item. */
export function programmeBlocks(
  agenda: AgendaItem[],
  people: Map<string, Participant>,
  partAnchors: Map<string, string>,
  terms: DocumentTerms = ENGLISH,
): Block[] {
  if (!agenda.length) return [para('The programme has not been entered yet.', 'body')];
  const personLine = (id: string): string => {
    const p = people.get(id);
    return p ? [p.name, p.title, p.organisation].filter(Boolean).join(', ') : '';
  };
  const rows: TableRow[] = [headerRow([...terms.programmeColumns])];
  const sorted = [...agenda].sort((a, b) => a.position - b.position);
  for (const [day, items] of groupBy(sorted, (a) => a.day.trim())) {
    if (day)
      rows.push({
        header: false,
        group: true,
        cells: [cell([para([{ kind: 'text', text: day, bold: true }])], { colSpan: 2 })],
      });
    for (const a of items) {
      const anchor = a.partId ? partAnchors.get(a.partId) : undefined;
      const title: Inline[] = anchor
        ? [{ kind: 'link', url: `#${anchor}`, children: [{ kind: 'text', text: a.title, bold: true }] }]
        : [{ kind: 'text', text: a.title, bold: true }];
      const blocks: Block[] = [para(title)];
      const moderator = a.moderatorId ? personLine(a.moderatorId) : '';
      if (moderator)
        blocks.push(
          para([
            { kind: 'text', text: `${terms.moderator} `, italic: true },
            { kind: 'text', text: moderator },
          ]),
        );
      const speakers = a.speakerIds.map(personLine).filter(Boolean);
      if (speakers.length) {
        blocks.push(para([{ kind: 'text', text: speakers.length > 1 ? terms.speakers : terms.speaker, italic: true }]));
        speakers.forEach((s, i) => blocks.push(para(`(${String.fromCharCode(97 + (i % 26))}) ${s}`)));
      }
      rows.push({ header: false, cells: [cell([para(timeRange(a))]), cell(blocks)] });
    }
  }
  return [{ kind: 'table', role: 'programme', columns: 2, widths: [1.3, 5], rows }];
}
