/** The whole conference at once: what a snapshot stores, an export reads and an import or a restore writes. */
import type { CataloguedNote } from '../../../../shared/i18n/export-notes';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { AgendaItem, ConferenceMeta, Participant } from '../../../../shared/model/conference';
import { storeMessages } from '../store-messages';
import { clearAgenda, listAgenda, writeAgendaItem } from './agenda';
import { getMeta, writeMeta } from './meta';
import { clearParts, type FullPart, getPart, type ImageForm, insertParts, listParts, partRevisions } from './parts';
import type { NoteProblem } from './problems';
import { clearParticipants, listParticipants, writeParticipant } from './registry';

/** Everything in a conference: what a snapshot stores and an import writes. */
export interface ConferenceContent {
  meta: ConferenceMeta;
  parts: FullPart[];
  participants: Participant[];
  agenda: AgendaItem[];
}

/** Everything that can be read; a damaged part is left out (named in `problems` and in `leftOut`). */
export function readContent(
  db: Database.Database,
  note: NoteProblem,
  images: ImageForm = 'data-urls',
): { content: ConferenceContent; leftOut: CataloguedNote[] } {
  const parts: FullPart[] = [];
  const leftOut: CataloguedNote[] = [];
  for (const p of listParts(db, note)) {
    try {
      parts.push(getPart(db, p.id, note, images));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CORRUPT')) throw err;
      leftOut.push(storeMessages.leftOut(p.title));
    }
  }
  return {
    content: {
      meta: getMeta(db, note).meta,
      parts,
      participants: listParticipants(db, note),
      agenda: listAgenda(db, note),
    },
    leftOut,
  };
}

/**
 * Replaces everything, inside the caller's transaction. Every record written gets a
 * revision past any a window may hold, so a save based on what was there is refused.
 */
export function writeContent(db: Database.Database, content: ConferenceContent, note: NoteProblem): void {
  const revisions = partRevisions(db);
  const participantRevisions = new Map(listParticipants(db, note).map((p) => [p.id, p.revision ?? 0]));
  const agendaRevisions = new Map(listAgenda(db, note).map((a) => [a.id, a.revision ?? 0]));
  clearParts(db);
  clearParticipants(db);
  clearAgenda(db);
  writeMeta(db, content.meta);
  // In one pass (adding one by one is quadratic).
  insertParts(db, content.parts, revisions);
  content.participants.forEach((p) =>
    writeParticipant(db, p, Math.max(participantRevisions.get(p.id) ?? 0, p.revision ?? 0) + 1),
  );
  content.agenda.forEach((a) => writeAgendaItem(db, a, Math.max(agendaRevisions.get(a.id) ?? 0, a.revision ?? 0) + 1));
}
