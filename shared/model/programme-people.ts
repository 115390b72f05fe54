import type { AgendaItem, LexicalDoc, Participant } from './conference';

type Block = { type?: unknown; speakerIds?: unknown; names?: unknown; [k: string]: unknown };

const namesNoOne = (b: Block): boolean =>
  !(Array.isArray(b.speakerIds) && b.speakerIds.length) &&
  !(Array.isArray(b.names) && b.names.some((n) => String(n).trim()));

/**
 * A unit's document with the programme's people put into the lines that name no one: the
 * item's moderator into its moderator line, its speakers in order into the presentations
 * (the n-th presentation takes the n-th speaker). Lines that name someone are left alone.
 * Returns null when nothing changes.
 */
export function withProgrammePeople(
  doc: LexicalDoc,
  item: Pick<AgendaItem, 'moderatorId' | 'speakerIds'>,
  participants: Participant[],
): LexicalDoc | null {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const name = (id: string) => {
    const p = byId.get(id);
    return p ? [p.honorific, p.name].filter(Boolean).join(' ') : null;
  };
  let presentation = 0;
  let changed = false;
  const children = (doc.root.children as Block[]).map((b) => {
    const id =
      b.type === 'moderator'
        ? item.moderatorId
        : b.type === 'presentation'
          ? item.speakerIds[presentation++]
          : undefined;
    const who = id ? name(id) : null;
    if (!id || !who || !namesNoOne(b)) return b;
    changed = true;
    return { ...b, speakerIds: [id], names: [who] };
  });
  return changed ? { ...doc, root: { ...doc.root, children } } : null;
}
