/**
 * Inline footnote. The note's text lives in the node; its number is never stored:
 * the marker is numbered live by a CSS counter (and at export time by the compiler).
 */
import type { JSX } from 'react';
import {
  $applyNodeReplacement, $getState, $setState, DecoratorNode, type LexicalNode, type NodeKey,
} from 'lexical';
import { FootnoteMarker } from '../ui/FootnoteMarker';
import { noteIdState, noteTextState } from './state';

export class FootnoteNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('footnote', {
      extends: DecoratorNode,
      stateConfigs: [{ stateConfig: noteTextState, flat: true }, { stateConfig: noteIdState, flat: true }],
      // Pasted notes arrive as <span data-footnote="…"> (editor/paste/clean-html.ts makes them).
      importDOM: {
        span: (el: HTMLElement) => (el.hasAttribute('data-footnote')
          ? { conversion: (dom: HTMLElement) => ({ node: $createFootnoteNode(dom.getAttribute('data-footnote') ?? '') }), priority: 4 as const }
          : null),
      },
    });
  }
  getText(): string { return $getState(this, noteTextState); }
  /** The name cross-references use ('' when none points here yet). */
  getNoteId(): string { return $getState(this, noteIdState); }
  setText(value: string): this { return $setState(this, noteTextState, value); }

  override createDOM(): HTMLElement {
    const dom = document.createElement('span');
    dom.className = 'ed-footnote';
    return dom;
  }
  override updateDOM(): boolean { return false; }
  override exportJSON() { return { ...super.exportJSON(), text: this.getText(), ...(this.getNoteId() ? { id: this.getNoteId() } : {}) }; }
  override exportDOM() {
    const el = document.createElement('span');
    el.dataset.footnote = this.getText();
    return { element: el };
  }
  override getTextContent(): string { return ''; }
  override decorate(): JSX.Element { return <FootnoteMarker nodeKey={this.getKey() as NodeKey} text={this.getText()} />; }
}

export const $createFootnoteNode = (text = ''): FootnoteNode => $applyNodeReplacement(new FootnoteNode()).setText(text);
export const $isFootnoteNode = (n: LexicalNode | null | undefined): n is FootnoteNode => n instanceof FootnoteNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedFootnoteNode = import('../../../../shared/model/doc-nodes').FootnoteJSON;
