// @vitest-environment jsdom
/**
 * Every part the importer makes of the five seeds loads in the editor (the real Lexical
 * nodes of renderer/src/editor) and serializes back to the same JSON: the importer writes
 * exactly the shapes of shared/model/doc-nodes.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { importText, type ImportedPart } from '../shared/import';
import { editorNodes } from '../renderer/src/editor/nodes';
import { $loadDoc } from '../renderer/src/editor/setup';
import { seedImport } from './testing/seed-imports';

const SOURCE = path.join(path.dirname(new URL(import.meta.url).pathname), 'source');
const all = (parts: ImportedPart[]): ImportedPart[] => parts.flatMap((p) => [p, ...all(p.children)]);

function expectRoundTrip(parts: ImportedPart[], label: string): void {
  for (const part of all(parts)) {
    if (part.doc.root.children.length === 0) continue;
    const editor = createHeadlessEditor({
      namespace: 'import',
      nodes: editorNodes,
      onError: (e) => {
        throw e;
      },
    });
    editor.update(() => $loadDoc(editor, part.doc), { discrete: true });
    const back = JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as { root: { children: unknown[] } };
    expect(back.root.children, `${label} ${part.kind} “${part.title}”`).toEqual(part.doc.root.children);
  }
}

describe('imported seeds in the editor', () => {
  for (const file of fs.readdirSync(SOURCE).sort()) {
    it(`${file.slice(0, 3)}: every part loads and round-trips unchanged`, async () => {
      expectRoundTrip((await seedImport(file.slice(0, 3))).parts, file.slice(0, 3));
    });
  }

  it('markdown with a table, nested lists, links and footnotes round-trips too', () => {
    const md =
      '## Introduction\n\nHeld in Geneva.[^1] See [the site](http://example.org).\n\n- one\n  - one.a\n- two\n\n' +
      '## 1. Findings\n\n| Country | Delegates |\n|---|---|\n| Chile | 3 |\n\n1. First\n2. Second\n\n[^1]: Palais des Nations.\n';
    const r = importText(md, { fileName: 'x.md', format: 'markdown' });
    expect(r.parts.length).toBe(2);
    expectRoundTrip(r.parts, 'markdown');
  });
});
