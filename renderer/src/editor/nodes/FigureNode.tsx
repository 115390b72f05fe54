/** Figure: an image embedded in the conference file (data: URL), its caption and source line. */
import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, DecoratorNode, type LexicalNode } from 'lexical';
import { FigureBlock } from '../ui/FigureBlock';
import { altState, captionState, sourceState, srcState } from './state';

export interface FigureFields {
  src: string;
  caption: string;
  source: string;
  alt: string;
}

export class FigureNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('figure', {
      extends: DecoratorNode,
      stateConfigs: [srcState, captionState, sourceState, altState].map((stateConfig) => ({ stateConfig, flat: true })),
    });
  }
  getFields(): FigureFields {
    return {
      src: $getState(this, srcState),
      caption: $getState(this, captionState),
      source: $getState(this, sourceState),
      alt: $getState(this, altState),
    };
  }
  setFields(f: Partial<FigureFields>): this {
    const withSrc = f.src !== undefined ? $setState(this, srcState, f.src) : this;
    const withCaption = f.caption !== undefined ? $setState(withSrc, captionState, f.caption) : withSrc;
    const withSource = f.source !== undefined ? $setState(withCaption, sourceState, f.source) : withCaption;
    return f.alt !== undefined ? $setState(withSource, altState, f.alt) : withSource;
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'ed-figure';
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override isInline(): boolean {
    return false;
  }
  override exportJSON() {
    return { ...super.exportJSON(), ...this.getFields() };
  }
  override getTextContent(): string {
    return `${this.getFields().caption}\n`;
  }
  override decorate(): JSX.Element {
    return <FigureBlock nodeKey={this.getKey()} {...this.getFields()} />;
  }
}

export const $createFigureNode = (f: Partial<FigureFields> = {}): FigureNode =>
  $applyNodeReplacement(new FigureNode()).setFields({ src: '', caption: '', source: '', alt: '', ...f });
export const $isFigureNode = (n: LexicalNode | null | undefined): n is FigureNode => n instanceof FigureNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedFigureNode = import('../../../../shared/model/doc-nodes').FigureJSON;
