import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { docToPlainText } from '../../../shared/model/doc-text';
import { docFromEditedText, editableText } from '../../../shared/kits/conflict-compare';
import type { LexicalDoc } from '../../../shared/model/conference';
import { ConferenceStore } from '../store/conference-store';
import { docFromText } from '../store/testing/typing';
import { samplePath } from '../../../seeds/build-samples';
import { assignmentOverview, assignParts, kitConflict, mergeKits, prepareKit, resolveKitConflict } from './index';

const SEED_000 = samplePath('Hemispheric Conference on International Migration, Santiago 2002');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assign-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const deskCopy = () => {
  const f = path.join(dir, 'desk.rapporteur');
  fs.copyFileSync(SEED_000, f);
  return ConferenceStore.open(f);
};
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};
const edit = (s: ConferenceStore, id: string, doc: LexicalDoc) => s.savePartDoc(id, doc, s.getPart(id).revision);
/** Paragraphs, the second one bold: formatting the edited version must keep where its text is unchanged. */
const twoParagraphs = (first: string, second: string): LexicalDoc => {
  const doc = docFromText(first);
  const bold = structuredClone(docFromText(second).root.children[0]) as { children: { format: number }[] };
  bold.children[0]!.format = 1;
  doc.root.children.push(bold);
  return doc;
};
const leavesOf = (s: ConferenceStore) => s.listParts().filter((p, _i, all) => !all.some((c) => c.parentId === p.id));

describe('assignments', () => {
  test('from the registry and by name, with a due time and sub-parts; the overview lists every part in outline order', () => {
    const desk = deskCopy();
    const parts = desk.listParts();
    const chapter = parts.find((p) => parts.some((c) => c.parentId === p.id))!;
    const under = parts.filter((p) => p.parentId === chapter.id);
    const loose = leavesOf(desk).find((p) => p.parentId !== chapter.id)!;
    const person = desk.listParticipants()[0]!;

    let overview = assignParts(desk, {
      partIds: [chapter.id],
      rapporteur: '',
      participantId: person.id,
      dueAt: '2002-11-21T18:00',
      includeSubparts: true,
    });
    expect(overview.rows).toHaveLength(parts.length);
    for (const id of [chapter.id, ...under.map((p) => p.id)]) {
      expect(overview.rows.find((r) => r.partId === id)).toMatchObject({
        rapporteur: person.name.trim(),
        participantId: person.id,
        dueAt: '2002-11-21T18:00',
        kitSentAt: null,
        returned: null,
      });
    }
    overview = assignParts(desk, {
      partIds: [loose.id],
      rapporteur: '  Ben Okafor ',
      participantId: null,
      dueAt: '',
      includeSubparts: false,
    });
    expect(overview.rows.find((r) => r.partId === loose.id)).toMatchObject({
      rapporteur: 'Ben Okafor',
      participantId: null,
      dueAt: '',
    });
    expect(overview.rapporteurs).toEqual([person.name.trim(), 'Ben Okafor'].sort((a, b) => a.localeCompare(b)));
    // The name is the part's Rapporteur, which kits go by.
    expect(desk.getPart(loose.id).rapporteur).toBe('Ben Okafor');
    // A child comes after its parent, one level deeper.
    const rows = overview.rows;
    const at = (id: string) => rows.findIndex((r) => r.partId === id);
    expect(at(under[0]!.id)).toBeGreaterThan(at(chapter.id));
    expect(rows[at(under[0]!.id)]!.depth).toBe(rows[at(chapter.id)]!.depth + 1);
    // Unassigning clears the name and the due time.
    overview = assignParts(desk, {
      partIds: [loose.id],
      rapporteur: '',
      participantId: null,
      dueAt: '2002-11-22T09:00',
      includeSubparts: false,
    });
    expect(overview.rows.find((r) => r.partId === loose.id)).toMatchObject({ rapporteur: '', dueAt: '' });
    // Unknown parts and people are refused, and nothing changes.
    expect(
      codeOf(() =>
        assignParts(desk, {
          partIds: ['nope'],
          rapporteur: 'X',
          participantId: null,
          dueAt: '',
          includeSubparts: false,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(() =>
        assignParts(desk, {
          partIds: [loose.id],
          rapporteur: '',
          participantId: 'nobody',
          dueAt: '',
          includeSubparts: false,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(desk.getPart(loose.id).rapporteur).toBe('');
    desk.close();
  });

  test('the overview says when each part went out in a kit and whether the rapporteur’s work came back, part by part; a kit cannot assign', () => {
    const desk = deskCopy();
    const [a, b, c] = leavesOf(desk);
    assignParts(desk, {
      partIds: [a!.id, b!.id, c!.id],
      rapporteur: 'Ana Gómez',
      participantId: null,
      dueAt: '2002-11-21T18:00',
      includeSubparts: false,
    });
    const kitFile = path.join(dir, 'ana.rapporteur');
    const made = prepareKit(desk, { rapporteur: 'Ana Gómez', target: kitFile });
    let rows = assignmentOverview(desk).rows;
    for (const id of [a!.id, b!.id, c!.id])
      expect(rows.find((r) => r.partId === id)).toMatchObject({ kitSentAt: made.createdAt, returned: null });

    const ana = ConferenceStore.open(kitFile);
    expect(
      codeOf(() =>
        assignParts(ana, {
          partIds: [a!.id],
          rapporteur: 'Ana',
          participantId: null,
          dueAt: '',
          includeSubparts: false,
        }),
      ),
    ).toBe('INVALID_INPUT');
    edit(ana, a!.id, docFromText('Ana’s first session.'));
    edit(ana, b!.id, docFromText('Ana’s second session.'));
    ana.close();
    edit(desk, b!.id, docFromText('The desk’s second session.'));
    const report = mergeKits(desk, [kitFile]);
    const conflictId = report.kits[0]!.entries.find((e) => e.decision === 'conflict')!.conflictId!;

    rows = assignmentOverview(desk).rows;
    const back = (id: string) => rows.find((r) => r.partId === id)!.returned;
    expect(back(a!.id)).toMatchObject({ decision: 'taken' });
    expect(back(b!.id)).toMatchObject({ decision: 'conflict' });
    expect(back(c!.id)).toMatchObject({ decision: 'unchanged' });
    expect(Date.parse(back(a!.id)!.at)).toBeGreaterThanOrEqual(Date.parse(made.createdAt));
    expect(rows.find((r) => r.partId === a!.id)).toMatchObject({ wordCount: 3, status: a!.status });

    resolveKitConflict(desk, conflictId, 'kit');
    expect(assignmentOverview(desk).rows.find((r) => r.partId === b!.id)!.returned).toMatchObject({
      decision: 'resolved',
    });
    // A new due time for Ana keeps her kit's story; the part given to Ben starts his afresh.
    assignParts(desk, {
      partIds: [a!.id],
      rapporteur: 'ana gómez',
      participantId: null,
      dueAt: '2002-11-22T09:00',
      includeSubparts: false,
    });
    assignParts(desk, { partIds: [c!.id], rapporteur: 'Ben', participantId: null, dueAt: '', includeSubparts: false });
    rows = assignmentOverview(desk).rows;
    expect(rows.find((r) => r.partId === a!.id)).toMatchObject({
      dueAt: '2002-11-22T09:00',
      kitSentAt: made.createdAt,
      returned: { decision: 'taken' },
    });
    expect(rows.find((r) => r.partId === c!.id)).toMatchObject({ rapporteur: 'Ben', kitSentAt: null, returned: null });
    desk.close();
  });
});

describe('a conflict side by side', () => {
  function conflict() {
    const desk = deskCopy();
    const [p, q] = leavesOf(desk);
    assignParts(desk, {
      partIds: [p!.id, q!.id],
      rapporteur: 'Ana',
      participantId: null,
      dueAt: '',
      includeSubparts: false,
    });
    edit(desk, p!.id, twoParagraphs('The session opened late.', 'Delegates agreed on pathways.'));
    const kitFile = path.join(dir, 'ana.rapporteur');
    prepareKit(desk, { rapporteur: 'Ana', target: kitFile });
    const ana = ConferenceStore.open(kitFile);
    edit(ana, p!.id, twoParagraphs('The session opened at ten.', 'Delegates agreed on pathways.'));
    ana.close();
    edit(desk, p!.id, twoParagraphs('The session opened late, said the chair.', 'Delegates agreed on pathways.'));
    const report = mergeKits(desk, [kitFile]);
    return {
      desk,
      p: p!,
      q: q!,
      kitFile,
      conflictId: report.kits[0]!.entries.find((e) => e.decision === 'conflict')!.conflictId!,
    };
  }

  test('shows both versions block by block with the words only each side has', () => {
    const { desk, conflictId, p } = conflict();
    const c = kitConflict(desk, conflictId);
    expect(c).toMatchObject({
      partId: p.id,
      rapporteur: 'Ana',
      deskRevision: desk.getPart(p.id).revision,
      decided: null,
    });
    expect(c.desk.text).toContain('said the chair');
    expect(c.kit.text).toContain('opened at ten');
    expect(c.rows.map((r) => r.op)).toEqual(['changed', 'same']);
    const words = (segs: { op: string; text: string }[] | null, op: string) =>
      segs!
        .filter((s) => s.op === op)
        .map((s) => s.text)
        .join('|');
    expect(words(c.rows[0]!.desk, 'del')).toMatch(/late, said the chair/);
    expect(words(c.rows[0]!.desk, 'ins')).toBe('');
    expect(words(c.rows[0]!.kit, 'ins')).toMatch(/at ten/);
    expect(words(c.rows[0]!.kit, 'del')).toBe('');
    // Both sides, read back, are the two versions.
    expect(c.rows.map((r) => r.desk!.map((s) => s.text).join('')).join('\n')).toBe(c.desk.text);
    expect(c.rows.map((r) => r.kit!.map((s) => s.text).join('')).join('\n')).toBe(c.kit.text);
    desk.close();
  });

  test('an edited version is saved and logged; unchanged paragraphs keep their formatting; a later kit change meets it as a conflict', () => {
    const { desk, conflictId, p, q, kitFile } = conflict();
    const c = kitConflict(desk, conflictId);
    const deskDoc = desk.getPart(p.id).doc;
    const edited = editableText(deskDoc).replace(
      'The session opened late, said the chair.',
      'The session opened at ten, said the chair.',
    );
    const doc = docFromEditedText(edited, [deskDoc]);
    // A stale revision is refused, with nothing changed.
    expect(codeOf(() => resolveKitConflict(desk, conflictId, { keep: 'edited', doc }, c.deskRevision - 1))).toBe(
      'CONFLICT',
    );
    const entry = resolveKitConflict(desk, conflictId, { keep: 'edited', doc }, c.deskRevision);
    expect(entry).toMatchObject({ decision: 'resolved', message: expect.stringMatching(/^Decided: an edited text/) });
    const saved = desk.getPart(p.id).doc;
    expect(docToPlainText(saved)).toBe('The session opened at ten, said the chair.\nDelegates agreed on pathways.');
    expect((saved.root.children[1] as { children: { format: number }[] }).children[0]!.format).toBe(1);
    expect(kitConflict(desk, conflictId).decided).toMatch(/^Decided: an edited text/);
    const log = desk.readWith((db) => db.prepare("SELECT detail FROM merge_log WHERE decision = 'resolved'").all()) as {
      detail: string;
    }[];
    expect(log.map((r) => JSON.parse(r.detail).keep)).toEqual(['edited']);
    // Ana works on from her own text: her change to p meets the edit as a conflict; her new part q is taken.
    const ana = ConferenceStore.open(kitFile);
    edit(ana, p.id, docFromText('Ana rewrote it all.'));
    edit(ana, q.id, docFromText('Ana on q.'));
    ana.close();
    const next = mergeKits(desk, [kitFile]);
    expect(next.kits[0]!.entries.map((e) => [e.id, e.decision])).toEqual(
      expect.arrayContaining([
        [p.id, 'conflict'],
        [q.id, 'taken'],
      ]),
    );
    expect(docToPlainText(desk.getPart(p.id).doc)).toBe(
      'The session opened at ten, said the chair.\nDelegates agreed on pathways.',
    );
    desk.close();
  });
});
