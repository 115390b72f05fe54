import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $isListItemNode, $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { TableNode, TableRowNode, $isTableNode, $isTableCellNode, $isTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $getNodeByKey, $getRoot, $getState, type LexicalEditor, type NodeKey } from 'lexical';
import { formatLabel } from '../../../../shared/templates/numbering';
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
  // Headings inside an unnumbered section (Abstract, Introduction) carry no numbers either.
  const numbering = section?.numbered === false ? null : template?.numbering ?? null;

  useEffect(() => {
    const paint = (keys: Iterable<NodeKey>) => editor.getEditorState().read(() => {
      for (const key of keys) {
        const node = $getNodeByKey(key);
        const dom = editor.getElementByKey(key);
        if (!node || !dom) continue;
        if ($isListNode(node)) {
          setData(dom, 'format', $getState(node, numberFormatState));
          setData(dom, 'role', $getState(node, listRoleState));
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
    const onMutations = (m: Map<NodeKey, string>) => paint([...m].filter(([, kind]) => kind !== 'destroyed').map(([k]) => k));
    const numberHeadings = () => paintHeadingLabels(editor, numbering ?? [], depth);
    // Mutation listeners fire once at registration for the nodes already there.
    return mergeRegister(
      editor.registerMutationListener(ListNode, onMutations),
      editor.registerMutationListener(ListItemNode, onMutations),
      editor.registerMutationListener(TableNode, onMutations),
      // A row added, moved or removed: renumber its table.
      editor.registerMutationListener(TableRowNode, (m) => editor.getEditorState().read(() => {
        const tables = new Set<string>();
        for (const [key, kind] of m) {
          const row = kind === 'destroyed' ? null : $getNodeByKey(key);
          const table = row?.getParent();
          if (table) tables.add(table.getKey());
        }
        if ([...m.values()].includes('destroyed')) for (const t of $getRoot().getChildren()) if ($isTableNode(t)) tables.add(t.getKey());
        paint(tables);
      })),
      editor.registerMutationListener(HeadingNode, numberHeadings),
    );
  }, [editor, numbering, depth]);

  return null;
}

function setData(dom: Element, key: string, value: string | undefined) {
  const el = dom as HTMLElement;
  if (value) el.dataset[key] = value; else delete el.dataset[key];
}

/** h1 inside a part at depth d is numbered at outline level d+1, h2 at d+2, … */
function paintHeadingLabels(editor: LexicalEditor, numbering: Parameters<typeof formatLabel>[1][], depth: number) {
  editor.getEditorState().read(() => {
    const counters = [0, 0, 0, 0, 0, 0];
    for (const node of $getRoot().getChildren()) {
      if (!$isHeadingNode(node)) continue;
      const level = Number(node.getTag().slice(1)) - 1;
      counters[level]! += 1;
      for (let i = level + 1; i < counters.length; i++) counters[i] = 0;
      const fmt = numbering[depth + 1 + level];
      const dom = editor.getElementByKey(node.getKey());
      if (dom) setData(dom, 'label', fmt ? formatLabel(counters[level]!, fmt) || undefined : undefined);
    }
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
    if (first.hasHeaderState(TableCellHeaderStates.ROW)) { if (cellDom) delete cellDom.dataset.n; continue; }
    n++;
    if (cellDom) cellDom.dataset.n = `${n}.`;
  }
}
