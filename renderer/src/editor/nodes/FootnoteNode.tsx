/**
 * Inline footnote. The note lives in the node: its plain text, and its rich body (runs with
 * italics and bold, links) when it has one; its number is never stored: the marker is
 * numbered live (and at export time by the compiler).
 */
import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, DecoratorNode, type LexicalNode, type NodeKey } from 'lexical';
import type { RawNode } from '../../../../shared/elements/spec';
import { FootnoteMarker } from '../ui/FootnoteMarker';
import { noteBodyState, noteIdState, noteTextState } from './state';

export class FootnoteNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('footnote', {
      extends: DecoratorNode,
      stateConfigs: [
        { stateConfig: noteTextState, flat: true },
        { stateConfig: noteIdState, flat: true },
        { stateConfig: noteBodyState, flat: true },
      ],
      // Pasted notes arrive as <span data-footnote="…"> (editor/paste/clean-html.ts makes them).
      importDOM: {
        span: (el: HTMLElement) =>
          el.hasAttribute('data-footnote')
            ? {
                conversion: (dom: HTMLElement) => ({
                  node: $createFootnoteNode(dom.getAttribute('data-footnote') ?? ''),
                }),
                priority: 4 as const,
              }
            : null,
      },
    });
  }
  getText(): string {
    return $getState(this, noteTextState);
  }
  /** The rich body: runs and links as stored (empty when the note is plain text). */
  getBody(): readonly RawNode[] {
    return $getState(this, noteBodyState);
  }
  /** The name cross-references use ('' when none points here yet). */
  getNoteId(): string {
    return $getState(this, noteIdState);
  }
  setText(value: string): this {
    return $setState(this, noteTextState, value);
  }
  /** The note as written: its plain text and, when it says more, its runs. */
  setNote(text: string, body: RawNode[]): this {
    return $setState(this.setText(text), noteBodyState, body);
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('span');
    dom.className = 'ed-footnote';
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override exportJSON() {
    const body = this.getBody();
    return {
      ...super.exportJSON(),
      text: this.getText(),
      ...(this.getNoteId() ? { id: this.getNoteId() } : {}),
      ...(body.length ? { children: body } : {}),
    };
  }
  override exportDOM() {
    const el = document.createElement('span');
    el.dataset.footnote = this.getText();
    return { element: el };
  }
  override getTextContent(): string {
    return '';
  }
  override decorate(): JSX.Element {
    return <FootnoteMarker nodeKey={this.getKey() as NodeKey} text={this.getText()} body={this.getBody()} />;
  }
}

export const $createFootnoteNode = (text = ''): FootnoteNode => $applyNodeReplacement(new FootnoteNode()).setText(text);
export const $isFootnoteNode = (n: LexicalNode | null | undefined): n is FootnoteNode => n instanceof FootnoteNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedFootnoteNode = import('../../../../shared/model/doc-nodes').FootnoteJSON;
