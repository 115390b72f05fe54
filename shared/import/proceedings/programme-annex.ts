/** Annex 2 of seed 000, the programme: into the conference's agenda and, as printed, into the annex's text. */
import type { AgendaItem } from '../../model/conference';
import type { BodyLine } from '../ocr';
import type { Template } from '../../templates/schema';
import { namesIn, programmeSlots, programmeTable, programmeWords } from '../read-programme';
import { type ImportContext, setDoc } from '../result';

/** Annex 2 (anatomy §1.3): the slots rebuilt (read-programme.ts), into the agenda and, as printed, into the annex's text. */
export function readProgramme(lines: BodyLine[], ctx: ImportContext, template: Template | undefined): void {
  const words = programmeWords(template);
  const part = ctx.parts.find((p) => p.kind === 'programme');
  const unmatched: { name: string; line: number }[] = [];
  const slots = programmeSlots(lines, ctx, words);
  for (const slot of slots) {
    const titles = slot.lines.filter((l) => l.kind === 'title').map((l) => l.text);
    const item = ctx.agendaItem({
      day: slot.day,
      start: slot.start,
      end: slot.end,
      title: (titles.join('; ') || slot.section).slice(0, 1000),
      partId: null,
      moderatorId: null,
      speakerIds: [],
    });
    for (const line of slot.lines) {
      if (line.kind === 'commentators' || line.kind === 'topic' || line.kind === 'title') continue;
      for (const name of namesIn(line, words))
        linkPerson(item, name, line.kind === 'moderator', slot.n, ctx, unmatched);
    }
  }
  if (part) setDoc(part, [programmeTable(slots, words)]);
  if (unmatched.length) {
    ctx.warn(
      lines[0]?.n ?? null,
      'PROGRAMME_NAMES',
      {
        key: 'programmeNames',
        values: { names: unmatched }, // each worded by the catalogue's listItem.programmeNames
      },
      { partId: part?.id ?? null },
    );
  }
  ctx.warn(
    lines[0]?.n ?? null,
    'PROGRAMME_REBUILT',
    { key: 'programmeRebuilt', values: { count: slots.length } },
    // Its place: the first time as printed, at the top of the rebuilt table.
    { partId: part?.id ?? null, quote: slots[0]?.time },
  );
}

/** Links a person named in the programme to a slot, when the registry knows that name. */
function linkPerson(
  item: AgendaItem,
  name: string,
  isModerator: boolean,
  line: number,
  ctx: ImportContext,
  unmatched: { name: string; line: number }[],
): void {
  const p = ctx.people.find(name);
  if (!p) {
    unmatched.push({ name, line });
    return;
  }
  if (isModerator) item.moderatorId = p.id;
  else if (!item.speakerIds.includes(p.id)) item.speakerIds.push(p.id);
}
