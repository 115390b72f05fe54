/**
 * Documents beyond the schema's bounds (shared/elements/doc-schema): a part nested
 * thousands of levels deep is refused by name on open and on import, and the rest of the
 * conference still opens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { LexicalDoc } from '../../../shared/model/conference';
import { contentOf } from '../importer/write-conference';
import { ConferenceStore } from './conference-store';
import { fileProblemText } from '../../../shared/i18n/file-problems';

type N = Record<string, unknown>;
const el = (type: string, children: N[], extra: N = {}): N => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});
const text = (t: string): N => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
function deepDoc(levels: number): LexicalDoc {
  let inner: N = el('listitem', [text('deepest')], { value: 1 });
  for (let i = 0; i < levels; i++)
    inner = el('listitem', [el('list', [inner], { listType: 'bullet', start: 1, tag: 'ul' })], { value: 1 });
  return {
    root: el('root', [el('list', [inner], { listType: 'bullet', start: 1, tag: 'ul' })]),
  } as unknown as LexicalDoc;
}
const fine = { root: el('root', [el('paragraph', [text('Fine words.')])]) } as unknown as LexicalDoc;

describe('parts beyond the document bounds', () => {
  it('keep a part holding an element of a kind this version does not know: the compile step prints its text and says so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bounds-'));
    const file = path.join(dir, 'newer.rapporteur');
    const store = ConferenceStore.create(file, { title: 'Newer' });
    const odd = {
      root: el('root', [
        el('paragraph', [text('Known words.')]),
        el('gadget-from-a-newer-version', [text('Its words.')]),
      ]),
    } as unknown as LexicalDoc;
    const part = store.addPart({ parentId: null, kind: 'introduction', title: 'Introduction', doc: odd });
    store.close();
    const again = ConferenceStore.open(file);
    try {
      expect(again.getPart(part.id).doc).toEqual(odd);
      expect(again.readContent().parts.map((p) => p.title)).toEqual(['Introduction']);
      expect(again.leftOutOfLastRead).toEqual([]);
      expect(again.problems).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('are named and left out on open; the rest of the conference opens and reads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bounds-'));
    const file = path.join(dir, 'deep.rapporteur');
    const store = ConferenceStore.create(file, { title: 'Deep' });
    const ok = store.addPart({ parentId: null, kind: 'introduction', title: 'Introduction', doc: fine });
    const deep = store.addPart({ parentId: null, kind: 'chapter', title: 'Nested 300 levels', doc: deepDoc(300) });
    store.close();

    const again = ConferenceStore.open(file);
    try {
      expect(again.problems).toEqual([
        {
          key: 'conference.partOutOfBounds',
          values: { title: 'Nested 300 levels', problem: expect.stringContaining('nested more than 48 levels deep') },
        },
      ]);
      expect(fileProblemText(again.problems[0]!, 'en')).toContain(
        'The part “Nested 300 levels” cannot be opened: The document is nested more than 48 levels deep',
      );
      expect(() => again.getPart(deep.id)).toThrow(AppError);
      expect(again.getPart(ok.id).doc).toEqual(fine);
      const content = again.readContent();
      expect(content.parts.map((p) => p.title)).toEqual(['Introduction']);
    } finally {
      again.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse an import, naming the part', () => {
    const part = (id: string, title: string, doc: LexicalDoc) => ({ id, kind: 'chapter', title, doc, children: [] });
    const result = {
      templateId: 'summary-report',
      templateSource: 'given' as const,
      meta: {},
      participants: [],
      agenda: [],
      warnings: [],
      parts: [part('p1', 'Fine', fine), part('p2', 'Bomb', deepDoc(3_000))],
    };
    expect(() => contentOf(result as never)).toThrow(
      /The part “Bomb” cannot be imported: The document is nested more than 48 levels deep/,
    );
    expect(contentOf({ ...result, parts: [result.parts[0]!] } as never).parts).toHaveLength(1);
  });
});
