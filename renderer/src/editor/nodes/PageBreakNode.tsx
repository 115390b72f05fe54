/** Forced page break before the next block (exporters honour it; the editor shows a rule). */
import type { JSX } from 'react';
import { $applyNodeReplacement, DecoratorNode, type LexicalNode } from 'lexical';
import { t } from '../../i18n';

export class PageBreakNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('page-break', { extends: DecoratorNode });
  }
  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'ed-page-break';
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override isInline(): boolean {
    return false;
  }
  override getTextContent(): string {
    return '\n';
  }
  override decorate(): JSX.Element {
    return <span className="ed-page-break-label">{t('editor:pageBreak')}</span>;
  }
}

export const $createPageBreakNode = (): PageBreakNode => $applyNodeReplacement(new PageBreakNode());
export const $isPageBreakNode = (n: LexicalNode | null | undefined): n is PageBreakNode => n instanceof PageBreakNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedPageBreakNode = import('../../../../shared/model/doc-nodes').PageBreakJSON;
