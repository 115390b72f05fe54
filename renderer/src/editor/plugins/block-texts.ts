/**
 * The text Lexical owns in each top-level block of the editor, read from the DOM and kept
 * until that block's DOM changes. The warning markers look for their passages in every
 * block after every update; reading all blocks again each time walked the whole part's DOM
 * on every keystroke (about 10 ms per key in a 300-paragraph part with warnings).
 */
export interface BlockText {
  texts: Text[];
  whole: string;
}

/** A block's text with the places of the quotes looked for in it, kept as long as the text. */
interface Read extends BlockText {
  hits: Map<string, number[]>;
}

/** The text Lexical owns in a block (not a footnote's or a figure's inner editor), as text nodes and as one string. */
export function textOf(block: HTMLElement): BlockText {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('[data-lexical-text]') && n.parentElement.closest('[data-lexical-decorator]') === null
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  return { texts, whole: texts.map((t) => t.data).join('') };
}

export class BlockTexts {
  private readonly read = new WeakMap<Element, Read>();
  private readonly observer: MutationObserver;

  constructor(private readonly root: HTMLElement) {
    // Records are taken both here (delivered after the task) and by blocks() (a paint in the same task as the edit).
    this.observer = new MutationObserver((records) => this.forget(records));
    this.observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-lexical-text', 'data-lexical-decorator'],
    });
  }

  /** The top-level blocks in document order; the texts of those changed since the last call are forgotten. */
  blocks(): HTMLElement[] {
    this.forget(this.observer.takeRecords());
    return [...this.root.children] as HTMLElement[];
  }

  /** A block's text, read again only if its DOM changed before the last call of blocks(). */
  get(block: HTMLElement): BlockText {
    let text = this.read.get(block);
    if (!text) {
      text = { ...textOf(block), hits: new Map() };
      this.read.set(block, text);
    }
    return text;
  }

  /** Where `quote` stands in the block's text, as `find` finds it from each place on: searched once per text. */
  hits(block: HTMLElement, quote: string, find: (text: string, quote: string) => number): readonly number[] {
    const text = this.get(block) as Read;
    let at = text.hits.get(quote);
    if (!at) {
      at = [];
      for (let from = 0; from <= text.whole.length; ) {
        const found = find(text.whole.slice(from), quote);
        if (found < 0) break;
        at.push(from + found);
        from += found + quote.length;
      }
      text.hits.set(quote, at);
    }
    return at;
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private forget(records: MutationRecord[]): void {
    for (const r of records) {
      // The top-level block holding the change (a block added or removed is a new key or never asked again).
      let node: Node | null = r.target;
      while (node && node.parentNode !== this.root) node = node.parentNode;
      if (node) this.read.delete(node as Element);
    }
  }
}
