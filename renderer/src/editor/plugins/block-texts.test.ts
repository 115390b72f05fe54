// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../../shared/import/warning-places';
import { BlockTexts } from './block-texts';

/** A part as Lexical renders it: top-level blocks, text in [data-lexical-text] spans, a footnote decorator inside one. */
function part(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML =
    '<p><span data-lexical-text="true">The socia policy</span><span data-lexical-decorator="true"><span data-lexical-text="true">a note</span></span><span data-lexical-text="true"> was social.</span></p>' +
    '<p><span data-lexical-text="true">Second block.</span></p>';
  document.body.append(root);
  return root;
}

describe('BlockTexts', () => {
  it("reads each block's own text (not a decorator's) and finds whole words in it", () => {
    const texts = new BlockTexts(part());
    const [first, second] = texts.blocks();
    expect(texts.get(first!).whole).toBe('The socia policy was social.');
    expect(texts.get(second!).whole).toBe('Second block.');
    expect(texts.hits(first!, 'socia', findQuote)).toEqual([4]);
    expect(texts.hits(first!, 'a note', findQuote)).toEqual([]);
    texts.disconnect();
  });

  it('reads a block again once its DOM changed, and only that block', () => {
    const root = part();
    const texts = new BlockTexts(root);
    const [first, second] = texts.blocks();
    const secondRead = texts.get(second!);
    expect(texts.hits(first!, 'policy', findQuote)).toEqual([10]);
    // An edit as Lexical makes it: the text node's data, in the same task as the next paint.
    (first!.querySelector('[data-lexical-text]')!.firstChild as Text).data = 'A policy, the socia policy';
    texts.blocks();
    expect(texts.get(first!).whole).toBe('A policy, the socia policy was social.');
    expect(texts.hits(first!, 'policy', findQuote)).toEqual([2, 20]);
    expect(texts.get(second!)).toBe(secondRead);
    // A span added inside the second block, and a block added at the end.
    const span = document.createElement('span');
    span.setAttribute('data-lexical-text', 'true');
    span.textContent = ' More.';
    second!.append(span);
    const third = document.createElement('p');
    third.innerHTML = '<span data-lexical-text="true">Third.</span>';
    root.append(third);
    const blocks = texts.blocks();
    expect(blocks).toHaveLength(3);
    expect(texts.get(blocks[1]!).whole).toBe('Second block. More.');
    expect(texts.get(blocks[2]!).whole).toBe('Third.');
    texts.disconnect();
  });
});
