/** Presentation summary: "(a) Speaker, Paper title", followed by the body paragraphs. */
import type { LexicalNode } from 'lexical';
import { AttributedBlockNode, $withNodeReplacement } from './AttributedBlockNode';
import { namesState, speakerIdsState } from './state';

export class PresentationNode extends AttributedBlockNode {
  protected override blockClass(): string {
    return 'ed-presentation';
  }
  override $config() {
    return this.config('presentation', {
      extends: AttributedBlockNode,
      stateConfigs: [
        { stateConfig: speakerIdsState, flat: true },
        { stateConfig: namesState, flat: true },
      ],
    });
  }
}

export const $createPresentationNode = (ids: string[] = [], names: string[] = []): PresentationNode =>
  $withNodeReplacement(new PresentationNode()).setSpeakers(ids, names);
export const $isPresentationNode = (n: LexicalNode | null | undefined): n is PresentationNode =>
  n instanceof PresentationNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedPresentationNode = import('../../../../shared/model/doc-nodes').PresentationJSON;
