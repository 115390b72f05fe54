import { describe, expect, it } from 'vitest';
import { Document, FootnoteReferenceRun, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { markNote, noteBookmarkName, noteRefField } from './note-refs';
import { referencedNotes } from '../note-targets';
import type { Block } from '../../compile/model';

describe('note cross-references in the DOCX', () => {
  it('name a hidden bookmark from the note id only, and refuse anything but a whole number', () => {
    expect(noteBookmarkName(12)).toBe('_RefNote12');
    expect(() => noteBookmarkName(1.5)).toThrow(/whole number/);
    expect(() => noteBookmarkName(-1)).toThrow(/whole number/);
  });

  it('list only the notes some run refers to, in lists and tables too', () => {
    const blocks: Block[] = [
      {
        kind: 'para',
        style: 'body',
        content: [
          { kind: 'text', text: 'See ' },
          { kind: 'text', text: '3', refersToNote: 3 },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          { blocks: [{ kind: 'para', style: 'list-item', content: [{ kind: 'text', text: '9', refersToNote: 9 }] }] },
        ],
      } as unknown as Block,
    ];
    expect([...referencedNotes([{ blocks }])].sort()).toEqual([3, 9]);
    expect(
      referencedNotes([
        { blocks: [blocks[0]!].map((b) => ({ ...b, content: [{ kind: 'text', text: 'x' }] }) as Block) },
      ]).size,
    ).toBe(0);
  });

  it('write the NOTEREF field with its cached number, and the bookmark round a referenced note’s mark only', async () => {
    const mark = () => new FootnoteReferenceRun({ children: [new Paragraph('A note.')] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [markNote(4, mark(), new Set([4])), markNote(5, mark(), new Set([4])), noteRefField(4, '1')],
            }),
          ],
        },
      ],
    });
    const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)))['word/document.xml']!).match(
      /<w:body>.*<\/w:body>/s,
    )![0];
    expect(xml).toContain(
      '<w:fldSimple w:instr="NOTEREF _RefNote4 \\h"><w:r><w:t xml:space="preserve">1</w:t></w:r></w:fldSimple>',
    );
    expect(xml).toMatch(
      /<w:bookmarkStart w:name="_RefNote4" w:id="(\d+)"\/><w:r>(?:(?!<\/w:r>).)*<w:footnoteReference w:id="1"\/><\/w:r><w:bookmarkEnd w:id="\1"\/>/s,
    );
    expect(xml.match(/bookmarkStart/g)).toHaveLength(1);
  });
});
