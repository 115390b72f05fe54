/** Moderator or chair line: "Moderator: Name, Title, Organisation." */
import type { LexicalNode } from 'lexical';
import { AttributedBlockNode, $withNodeReplacement } from './AttributedBlockNode';
import { namesState, speakerIdsState } from './state';

export class ModeratorNode extends AttributedBlockNode {
  protected override blockClass(): string {
    return 'ed-moderator';
  }
  override $config() {
    return this.config('moderator', {
      extends: AttributedBlockNode,
      stateConfigs: [
        { stateConfig: speakerIdsState, flat: true },
        { stateConfig: namesState, flat: true },
      ],
    });
  }
}

export const $createModeratorNode = (ids: string[] = [], names: string[] = []): ModeratorNode =>
  $withNodeReplacement(new ModeratorNode()).setSpeakers(ids, names);
export const $isModeratorNode = (n: LexicalNode | null | undefined): n is ModeratorNode => n instanceof ModeratorNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedModeratorNode = import('../../../../shared/model/doc-nodes').ModeratorJSON;
