/**
 * The common ground of presentation, commentator and moderator blocks: a paragraph-like
 * block whose children are its inline content (paper title, remark, person line) and
 * whose speakers are registry ids plus their display names. The label in front of it
 * ("(a) Name, ", "Moderator: Name") is drawn by CSS from data attributes, so numbering
 * stays live without being stored.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getState,
  $setState,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';
import { t } from '../../i18n';
import { namesState, speakerIdsState } from './state';

export class AttributedBlockNode extends ElementNode {
  override $config() {
    return this.config(Symbol.for('rapporteur.AttributedBlockNode'), { extends: ElementNode });
  }

  getSpeakerIds(): string[] {
    return $getState(this, speakerIdsState);
  }
  getNames(): string[] {
    return $getState(this, namesState);
  }
  setSpeakers(ids: string[], names: string[]): this {
    return $setState($setState(this, speakerIdsState, ids), namesState, names);
  }

  /** CSS class of the block, which draws its label. */
  protected blockClass(): string {
    return 'ed-attributed';
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('p');
    dom.className = this.blockClass();
    this.paint(dom);
    void config;
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    this.paint(dom);
    return false;
  }

  private paint(dom: HTMLElement) {
    const names = this.getNames().join(', ');
    // A hint of the interface; the label in front ("Moderador:") is the document's (DocumentLabelsPlugin).
    dom.dataset.names = names || t('editor:speaker.personNotSet');
    dom.classList.toggle('is-unset', !names);
  }

  override exportJSON() {
    return { ...super.exportJSON(), speakerIds: this.getSpeakerIds(), names: this.getNames() };
  }

  /** Enter at the end of the block starts the body: a plain paragraph. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const p = $createParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }

  override collapseAtStart(): boolean {
    const p = $createParagraphNode();
    this.getChildren().forEach((c) => p.append(c));
    this.replace(p);
    return true;
  }
}

export const $withNodeReplacement = <T extends LexicalNode>(node: T): T => $applyNodeReplacement(node);

export const $isAttributed = (n: LexicalNode | null | undefined): n is AttributedBlockNode =>
  n instanceof AttributedBlockNode;
