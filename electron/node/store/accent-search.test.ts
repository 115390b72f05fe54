/** Issue 14.4: conference search ignores accents and case, as the other matchers do (real SQLite FTS5). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LexicalDoc } from '../../../shared/model/conference';
import { ConferenceStore } from './conference-store';

const doc = (text: string): LexicalDoc =>
  ({
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          version: 1,
          children: [{ type: 'text', text, version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
        },
      ],
    },
  }) as unknown as LexicalDoc;

let dir: string;
let store: ConferenceStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-accent-search-'));
  store = ConferenceStore.create(path.join(dir, 'c.rapporteur'), { language: 'es' });
  store.addPart({
    id: 'p1',
    parentId: null,
    kind: 'chapter',
    title: 'Sesión inaugural',
    doc: doc('Intervino la Sra. María Pérez, de la Organización Internacional para las Migraciones.'),
  });
  store.addPart({
    id: 'p2',
    parentId: null,
    kind: 'chapter',
    title: 'Clausura',
    doc: doc('Juan Perezoso cerró la sesión. François Müller tomó nota.'),
  });
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (q: string) =>
  store
    .search(q)
    .map((r) => r.partId)
    .sort();

describe('conference search', () => {
  it('“Perez” finds “Pérez”, and the other way round; case does not matter', () => {
    expect(ids('Perez')).toEqual(['p1', 'p2']); // the last word is a prefix: Perezoso too
    expect(ids('Perez, de')).toEqual(['p1']);
    expect(ids('PÉREZ de')).toEqual(['p1']);
    expect(ids('maria perez')).toEqual(['p1']);
    expect(ids('sesion')).toEqual(['p1', 'p2']);
    expect(ids('francois muller')).toEqual(['p2']);
    expect(ids('Organizacion internacional')).toEqual(['p1']);
    expect(ids('Pedro')).toEqual([]);
  });
});
