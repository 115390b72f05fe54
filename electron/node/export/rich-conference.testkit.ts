/**
 * Writes the rich test conference (shared/compile/fixtures) into a real conference
 * file, with the shipped "conference-proceedings" template, through the store API.
 */
import { richConference } from '../../../shared/compile/fixtures';
import { ConferenceStore } from '../store/conference-store';

/** Fixture part kinds → the section ids of the conference-proceedings template. */
const KIND: Record<string, string> = {
  toc: 'toc',
  abstract: 'abstract',
  part: 'thematic-part',
  unit: 'unit',
  'annex-programme': 'programme',
  'annex-participants': 'participants',
};

export function writeRichConference(file: string, bulk = 1): void {
  const src = richConference(bulk);
  const store = ConferenceStore.create(file, { ...src.meta, templateId: 'conference-proceedings' });
  try {
    for (const p of src.parts) {
      const kind = KIND[p.kind];
      if (!kind) continue; // this template has no table of recommendations
      store.addPart({ id: p.id, parentId: p.parentId, kind, title: p.title, doc: p.doc });
    }
    src.participants.forEach((p) => store.saveParticipant(p));
    src.agenda.forEach((a) => store.saveAgendaItem(a));
  } finally {
    store.close();
  }
}
