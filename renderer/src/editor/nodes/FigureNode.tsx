/** Figure: an image embedded in the conference file (data: URL), its caption and source line. */
import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, DecoratorNode, type LexicalNode } from 'lexical';
import { FigureBlock } from '../ui/FigureBlock';
import { altState, captionState, sourceState, srcState } from './state';

export interface FigureFields { src: string; caption: string; source: string; alt: string }

export class FigureNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('figure', {
      extends: DecoratorNode,
      stateConfigs: [srcState, captionState, sourceState, altState].map((stateConfig) => ({ stateConfig, flat: true })),
    });
  }
  getFields(): FigureFields {
    return { src: $getState(this, srcState), caption: $getState(this, captionState), source: $getState(this, sourceState), alt: $getState(this, altState) };
  }
  setFields(f: Partial<FigureFields>): this {
    let node: this = this;
    if (f.src !== undefined) node = $setState(node, srcState, f.src);
    if (f.caption !== undefined) node = $setState(node, captionState, f.caption);
    if (f.source !== undefined) node = $setState(node, sourceState, f.source);
    if (f.alt !== undefined) node = $setState(node, altState, f.alt);
    return node;
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'ed-figure';
    return dom;
  }
  override updateDOM(): boolean { return false; }
  override isInline(): boolean { return false; }
  override exportJSON() { return { ...super.exportJSON(), ...this.getFields() }; }
  override getTextContent(): string { return `${this.getFields().caption}\n`; }
  override decorate(): JSX.Element { return <FigureBlock nodeKey={this.getKey()} {...this.getFields()} />; }
}

export const $createFigureNode = (f: Partial<FigureFields> = {}): FigureNode =>
  $applyNodeReplacement(new FigureNode()).setFields({ src: '', caption: '', source: '', alt: '', ...f });
export const $isFigureNode = (n: LexicalNode | null | undefined): n is FigureNode => n instanceof FigureNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedFigureNode = import('../../../../shared/model/doc-nodes').FigureJSON;
