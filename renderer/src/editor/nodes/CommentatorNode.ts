/** Commentator remarks: "Commentator: Name", then the remark. */
import type { LexicalNode } from 'lexical';
import { AttributedBlockNode, $withNodeReplacement } from './AttributedBlockNode';
import { namesState, speakerIdsState } from './state';

export class CommentatorNode extends AttributedBlockNode {
  protected override blockClass(): string {
    return 'ed-commentator';
  }
  override $config() {
    return this.config('commentator', {
      extends: AttributedBlockNode,
      stateConfigs: [
        { stateConfig: speakerIdsState, flat: true },
        { stateConfig: namesState, flat: true },
      ],
    });
  }
}

export const $createCommentatorNode = (ids: string[] = [], names: string[] = []): CommentatorNode =>
  $withNodeReplacement(new CommentatorNode()).setSpeakers(ids, names);
export const $isCommentatorNode = (n: LexicalNode | null | undefined): n is CommentatorNode =>
  n instanceof CommentatorNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedCommentatorNode = import('../../../../shared/model/doc-nodes').CommentatorJSON;
