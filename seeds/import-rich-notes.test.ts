import { describe, expect, it } from 'vitest';
import { docProblem } from '../shared/elements/doc-schema';
import { walkDoc } from '../shared/elements/walk';
import type { RawNode } from '../shared/elements/spec';
import { noteFromMarkup } from '../shared/import/inline';
import { seedImport } from './testing/seed-imports';

describe('imported notes keep their italics and links', () => {
  it('reads a note’s markup into runs and links, its plain text beside them', () => {
    const n = noteFromMarkup(
      'UN High Commissioner for Refugees, *Refugee   Protection*, available at: <http://www.unhcr.org/refworld/x.html>.',
    );
    expect(n.text).toBe(
      'UN High Commissioner for Refugees, Refugee Protection, available at: http://www.unhcr.org/refworld/x.html.',
    );
    expect(n.children).toEqual([
      expect.objectContaining({ type: 'text', text: 'UN High Commissioner for Refugees, ', format: 0 }),
      expect.objectContaining({ type: 'text', text: 'Refugee Protection', format: 2 }),
      expect.objectContaining({ type: 'text', text: ', available at: ' }),
      expect.objectContaining({
        type: 'link',
        url: 'http://www.unhcr.org/refworld/x.html',
        children: [expect.objectContaining({ text: 'http://www.unhcr.org/refworld/x.html' })],
      }),
      expect.objectContaining({ type: 'text', text: '.' }),
    ]);
    // A note with nothing more than words stays plain text, as before.
    expect(noteFromMarkup('Just  words.')).toEqual({ type: 'footnote', version: 1, text: 'Just words.' });
  });

  it('seed 004: the notes’ addresses become links in the notes, and every part passes the document schema', async () => {
    const r = await seedImport('004');
    const notes: RawNode[] = [];
    for (const part of r.parts) {
      expect(docProblem(part.doc)).toBeNull();
      walkDoc(part.doc.root as RawNode, {
        enter(n) {
          if (n.type === 'footnote') notes.push(n);
        },
      });
    }
    const linked = notes.filter((n) => (n.children as RawNode[] | undefined)?.some((k) => k.type === 'link'));
    const urls = linked.flatMap((n) => (n.children as RawNode[]).filter((k) => k.type === 'link').map((k) => k.url));
    expect(urls).toEqual(
      expect.arrayContaining([
        'http://www.acnur.org/t3/el-acnur/eventos/conferencia-regional-2009',
        'http://www.iom.or.cr',
        'http://www.unhcr.org/pages/4a16aac66.html',
      ]),
    );
    // Every note whose source text holds an address has it as a link.
    const withAddress = notes.filter((n) => /https?:\/\//.test(String(n.text)));
    expect(withAddress.length).toBeGreaterThanOrEqual(5);
    expect(linked.length).toBe(withAddress.length);
    // The italic title of note 2 stays italic.
    const note2 = notes.find(
      (n) =>
        String(n.text).includes('10-Point Plan of Action*') ||
        String(n.text).startsWith('UN High Commissioner for Refugees'),
    )!;
    expect((note2.children as RawNode[]).find((k) => k.format === 2)?.text).toBe(
      'Refugee Protection and Mixed Migration: A 10-Point Plan of Action',
    );
  });
});
