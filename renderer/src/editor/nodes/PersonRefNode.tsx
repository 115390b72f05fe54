/** Inline reference to a participant of the registry; the display name is kept for readability. */
import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, DecoratorNode, type LexicalNode } from 'lexical';
import { participantIdState, personFormatState, personNameState } from './state';
import { t } from '../../i18n';

export class PersonRefNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('person-ref', {
      extends: DecoratorNode,
      stateConfigs: [
        { stateConfig: participantIdState, flat: true },
        { stateConfig: personNameState, flat: true },
        { stateConfig: personFormatState, flat: true },
      ],
    });
  }
  getParticipantId(): string {
    return $getState(this, participantIdState);
  }
  getName(): string {
    return $getState(this, personNameState);
  }
  /** Bold (1) and italic (2), as the name was written ("**Ms. Mariana Olivera West**"). */
  getFormat(): number {
    return $getState(this, personFormatState);
  }
  setPerson(id: string, name: string): this {
    return $setState($setState(this, participantIdState, id), personNameState, name);
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('span');
    dom.className = 'ed-person';
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override exportJSON() {
    return { ...super.exportJSON(), participantId: this.getParticipantId(), name: this.getName() };
  }
  override getTextContent(): string {
    return this.getName();
  }
  override decorate(): JSX.Element {
    const f = this.getFormat();
    const name = f & 2 ? <em>{this.getName()}</em> : this.getName();
    return <span title={t('editor:personRef.title')}>{f & 1 ? <strong>{name}</strong> : name}</span>;
  }
}

export const $createPersonRefNode = (id: string, name: string): PersonRefNode =>
  $applyNodeReplacement(new PersonRefNode()).setPerson(id, name);
export const $isPersonRefNode = (n: LexicalNode | null | undefined): n is PersonRefNode => n instanceof PersonRefNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedPersonRefNode = import('../../../../shared/model/doc-nodes').PersonRefJSON;
