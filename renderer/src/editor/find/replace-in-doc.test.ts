import { describe, expect, it } from 'vitest';
import { docToPlainText } from '../../../../shared/model/doc-text';
import type { LexicalDoc } from '../../../../shared/model/conference';
import { everyElement } from '../__tests__/every-element.fixture';
import { replaceInDoc } from './replace-in-doc';

describe('replace across the conference, one stored part at a time', () => {
  it('replaces in text and footnotes, keeps everything else, and does not touch the input', () => {
    const doc = everyElement as unknown as LexicalDoc;
    const before = JSON.stringify(doc);
    const { doc: out, count } = replaceInDoc(doc, 'the', 'THE', true);
    expect(count).toBe(docToPlainText(doc).match(/the/g)!.length);
    expect(docToPlainText(out)).not.toMatch(/the/);
    expect(JSON.stringify(doc)).toBe(before);
    expect(JSON.stringify(out).replace(/THE/g, 'the')).toBe(before);
  });
  it('is literal (no pattern syntax) and case-insensitive on request', () => {
    const { count } = replaceInDoc(everyElement as unknown as LexicalDoc, 'MIGRATION', 'x', false);
    expect(count).toBe(2);
    expect(replaceInDoc(everyElement as unknown as LexicalDoc, '.*', 'x', false).count).toBe(0);
  });
});
