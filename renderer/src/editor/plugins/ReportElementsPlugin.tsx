import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $createListItemNode, $createListNode, $isListNode, type ListNode } from '@lexical/list';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $getState,
  $insertNodes,
  $isRangeSelection,
  $setState,
  COMMAND_PRIORITY_EDITOR,
  type ElementNode,
} from 'lexical';
import { recommendationFormat } from '../../../../shared/elements/list';
import { attributionFor } from '../attribution';
import {
  CAPTURE_HIGHLIGHT_COMMAND,
  INSERT_ATTRIBUTED_COMMAND,
  INSERT_FOOTNOTE_COMMAND,
  INSERT_PERSON_COMMAND,
  INSERT_RECOMMENDATIONS_TABLE_COMMAND,
  INSERT_REPORT_LIST_COMMAND,
  INSERT_SIMPLE_BLOCK_COMMAND,
} from '../commands';
import { $insertBlock } from '../insert';
import { $createCommentatorNode } from '../nodes/CommentatorNode';
import { $createDelegationStatementNode } from '../nodes/DelegationStatementNode';
import { $createEpigraphNode } from '../nodes/EpigraphNode';
import { $createFigureNode } from '../nodes/FigureNode';
import { $isAttributed } from '../nodes/AttributedBlockNode';
import { $createFootnoteNode, $isFootnoteNode } from '../nodes/FootnoteNode';
import { $createModeratorNode } from '../nodes/ModeratorNode';
import { $createPageBreakNode } from '../nodes/PageBreakNode';
import { $createPersonRefNode } from '../nodes/PersonRefNode';
import { $createPresentationNode } from '../nodes/PresentationNode';
import { $createRunInNode } from '../nodes/RunInNode';
import { listRoleState, numberFormatState, tableRoleState } from '../nodes/state';
import { useReport } from '../ReportContext';
import { notesToOpen } from '../ui/FootnoteMarker';

/** Speakers of attributed blocks that already carry their note on the names. */
function $speakersNotedInDocument(): Set<string> {
  const out = new Set<string>();
  for (const node of $getRoot().getChildren()) {
    if (!$isAttributed(node)) continue;
    const first = node.getFirstChild();
    if ($isFootnoteNode(first)) node.getSpeakerIds().forEach((id) => out.add(id));
  }
  return out;
}

/** Handles the insert commands of every report element. */
export function ReportElementsPlugin() {
  const [editor] = useLexicalComposerContext();
  const { template } = useReport();
  const policy = template?.attribution ?? 'none';

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_FOOTNOTE_COMMAND,
          (payload) => {
            const note = $createFootnoteNode(payload?.text ?? '');
            if (payload?.open !== false) notesToOpen.add(note.getKey());
            $insertNodes([note]);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),

        editor.registerCommand(
          INSERT_ATTRIBUTED_COMMAND,
          ({ kind, speakers, title }) => {
            const { names } = attributionFor(speakers, policy);
            // An affiliation is noted once, at the first block naming the person (shared/elements/attribution).
            const noted = $speakersNotedInDocument();
            const { footnote } = attributionFor(
              speakers.filter((p) => !noted.has(p.id)),
              policy,
            );
            const ids = speakers.map((s) => s.id);
            const create =
              kind === 'presentation'
                ? $createPresentationNode
                : kind === 'commentator'
                  ? $createCommentatorNode
                  : $createModeratorNode;
            const block = $insertBlock(create(ids, names));
            // The speaker's note hangs on the name (as in the seeds); the paper title follows it.
            if (footnote) block.append($createFootnoteNode(footnote));
            if (title) block.append($createTextNode(title));
            block.selectEnd();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),

        editor.registerCommand(
          INSERT_SIMPLE_BLOCK_COMMAND,
          ({ kind, value }) => {
            switch (kind) {
              case 'epigraph':
                $insertBlock($createEpigraphNode(value ?? '')).selectEnd();
                break;
              case 'delegation-statement':
                $insertBlock($createDelegationStatementNode(value ?? '')).selectEnd();
                break;
              case 'run-in':
                $insertBlock($createRunInNode(value ?? 'Recommendations:')).selectEnd();
                break;
              case 'quote':
                $insertBlock($createQuoteNode()).selectEnd();
                break;
              case 'page-break':
                $insertBlock($createPageBreakNode()).selectNext();
                break;
              case 'figure':
                $insertBlock($createFigureNode()).selectNext();
                break;
            }
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),

        editor.registerCommand(
          INSERT_REPORT_LIST_COMMAND,
          ({ listType, role, numberFormat }) => {
            const list = $createListNode(listType, 1);
            if (role && role !== 'plain') $setState(list, listRoleState, role);
            // Recommendations are numbered as the template's genre numbers them (i., ii. in 004).
            const format = numberFormat ?? (role === 'recommendations' ? recommendationFormat(template) : undefined);
            if (format) $setState(list, numberFormatState, format);
            const item = $createListItemNode();
            list.append(item);
            $insertBlock(list);
            item.select(0, 0);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),

        editor.registerCommand(
          INSERT_RECOMMENDATIONS_TABLE_COMMAND,
          ({ columns }) => {
            const table = $setState($createTableNode(), tableRoleState, 'recommendations');
            const header = $createTableRowNode();
            for (const c of columns)
              header.append(
                $createTableCellNode(TableCellHeaderStates.ROW).append(
                  $createParagraphNode().append($createTextNode(c)),
                ),
              );
            const body = $createTableRowNode();
            for (let i = 0; i < columns.length; i++)
              body.append($createTableCellNode(TableCellHeaderStates.NO_STATUS).append($createParagraphNode()));
            table.append(header, body);
            $insertBlock(table);
            if (!table.getNextSibling()) table.insertAfter($createParagraphNode());
            // Start in the first cell after the number column.
            ((body.getChildAtIndex(columns.length > 1 ? 1 : 0) as ElementNode).getFirstChild() as ElementNode).select(
              0,
              0,
            );
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),

        editor.registerCommand(
          INSERT_PERSON_COMMAND,
          (p) => {
            $insertNodes([$createPersonRefNode(p.id, [p.honorific, p.name].filter(Boolean).join(' '))]);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),

        editor.registerCommand(
          CAPTURE_HIGHLIGHT_COMMAND,
          (text) => {
            const root = $getRoot();
            let list = root
              .getChildren()
              .filter((n): n is ListNode => $isListNode(n) && $getState(n, listRoleState) === 'highlights')
              .at(-1);
            if (!list) {
              list = $setState($createListNode('bullet', 1), listRoleState, 'highlights');
              root.append(list);
            }
            const last = list.getLastChild();
            const item = last && last.getTextContentSize() === 0 ? (last as ElementNode) : $createListItemNode();
            if (item !== last) list.append(item);
            item.append($createTextNode(text));
            // Capturing must not steal the rapporteur's place in the summary being typed.
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) item.selectEnd();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor, policy, template?.recommendationFormat],
  );

  return null;
}
