/**
 * The list of participants and the programme, read back from the annex tables the
 * compile step generated (shared/compile/annexes.ts): a Word user's edits to those
 * tables are what the conference gets.
 */
import type { DocumentTerms } from '../../i18n/document-terms';
import type { Participant } from '../../model/conference';
import type { ImportContext } from '../result';
import { splitHonorific } from '../result';
import { type Block, type Cell, plainText, type Table } from './body';

const cellText = (c: Cell | undefined): string =>
  c
    ? c.blocks
        .map((b) => (b.t === 'p' ? plainText(b.pieces) : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';

/** A table of participants under its group heading ("A. Member States"): country rows, role rows, people. */
export function readParticipants(table: Table, group: string, ctx: ImportContext): void {
  let country = '';
  let role = '';
  for (const row of table.rows) {
    if (row.header) continue;
    if (row.cells.length === 1) {
      const first = row.cells[0]!.blocks[0];
      const text = cellText(row.cells[0]);
      if (first?.t === 'p' && first.role === 'participantsRole') role = text.replace(/:\s*$/, '');
      else {
        country = text;
        role = '';
      }
      continue;
    }
    const [who, title, organisation] = [cellText(row.cells[0]), cellText(row.cells[1]), cellText(row.cells[2])];
    if (!who) continue;
    const { honorific, name } = splitHonorific(who);
    ctx.people.add({ name, honorific, title, organisation, country, group, role });
  }
}

/** The line the programme prints for a person: name, title, organisation. */
const personLine = (p: Participant): string => [p.name, p.title, p.organisation].filter(Boolean).join(', ');

/** The programme: day rows, then a time and the item (title, moderator, speakers) per row. */
export function readProgramme(
  table: Table,
  ctx: ImportContext,
  terms: DocumentTerms,
  partOfAnchor: (anchor: string) => string | null,
): void {
  const byLine = new Map<string, string>();
  const people = ctx.people.list();
  for (const p of people) if (!byLine.has(personLine(p))) byLine.set(personLine(p), p.id);
  const personOf = (line: string): string | null => {
    const exact = byLine.get(line);
    if (exact) return exact;
    // An edited line: the person whose name it starts with (the longest such name).
    const named = people
      .filter((p) => line === p.name || line.startsWith(`${p.name}, `))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (named) return named.id;
    const name = line.split(',')[0]!.trim();
    return name ? ctx.people.add({ name }) : null;
  };
  let day = '';
  for (const row of table.rows) {
    if (row.header) continue;
    if (row.cells.length === 1) {
      day = cellText(row.cells[0]);
      continue;
    }
    const [time, item] = row.cells;
    // The export writes "start – end" (compile/annexes timeRange).
    const [start = '', end = ''] = cellText(time).split(' – ');
    const paras = (item?.blocks ?? []).filter((b): b is Extract<Block, { t: 'p' }> => b.t === 'p');
    const titlePara = paras[0];
    const title = titlePara ? plainText(titlePara.pieces).trim() : '';
    const link = titlePara?.pieces.find((p) => p.kind === 'link' && p.url.startsWith('#'));
    const partId = link?.kind === 'link' ? partOfAnchor(link.url.slice(1)) : null;
    let moderatorId: string | null = null;
    const speakerIds: string[] = [];
    for (const p of paras.slice(1)) {
      const text = plainText(p.pieces).trim();
      if (text.startsWith(terms.moderator)) {
        moderatorId = personOf(text.slice(terms.moderator.length).trim());
        continue;
      }
      if (text === terms.speakers || text === terms.speaker) continue;
      if (/^\([a-z]\) /.test(text)) {
        const id = personOf(text.slice(4).trim());
        if (id) speakerIds.push(id);
      }
    }
    if (!title && !start) continue;
    ctx.agendaItem({ day, start: start.trim(), end: end.trim(), title, partId, moderatorId, speakerIds });
  }
}
