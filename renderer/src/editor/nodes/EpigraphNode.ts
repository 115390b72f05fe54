/** Epigraph or block quotation; the attribution line ("— Source") is drawn after it by CSS. */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getState,
  $setState,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';
import { attributionState } from './state';

export class EpigraphNode extends ElementNode {
  override $config() {
    return this.config('epigraph', {
      extends: ElementNode,
      stateConfigs: [{ stateConfig: attributionState, flat: true }],
    });
  }
  getAttribution(): string {
    return $getState(this, attributionState);
  }
  setAttribution(value: string): this {
    return $setState(this, attributionState, value);
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('blockquote');
    dom.className = 'ed-epigraph';
    dom.dataset.attribution = this.getAttribution();
    return dom;
  }
  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    dom.dataset.attribution = this.getAttribution();
    return false;
  }
  override exportJSON() {
    return { ...super.exportJSON(), attribution: this.getAttribution() };
  }
  override insertNewAfter(_s: RangeSelection, restoreSelection = true): ParagraphNode {
    const p = $createParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }
}

export const $createEpigraphNode = (attribution = ''): EpigraphNode =>
  $applyNodeReplacement(new EpigraphNode()).setAttribution(attribution);
export const $isEpigraphNode = (n: LexicalNode | null | undefined): n is EpigraphNode => n instanceof EpigraphNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedEpigraphNode = import('../../../../shared/model/doc-nodes').EpigraphJSON;
