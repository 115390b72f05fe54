/**
 * A programme written out as a table in the programme part's own text (an imported report's
 * programme, as printed, which the export prints instead of the generated one): the agenda
 * comes back from its rows. Day and part rows span the table; each other row is a time and
 * its item, whose bold lines are its title and whose "Moderator:", "Presentation by",
 * "Remarks by" and "Speakers:" lines name its people.
 */
import type { ImportContext } from '../result';
import { type Cell, type Para, plainText, type Table } from './body';

/** "8:30 - 9:30 a.m.", "11:00 a.m.", "4:00 — 4:15 hrs." (as the seed importer reads them). */
const TIME = /^(\d{1,2}:\d{2})\s?(a\.m\.|p\.m\.|hrs\.)?(?:\s?[-—–]{1,2}\s?(\d{1,2}:\d{2})\s?(a\.m\.|p\.m\.|hrs\.)?)?/;
const DAY =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche)\b/i;

const parasOf = (c: Cell | undefined): Para[] => (c?.blocks ?? []).filter((b): b is Para => b.t === 'p');
const text = (p: Para): string => plainText(p.pieces).replace(/\s+/g, ' ').trim();
const allBold = (p: Para): boolean => {
  const runs = p.pieces.filter((x) => x.kind === 'text' && x.text.trim() !== '');
  return runs.length > 0 && runs.every((x) => x.kind === 'text' && x.format.bold);
};

/** Whether a plain table reads as a programme: most rows are a time and an item. */
export function looksLikeProgramme(table: Table): boolean {
  const rows = table.rows.filter((r) => r.cells.length === 2);
  return (
    rows.length >= 2 && rows.filter((r) => TIME.test(parasOf(r.cells[0]).map(text).join(' '))).length >= rows.length / 2
  );
}

export function readProgrammeText(table: Table, ctx: ImportContext): void {
  let day = '';
  let section = '';
  for (const row of table.rows) {
    if (row.header) continue;
    if (row.cells.length === 1) {
      const t = parasOf(row.cells[0]).map(text).join(' ');
      if (DAY.test(t)) day = t;
      else section = t;
      continue;
    }
    const time = parasOf(row.cells[0]).map(text).join(' ');
    const m = TIME.exec(time);
    const start = m ? m[1]! + (m[2] ? ` ${m[2]}` : '') : '';
    const end = m?.[3] ? m[3] + (m[4] ? ` ${m[4]}` : '') : '';
    const lines = parasOf(row.cells[1]);
    const titles = lines.filter(allBold).map(text);
    let moderatorId: string | null = null;
    const speakerIds: string[] = [];
    const person = (name: string) => (name ? (ctx.people.find(name)?.id ?? null) : null);
    for (const p of lines) {
      const t = text(p);
      const first = (s: string) => s.split(',')[0]!.trim();
      if (t.startsWith('Moderator:')) moderatorId = person(first(t.slice('Moderator:'.length).trim())) ?? moderatorId;
      else if (t.startsWith('Presentation by') || t.startsWith('Remarks by')) {
        const id = person(first(t.replace(/^(?:Presentation|Remarks) by/, '').trim()));
        if (id && !speakerIds.includes(id)) speakerIds.push(id);
      } else if (t.startsWith('Speakers:')) {
        for (const s of t.slice('Speakers:'.length).split(';')) {
          const id = person(first(s));
          if (id && !speakerIds.includes(id)) speakerIds.push(id);
        }
      }
    }
    ctx.agendaItem({
      day,
      start,
      end,
      title: (titles.join('; ') || section).slice(0, 1000),
      partId: null,
      moderatorId,
      speakerIds,
    });
    section = '';
  }
}
