/** Run-in label paragraph: "Recommendations: …", "Objective: …". The label is drawn in bold by CSS. */
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
import { labelState } from './state';

export class RunInNode extends ElementNode {
  override $config() {
    return this.config('run-in', { extends: ElementNode, stateConfigs: [{ stateConfig: labelState, flat: true }] });
  }
  getLabel(): string {
    return $getState(this, labelState);
  }
  setLabel(value: string): this {
    return $setState(this, labelState, value);
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('p');
    dom.className = 'ed-run-in';
    dom.dataset.label = this.getLabel();
    return dom;
  }
  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    dom.dataset.label = this.getLabel();
    return false;
  }
  override exportJSON() {
    return { ...super.exportJSON(), label: this.getLabel() };
  }
  override insertNewAfter(_s: RangeSelection, restoreSelection = true): ParagraphNode {
    const p = $createParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }
}

export const $createRunInNode = (label = ''): RunInNode => $applyNodeReplacement(new RunInNode()).setLabel(label);
export const $isRunInNode = (n: LexicalNode | null | undefined): n is RunInNode => n instanceof RunInNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedRunInNode = import('../../../../shared/model/doc-nodes').RunInJSON;
