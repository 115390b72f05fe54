/**
 * Issue 12: every import warning gets a place the interface shows. A small import made by
 * hand: a passage found in its part's text, a part's title, a registry entry (named, by its
 * group, by the word a repair would change), the registry as a whole and the conference details.
 */
import { describe, expect, it } from 'vitest';
import { paragraph, text } from './nodes';
import { ImportContext, type WarningDraft } from './result';
import { attachWarningsToParts, placeWarningsInText } from './warning-places';

function importOf() {
  const ctx = new ImportContext();
  const unit = ctx.part(null, 'unit', 'Gender and age considerations', 10, [
    paragraph([text('The panel examined the socia situation of migrant women.')]),
  ]);
  const list = ctx.part(null, 'participants', 'List of participants', 40);
  const ann = ctx.people.addListed({
    name: 'Ann Jordan',
    title: 'Director',
    organisation: 'Global Rights',
    country: 'UNITED STATES',
    group: 'H. Special Guests',
    role: '',
  }).id;
  const wendy = ctx.people.addListed({
    name: 'Wendy Ann Wattie',
    title: 'Acting Director',
    organisation: 'Ministry of Social Devel opment',
    country: 'TRINIDAD AND TOBAGO',
    group: 'A. Member States',
    role: '',
  }).id;
  const secretariat = ctx.people.addListed({
    name: 'Irene Klinger',
    title: 'Director',
    organisation: 'OAS',
    country: '',
    group: 'I. Secretariat',
    role: '',
  }).id;
  const warn = (w: Partial<WarningDraft> & { code: string; message: string }) =>
    ctx.warnings.push({ partId: null, line: null, suggestion: null, ...w });
  warn({
    code: 'OCR_REPAIR',
    message: '“socia” looks like “social”.',
    line: 12,
    suggestion: { find: 'socia', replace: 'social' },
  });
  warn({ code: 'OCR_LABEL', message: 'The unit label “Unit Il” reads “Unit II”.', partId: unit.id });
  warn({
    code: 'PARTICIPANT_LISTED_TWICE',
    message: 'Ann Jordan is listed a second time here.',
    partId: list.id,
    values: { name: 'Ms. Ann Jordan', group: 'H. Special Guests' },
  });
  warn({
    code: 'OCR_LABEL',
    message: 'The group heading “. Secretariat” has lost its letter.',
    partId: list.id,
    values: { heading: '. Secretariat', letter: 'I', title: 'Secretariat' },
  });
  warn({
    code: 'OCR_REPAIR',
    message: '“Devel opment” looks like “Development”.',
    partId: list.id,
    suggestion: { find: 'Devel opment', replace: 'Development' },
  });
  warn({ code: 'PARTICIPANT_UNREAD', message: 'A line of the list could not be read.', partId: list.id });
  warn({ code: 'FRONT_MATTER_ABSENT', message: 'Fill in the conference details.', line: 1, partId: unit.id });
  warn({ code: 'FILE_NOTE', message: 'Something about the file as a whole.' });
  // As the importer does: a part for each warning by its line, then a place.
  attachWarningsToParts(ctx);
  placeWarningsInText(ctx);
  const where = ctx.warnings.map((w) => [w.code, w.place, w.partId, w.participantId ?? null, w.quote ?? null]);
  return { where, unit: unit.id, list: list.id, ann, wendy, secretariat };
}

describe('placeWarningsInText: a place for every warning', () => {
  it('places passages in the text, titles, registry entries, the registry and the details', () => {
    const { where, unit, list, ann, wendy, secretariat } = importOf();
    expect(where).toEqual([
      // Attached to the part whose text holds the word.
      ['OCR_REPAIR', 'text', unit, null, 'socia'],
      ['OCR_LABEL', 'title', unit, null, null],
      // The entry named (the honorific aside), the group's first entry, the entry holding the word.
      ['PARTICIPANT_LISTED_TWICE', 'participant', list, ann, null],
      ['OCR_LABEL', 'participant', list, secretariat, null],
      ['OCR_REPAIR', 'participant', list, wendy, null],
      // No entry to name: the registry as a whole.
      ['PARTICIPANT_UNREAD', 'participant', list, null, null],
      // The details, not the first part.
      ['FRONT_MATTER_ABSENT', 'details', null, null, null],
      // Nothing to attach it to.
      ['FILE_NOTE', null, null, null, null],
    ]);
  });
});
