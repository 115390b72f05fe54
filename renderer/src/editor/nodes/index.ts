import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { MarkNode } from '@lexical/mark';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { CommentatorNode } from './CommentatorNode';
import { DelegationStatementNode } from './DelegationStatementNode';
import { EpigraphNode } from './EpigraphNode';
import { FigureNode } from './FigureNode';
import { FootnoteNode } from './FootnoteNode';
import { ModeratorNode } from './ModeratorNode';
import { NoteRefNode } from './NoteRefNode';
import { PageBreakNode } from './PageBreakNode';
import { PersonRefNode } from './PersonRefNode';
import { PresentationNode } from './PresentationNode';
import { RunInNode } from './RunInNode';

/** Every node a part document may contain (shared/model/doc-nodes.ts lists their JSON). */
export const editorNodes: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  PresentationNode,
  CommentatorNode,
  ModeratorNode,
  EpigraphNode,
  DelegationStatementNode,
  RunInNode,
  FootnoteNode,
  NoteRefNode,
  PersonRefNode,
  FigureNode,
  PageBreakNode,
  // Comment marks: the ranges of comment threads (renderer/src/comments).
  MarkNode,
];
