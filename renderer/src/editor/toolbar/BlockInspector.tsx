import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import { $createListNode, $isListItemNode, $isListNode, type ListItemNode, type ListNode } from '@lexical/list';
import {
  $deleteTableColumnAtSelection, $deleteTableRowAtSelection, $findTableNode, $getTableCellNodeFromLexicalNode,
  $getTableRowIndexFromTableCellNode, $insertTableColumnAtSelection, $insertTableRowAtSelection, $isTableCellNode,
  $isTableNode, $isTableRowNode, $isTableSelection, $mergeCells, $moveTableRow, $setTableRowIsHeader, $unmergeCell,
  TableCellHeaderStates, type TableCellNode,
} from '@lexical/table';
import { $getNodeByKey, $getSelection, $getState, $isRangeSelection, $setState, type LexicalNode, type NodeKey } from 'lexical';
import { listLabel, type NumberFormat } from '../../../../shared/elements/number-formats';
import type { ListRole } from '../../../../shared/model/doc-nodes';
import { attributionFor } from '../attribution';
import { $isAttributed, type AttributedBlockNode } from '../nodes/AttributedBlockNode';
import { $isDelegationStatementNode } from '../nodes/DelegationStatementNode';
import { $isEpigraphNode } from '../nodes/EpigraphNode';
import { $isRunInNode } from '../nodes/RunInNode';
import { addresseeState, explicitValueState, listRoleState, NUMBER_FORMATS, numberFormatState, tableRoleState, themeState } from '../nodes/state';
import { useReport } from '../ReportContext';
import { SpeakerDialog } from '../ui/SpeakerDialog';
import { ToolButton } from './ToolButton';

/** Each format shown by its first label, as the export prints it. */
const FORMAT_LABEL = (f: NumberFormat): string => listLabel(1, f);
const ROLE_LABEL: Record<ListRole, string> = { plain: 'Ordinary list', highlights: 'Highlights', recommendations: 'Recommendations', conclusions: 'Conclusions' };

interface Snapshot {
  attributed?: { key: NodeKey; type: string; names: string[] };
  text?: { key: NodeKey; field: 'attribution' | 'delegation' | 'label'; value: string };
  list?: { key: NodeKey; listType: string; format: NumberFormat | ''; role: ListRole; start: number };
  item?: { key: NodeKey; addressee: string; theme: string; value: number; explicit: boolean };
  table?: { key: NodeKey; role: string; canMerge: boolean; inCell: boolean };
}

function $snapshot(): Snapshot {
  const selection = $getSelection();
  const s: Snapshot = {};
  if ($isTableSelection(selection)) {
    const table = $findTableNode(selection.getNodes()[0]!);
    if (table) s.table = { key: table.getKey(), role: $getState(table, tableRoleState) ?? 'plain', canMerge: true, inCell: true };
    return s;
  }
  if (!$isRangeSelection(selection)) return s;
  const node: LexicalNode = selection.anchor.getNode();
  const attributed = $findMatchingParent(node, $isAttributed) as AttributedBlockNode | null;
  if (attributed) s.attributed = { key: attributed.getKey(), type: attributed.getType(), names: attributed.getNames() };
  const epi = $findMatchingParent(node, $isEpigraphNode);
  if (epi) s.text = { key: epi.getKey(), field: 'attribution', value: epi.getAttribution() };
  const del = $findMatchingParent(node, $isDelegationStatementNode);
  if (del) s.text = { key: del.getKey(), field: 'delegation', value: del.getDelegation() };
  const runIn = $findMatchingParent(node, $isRunInNode);
  if (runIn) s.text = { key: runIn.getKey(), field: 'label', value: runIn.getLabel() };
  const item = $findMatchingParent(node, $isListItemNode) as ListItemNode | null;
  const list = item?.getParent();
  if (item && $isListNode(list)) {
    s.list = { key: list.getKey(), listType: list.getListType(), format: $getState(list, numberFormatState) ?? '', role: $getState(list, listRoleState) ?? 'plain', start: list.getStart() };
    s.item = { key: item.getKey(), addressee: $getState(item, addresseeState) ?? '', theme: $getState(item, themeState) ?? '', value: item.getValue(), explicit: !!$getState(item, explicitValueState) };
  }
  const cell = $getTableCellNodeFromLexicalNode(node);
  const table = cell ? $findTableNode(cell) : null;
  if (table) s.table = { key: table.getKey(), role: $getState(table, tableRoleState) ?? 'plain', canMerge: false, inCell: true };
  return s;
}

/** The properties of the block under the caret: speakers, attribution, list format and numbering, table structure. */
export function BlockInspector() {
  const [editor] = useLexicalComposerContext();
  const { template } = useReport();
  const [snap, setSnap] = useState<Snapshot>({});
  const [picking, setPicking] = useState(false);

  useEffect(() => editor.registerUpdateListener(({ editorState }) => {
    const next = editorState.read($snapshot);
    setSnap((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }), [editor]);

  const upd = (fn: () => void) => editor.update(fn);
  const parts: React.ReactNode[] = [];

  if (snap.attributed) {
    const a = snap.attributed;
    parts.push(
      <span key="speakers" className="inspector-group">
        <span className="inspector-label">{a.type === 'presentation' ? 'Speaker(s)' : a.type === 'commentator' ? 'Commentator' : 'Moderator'}:</span>
        <span>{a.names.join('; ') || 'not set'}</span>
        <ToolButton label="Change speakers" onClick={() => setPicking(true)}>Change…</ToolButton>
      </span>,
    );
  }
  if (snap.text) {
    const t = snap.text;
    const label = t.field === 'attribution' ? 'Attribution' : t.field === 'delegation' ? 'Delegation of' : 'Label';
    parts.push(
      <label key={`text-${t.key}`} className="inspector-group">
        <span className="inspector-label">{label}</span>
        <input defaultValue={t.value} aria-label={label} onBlur={(e) => upd(() => {
          const n = $getNodeByKey(t.key);
          if ($isEpigraphNode(n)) n.setAttribution(e.target.value);
          if ($isDelegationStatementNode(n)) n.setDelegation(e.target.value);
          if ($isRunInNode(n)) n.setLabel(e.target.value);
        })} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
      </label>,
    );
  }
  if (snap.list) {
    const l = snap.list;
    const withList = (fn: (n: ListNode) => void) => upd(() => { const n = $getNodeByKey<ListNode>(l.key); if (n) fn(n); });
    parts.push(
      <span key={`list-${l.key}`} className="inspector-group">
        <select aria-label="List role" value={l.role} onChange={(e) => withList((n) => $setState(n, listRoleState, e.target.value as ListRole))}>
          {Object.entries(ROLE_LABEL).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
        {l.listType === 'number' && <>
          <select aria-label="Number format" value={l.format || 'decimal'} onChange={(e) => withList((n) => $setState(n, numberFormatState, e.target.value as NumberFormat))}>
            {NUMBER_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_LABEL(f)}</option>)}
          </select>
          <label className="inspector-label">Starts at
            <input type="number" min={0} className="narrow" aria-label="Start number" defaultValue={l.start} key={l.start}
              onBlur={(e) => { const v = Number(e.target.value); if (Number.isInteger(v) && v >= 0) withList((n) => n.setStart(v)); }} />
          </label>
          <ToolButton label="Restart here" title="Restart numbering here" onClick={() => upd(() => $restartAt(snap.item!.key))}>Restart here</ToolButton>
          {snap.item && (
            <label className="inspector-label" title="Give this item its own number (e.g. 38 after 25); the next items continue from it">This item
              <input type="number" min={0} className="narrow" aria-label="Number of this item" key={`${snap.item.key}-${snap.item.value}`}
                defaultValue={snap.item.value} onBlur={(e) => {
                  const v = Number(e.target.value);
                  if (!Number.isInteger(v) || v < 0 || v === snap.item!.value) return;
                  upd(() => {
                    const n = $getNodeByKey<ListItemNode>(snap.item!.key);
                    if (!n) return;
                    $setState(n, explicitValueState, true);
                    n.setValue(v);
                    n.getParent()?.markDirty();
                  });
                }} />
            </label>
          )}
        </>}
      </span>,
    );
    if (l.role === 'recommendations' && snap.item) {
      const it = snap.item;
      const setItem = (fn: (n: ListItemNode) => void) => upd(() => { const n = $getNodeByKey<ListItemNode>(it.key); if (n) fn(n); });
      parts.push(
        <span key={`item-${it.key}`} className="inspector-group">
          <input placeholder="Addressee(s)" aria-label="Addressee(s)" defaultValue={it.addressee}
            onBlur={(e) => setItem((n) => $setState(n, addresseeState, e.target.value || undefined))} />
          <input placeholder="Thematic area" aria-label="Thematic area" defaultValue={it.theme}
            onBlur={(e) => setItem((n) => $setState(n, themeState, e.target.value || undefined))} />
        </span>,
      );
    }
  }
  if (snap.table) {
    const t = snap.table;
    const row = (fn: () => void) => upd(fn);
    parts.push(
      <span key={`table-${t.key}`} className="inspector-group" aria-label="Table">
        <span className="inspector-label">{t.role === 'recommendations' ? 'Recommendations table' : 'Table'}</span>
        <ToolButton label="Add row below" onClick={() => row(() => { $insertTableRowAtSelection(true); })}>+ Row</ToolButton>
        <ToolButton label="Add column right" onClick={() => row(() => { $insertTableColumnAtSelection(true); })}>+ Column</ToolButton>
        <ToolButton label="Delete row" onClick={() => row(() => $deleteTableRowAtSelection())}>− Row</ToolButton>
        <ToolButton label="Delete column" onClick={() => row(() => $deleteTableColumnAtSelection())}>− Column</ToolButton>
        <ToolButton label="Move row up" onClick={() => row(() => $moveCurrentRow(-1))}>Row ↑</ToolButton>
        <ToolButton label="Move row down" onClick={() => row(() => $moveCurrentRow(1))}>Row ↓</ToolButton>
        <ToolButton label="Header row" title="Make the first row a header row, or a plain row" onClick={() => row(() => {
          const table = $getNodeByKey(t.key);
          if (!$isTableNode(table)) return;
          const first = table.getFirstChild();
          const isHeader = $isTableRowNode(first) && first.getChildren().every((c) => $isTableCellNode(c) && c.hasHeaderState(TableCellHeaderStates.ROW));
          $setTableRowIsHeader(table, 0, !isHeader);
        })}>Header row</ToolButton>
        <ToolButton label="Merge cells" disabled={!t.canMerge} title="Select cells by dragging across them, then merge" onClick={() => row(() => {
          const sel = $getSelection();
          if ($isTableSelection(sel)) $mergeCells(sel.getNodes().filter($isTableCellNode) as TableCellNode[]);
        })}>Merge</ToolButton>
        <ToolButton label="Split cell" onClick={() => row(() => $unmergeCell())}>Split</ToolButton>
      </span>,
    );
  }

  return (
    <div className="inspector" aria-label="Properties of the current element">
      {parts.length ? parts : <span className="muted small">Place the caret in an element to see its properties.</span>}
      {picking && snap.attributed && (
        <SpeakerDialog title="Speakers" withPaperTitle={false} onCancel={() => setPicking(false)} onDone={(speakers) => {
          setPicking(false);
          const { names } = attributionFor(speakers, template?.attribution ?? 'none');
          upd(() => $getNodeByKey<AttributedBlockNode>(snap.attributed!.key)?.setSpeakers(speakers.map((s) => s.id), names));
        }} />
      )}
    </div>
  );
}

/** Splits the list before this item: the item starts a new block numbered from 1. */
function $restartAt(itemKey: NodeKey) {
  const item = $getNodeByKey<ListItemNode>(itemKey);
  const list = item?.getParent();
  if (!item || !$isListNode(list)) return;
  const rest = [item, ...item.getNextSiblings()];
  const fresh = $createListNode(list.getListType(), 1);
  for (const cfg of [numberFormatState, listRoleState] as const) {
    const v = $getState(list, cfg as typeof numberFormatState);
    if (v) $setState(fresh, cfg as typeof numberFormatState, v);
  }
  list.insertAfter(fresh);
  fresh.append(...rest);
  if (list.isEmpty()) list.remove();
}

function $moveCurrentRow(delta: number) {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const cell = $getTableCellNodeFromLexicalNode(selection.anchor.getNode());
  const table = cell ? $findTableNode(cell) : null;
  if (!cell || !table) return;
  const from = $getTableRowIndexFromTableCellNode(cell);
  const to = from + delta;
  // The header row stays on top.
  if (to < 1 || to >= table.getChildrenSize()) return;
  $moveTableRow(table, from, to);
}
