import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $isListItemNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, $isHeadingNode } from '@lexical/rich-text';
import {
  TableNode,
  TableRowNode,
  $isTableNode,
  $isTableCellNode,
  $isTableRowNode,
  TableCellHeaderStates,
} from '@lexical/table';
import { $getNodeByKey, $getRoot, $getState, type LexicalEditor, type NodeKey } from 'lexical';
import { listFormat, listRoleOf } from '../../../../shared/elements/list';
import { docHeadingLabels, sectionNumbersBody } from '../../../../shared/elements/outline';
import type { Template } from '../../../../shared/templates/schema';
import { addresseeState, listRoleState, numberFormatState, tableRoleState, themeState } from '../nodes/state';
import { useReport } from '../ReportContext';

/**
 * Our NodeState lives on Lexical's own list and table nodes, whose DOM we do not
 * write. This plugin mirrors that state onto data attributes (the CSS draws number
 * formats and roles from them) and writes heading labels from the template's numbering.
 */
export function DecorationsPlugin() {
  const [editor] = useLexicalComposerContext();
  const { template, depth, section } = useReport();
  // The compile step's rule: headings and paragraphs are numbered in body parts outside annexes.
  const numbered = !!(template && section && sectionNumbersBody(template, section.id));

  useEffect(() => {
    const paint = (keys: Iterable<NodeKey>) =>
      editor.getEditorState().read(() => {
        for (const key of keys) {
          const node = $getNodeByKey(key);
          const dom = editor.getElementByKey(key);
          if (!node || !dom) continue;
          if ($isListNode(node)) {
            // The format the export prints, stored or not (shared/elements/list).
            const role = listRoleOf($getState(node, listRoleState));
            const place = {
              explicit: $getState(node, numberFormatState),
              role,
              depth: listDepth(node),
              subparagraphs: false,
            };
            place.subparagraphs = numbered && !!template?.style.paragraphNumbering && node.getParent() === $getRoot();
            setData(dom, 'format', node.getListType() === 'number' ? listFormat(place, template) : undefined);
            setData(dom, 'role', role === 'plain' ? undefined : role);
          } else if ($isListItemNode(node)) {
            const info = [$getState(node, addresseeState), $getState(node, themeState)].filter(Boolean).join(' · ');
            setData(dom, 'meta', info || undefined);
          } else if ($isTableNode(node)) {
            const role = $getState(node, tableRoleState);
            setData(dom.querySelector('table') ?? dom, 'role', role);
            if (role === 'recommendations') numberRecommendationRows(editor, node);
          }
        }
      });
    const onMutations = (m: Map<NodeKey, string>) =>
      paint([...m].filter(([, kind]) => kind !== 'destroyed').map(([k]) => k));
    const numberHeadings = () => paintHeadingLabels(editor, template, depth, numbered);
    // Mutation listeners fire once at registration for the nodes already there.
    return mergeRegister(
      editor.registerMutationListener(ListNode, onMutations),
      editor.registerMutationListener(ListItemNode, onMutations),
      editor.registerMutationListener(TableNode, onMutations),
      // A row added, moved or removed: renumber its table.
      editor.registerMutationListener(TableRowNode, (m) =>
        editor.getEditorState().read(() => {
          const tables = new Set<string>();
          for (const [key, kind] of m) {
            const row = kind === 'destroyed' ? null : $getNodeByKey(key);
            const table = row?.getParent();
            if (table) tables.add(table.getKey());
          }
          if ([...m.values()].includes('destroyed'))
            for (const t of $getRoot().getChildren()) if ($isTableNode(t)) tables.add(t.getKey());
          paint(tables);
        }),
      ),
      editor.registerMutationListener(HeadingNode, numberHeadings),
    );
  }, [editor, template, numbered, depth]);

  return null;
}

function setData(dom: Element, key: string, value: string | undefined) {
  const el = dom as HTMLElement;
  if (value) el.dataset[key] = value;
  else delete el.dataset[key];
}

/** Nesting depth of a list (0 = outermost), as the compile step counts it. */
function listDepth(list: ListNode): number {
  let d = 0;
  for (let p = list.getParent(); p; p = p.getParent()) if ($isListNode(p)) d++;
  return d;
}

/** Heading labels by the compile step's rule: an h1 in a part at depth d is at outline level d+2. */
function paintHeadingLabels(editor: LexicalEditor, template: Template | null, depth: number, numbered: boolean) {
  editor.getEditorState().read(() => {
    const headings = $getRoot().getChildren().filter($isHeadingNode);
    const labels = template
      ? docHeadingLabels(
          headings.map((h) => Number(h.getTag().slice(1))),
          depth + 1,
          numbered,
          template,
        )
      : [];
    headings.forEach((node, i) => {
      const dom = editor.getElementByKey(node.getKey());
      if (dom) setData(dom, 'label', labels[i] || undefined);
    });
  });
}

/**
 * The No. column of a recommendations table: body rows numbered 1., 2., … in their current
 * order, so numbers follow rows as they are added, moved and deleted (never stored).
 */
function numberRecommendationRows(editor: LexicalEditor, table: TableNode) {
  let n = 0;
  for (const row of table.getChildren()) {
    if (!$isTableRowNode(row)) continue;
    const first = row.getFirstChild();
    if (!$isTableCellNode(first)) continue;
    const cellDom = editor.getElementByKey(first.getKey());
    if (first.hasHeaderState(TableCellHeaderStates.ROW)) {
      if (cellDom) delete cellDom.dataset.n;
      continue;
    }
    n++;
    if (cellDom) cellDom.dataset.n = `${n}.`;
  }
}
