/** A delegation's statement, quoted verbatim under "Statement by the delegation of …". */
import { $applyNodeReplacement, $getState, $setState, ElementNode, type LexicalNode } from 'lexical';
import { delegationState } from './state';

export class DelegationStatementNode extends ElementNode {
  override $config() {
    return this.config('delegation-statement', {
      extends: ElementNode,
      stateConfigs: [{ stateConfig: delegationState, flat: true }],
    });
  }
  getDelegation(): string {
    return $getState(this, delegationState);
  }
  setDelegation(value: string): this {
    return $setState(this, delegationState, value);
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('blockquote');
    dom.className = 'ed-delegation';
    dom.dataset.delegation = this.getDelegation() || 'delegation not set';
    return dom;
  }
  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    dom.dataset.delegation = this.getDelegation() || 'delegation not set';
    return false;
  }
  override exportJSON() {
    return { ...super.exportJSON(), delegation: this.getDelegation() };
  }
}

export const $createDelegationStatementNode = (delegation = ''): DelegationStatementNode =>
  $applyNodeReplacement(new DelegationStatementNode()).setDelegation(delegation);
export const $isDelegationStatementNode = (n: LexicalNode | null | undefined): n is DelegationStatementNode =>
  n instanceof DelegationStatementNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedDelegationStatementNode = import('../../../../shared/model/doc-nodes').DelegationStatementJSON;
