import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import { $createListNode, $isListItemNode, $isListNode, type ListItemNode, type ListNode } from '@lexical/list';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $getTableCellNodeFromLexicalNode,
  $getTableRowIndexFromTableCellNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  $isTableSelection,
  $mergeCells,
  $moveTableRow,
  $setTableRowIsHeader,
  $unmergeCell,
  TableCellHeaderStates,
  type TableCellNode,
} from '@lexical/table';
import {
  $getNodeByKey,
  $getSelection,
  $getState,
  $isRangeSelection,
  $setState,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { listLabel, type NumberFormat } from '../../../../shared/elements/number-formats';
import type { ListRole } from '../../../../shared/model/doc-nodes';
import { attributionFor } from '../attribution';
import { $isAttributed, type AttributedBlockNode } from '../nodes/AttributedBlockNode';
import { $isDelegationStatementNode } from '../nodes/DelegationStatementNode';
import { $isEpigraphNode } from '../nodes/EpigraphNode';
import { $isRunInNode } from '../nodes/RunInNode';
import {
  addresseeState,
  explicitValueState,
  listRoleState,
  NUMBER_FORMATS,
  numberFormatState,
  tableRoleState,
  themeState,
} from '../nodes/state';
import { useReport } from '../ReportContext';
import { SpeakerDialog } from '../ui/SpeakerDialog';
import { ToolButton } from './ToolButton';
import { useT } from '../../i18n';

/** Each format shown by its first label, as the export prints it. */
const FORMAT_LABEL = (f: NumberFormat): string => listLabel(1, f);
const LIST_ROLES = ['plain', 'highlights', 'recommendations', 'conclusions'] as const satisfies readonly ListRole[];

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
    if (table)
      s.table = {
        key: table.getKey(),
        role: $getState(table, tableRoleState) ?? 'plain',
        canMerge: true,
        inCell: true,
      };
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
    s.list = {
      key: list.getKey(),
      listType: list.getListType(),
      format: $getState(list, numberFormatState) ?? '',
      role: $getState(list, listRoleState) ?? 'plain',
      start: list.getStart(),
    };
    s.item = {
      key: item.getKey(),
      addressee: $getState(item, addresseeState) ?? '',
      theme: $getState(item, themeState) ?? '',
      value: item.getValue(),
      explicit: !!$getState(item, explicitValueState),
    };
  }
  const cell = $getTableCellNodeFromLexicalNode(node);
  const table = cell ? $findTableNode(cell) : null;
  if (table)
    s.table = { key: table.getKey(), role: $getState(table, tableRoleState) ?? 'plain', canMerge: false, inCell: true };
  return s;
}

/** The properties of the block under the caret: speakers, attribution, list format and numbering, table structure. */
export function BlockInspector() {
  const { t: tr } = useT();
  const [editor] = useLexicalComposerContext();
  const { template } = useReport();
  const [snap, setSnap] = useState<Snapshot>({});
  const [picking, setPicking] = useState(false);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read($snapshot);
        setSnap((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      }),
    [editor],
  );

  const upd = (fn: () => void) => editor.update(fn);
  const parts: React.ReactNode[] = [];

  if (snap.attributed) {
    const a = snap.attributed;
    parts.push(
      <span key="speakers" className="inspector-group">
        <span className="inspector-label">
          {a.type === 'presentation'
            ? tr('editor:inspector.speakers')
            : a.type === 'commentator'
              ? tr('editor:inspector.commentator')
              : tr('editor:inspector.moderator')}
        </span>
        <span>{a.names.join('; ') || tr('editor:inspector.notSet')}</span>
        <ToolButton label={tr('editor:inspector.changeSpeakers')} onClick={() => setPicking(true)}>
          {tr('editor:inspector.change')}
        </ToolButton>
      </span>,
    );
  }
  if (snap.text) {
    const t = snap.text;
    const label =
      t.field === 'attribution'
        ? tr('editor:inspector.attribution')
        : t.field === 'delegation'
          ? tr('editor:inspector.delegation')
          : tr('editor:inspector.textLabel');
    parts.push(
      <label key={`text-${t.key}`} className="inspector-group">
        <span className="inspector-label">{label}</span>
        <input
          defaultValue={t.value}
          aria-label={label}
          onBlur={(e) =>
            upd(() => {
              const n = $getNodeByKey(t.key);
              if ($isEpigraphNode(n)) n.setAttribution(e.target.value);
              if ($isDelegationStatementNode(n)) n.setDelegation(e.target.value);
              if ($isRunInNode(n)) n.setLabel(e.target.value);
            })
          }
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </label>,
    );
  }
  if (snap.list) {
    const l = snap.list;
    const withList = (fn: (n: ListNode) => void) =>
      upd(() => {
        const n = $getNodeByKey<ListNode>(l.key);
        if (n) fn(n);
      });
    parts.push(
      <span key={`list-${l.key}`} className="inspector-group">
        <select
          aria-label={tr('editor:inspector.listRole')}
          value={l.role}
          onChange={(e) => withList((n) => $setState(n, listRoleState, e.target.value as ListRole))}
        >
          {LIST_ROLES.map((v) => (
            <option key={v} value={v}>
              {tr(`editor:inspector.role.${v}`)}
            </option>
          ))}
        </select>
        {l.listType === 'number' && (
          <>
            <select
              aria-label={tr('editor:inspector.numberFormat')}
              value={l.format || 'decimal'}
              onChange={(e) => withList((n) => $setState(n, numberFormatState, e.target.value as NumberFormat))}
            >
              {NUMBER_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABEL(f)}
                </option>
              ))}
            </select>
            <label className="inspector-label">
              {tr('editor:inspector.startsAt')}
              <input
                type="number"
                min={0}
                className="narrow"
                aria-label={tr('editor:inspector.startNumber')}
                defaultValue={l.start}
                key={l.start}
                onBlur={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isInteger(v) && v >= 0) withList((n) => n.setStart(v));
                }}
              />
            </label>
            <ToolButton
              label={tr('editor:inspector.restart')}
              title={tr('editor:inspector.restartTitle')}
              onClick={() => upd(() => $restartAt(snap.item!.key))}
            >
              {tr('editor:inspector.restart')}
            </ToolButton>
            {snap.item && (
              <label className="inspector-label" title={tr('editor:inspector.thisItemTitle')}>
                {tr('editor:inspector.thisItem')}
                <input
                  type="number"
                  min={0}
                  className="narrow"
                  aria-label={tr('editor:inspector.itemNumber')}
                  key={`${snap.item.key}-${snap.item.value}`}
                  defaultValue={snap.item.value}
                  onBlur={(e) => {
                    const v = Number(e.target.value);
                    if (!Number.isInteger(v) || v < 0 || v === snap.item!.value) return;
                    upd(() => {
                      const n = $getNodeByKey<ListItemNode>(snap.item!.key);
                      if (!n) return;
                      $setState(n, explicitValueState, true);
                      n.setValue(v);
                      n.getParent()?.markDirty();
                    });
                  }}
                />
              </label>
            )}
          </>
        )}
      </span>,
    );
    if (l.role === 'recommendations' && snap.item) {
      const it = snap.item;
      const setItem = (fn: (n: ListItemNode) => void) =>
        upd(() => {
          const n = $getNodeByKey<ListItemNode>(it.key);
          if (n) fn(n);
        });
      parts.push(
        <span key={`item-${it.key}`} className="inspector-group">
          <input
            placeholder={tr('editor:inspector.addressee')}
            aria-label={tr('editor:inspector.addressee')}
            defaultValue={it.addressee}
            onBlur={(e) => setItem((n) => $setState(n, addresseeState, e.target.value || undefined))}
          />
          <input
            placeholder={tr('editor:inspector.theme')}
            aria-label={tr('editor:inspector.theme')}
            defaultValue={it.theme}
            onBlur={(e) => setItem((n) => $setState(n, themeState, e.target.value || undefined))}
          />
        </span>,
      );
    }
  }
  if (snap.table) {
    const t = snap.table;
    const row = (fn: () => void) => upd(fn);
    parts.push(
      <span key={`table-${t.key}`} className="inspector-group" aria-label={tr('editor:inspector.table')}>
        <span className="inspector-label">
          {t.role === 'recommendations' ? tr('editor:inspector.recommendationsTable') : tr('editor:inspector.table')}
        </span>
        <ToolButton
          label={tr('editor:inspector.addRow')}
          onClick={() =>
            row(() => {
              $insertTableRowAtSelection(true);
            })
          }
        >
          {tr('editor:inspector.addRowButton')}
        </ToolButton>
        <ToolButton
          label={tr('editor:inspector.addColumn')}
          onClick={() =>
            row(() => {
              $insertTableColumnAtSelection(true);
            })
          }
        >
          {tr('editor:inspector.addColumnButton')}
        </ToolButton>
        <ToolButton label={tr('editor:inspector.deleteRow')} onClick={() => row(() => $deleteTableRowAtSelection())}>
          {tr('editor:inspector.deleteRowButton')}
        </ToolButton>
        <ToolButton
          label={tr('editor:inspector.deleteColumn')}
          onClick={() => row(() => $deleteTableColumnAtSelection())}
        >
          {tr('editor:inspector.deleteColumnButton')}
        </ToolButton>
        <ToolButton label={tr('editor:inspector.rowUp')} onClick={() => row(() => $moveCurrentRow(-1))}>
          {tr('editor:inspector.rowUpButton')}
        </ToolButton>
        <ToolButton label={tr('editor:inspector.rowDown')} onClick={() => row(() => $moveCurrentRow(1))}>
          {tr('editor:inspector.rowDownButton')}
        </ToolButton>
        <ToolButton
          label={tr('editor:inspector.headerRow')}
          title={tr('editor:inspector.headerRowTitle')}
          onClick={() =>
            row(() => {
              const table = $getNodeByKey(t.key);
              if (!$isTableNode(table)) return;
              const first = table.getFirstChild();
              const isHeader =
                $isTableRowNode(first) &&
                first.getChildren().every((c) => $isTableCellNode(c) && c.hasHeaderState(TableCellHeaderStates.ROW));
              $setTableRowIsHeader(table, 0, !isHeader);
            })
          }
        >
          {tr('editor:inspector.headerRow')}
        </ToolButton>
        <ToolButton
          label={tr('editor:inspector.merge')}
          disabled={!t.canMerge}
          title={tr('editor:inspector.mergeTitle')}
          onClick={() =>
            row(() => {
              const sel = $getSelection();
              if ($isTableSelection(sel)) $mergeCells(sel.getNodes().filter($isTableCellNode) as TableCellNode[]);
            })
          }
        >
          {tr('editor:inspector.mergeButton')}
        </ToolButton>
        <ToolButton label={tr('editor:inspector.split')} onClick={() => row(() => $unmergeCell())}>
          {tr('editor:inspector.splitButton')}
        </ToolButton>
      </span>,
    );
  }

  return (
    <div className="inspector" aria-label={tr('editor:inspector.label')}>
      {parts.length ? parts : <span className="muted small">{tr('editor:inspector.empty')}</span>}
      {picking && snap.attributed && (
        <SpeakerDialog
          title={tr('editor:inspector.speakersDialog')}
          withPaperTitle={false}
          onCancel={() => setPicking(false)}
          onDone={(speakers) => {
            setPicking(false);
            const { names } = attributionFor(speakers, template?.attribution ?? 'none');
            upd(() =>
              $getNodeByKey<AttributedBlockNode>(snap.attributed!.key)?.setSpeakers(
                speakers.map((s) => s.id),
                names,
              ),
            );
          }}
        />
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
