import { useEffect, useRef, useState } from 'react';
import { useDismiss } from '../../dialogs/use-dismiss';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import type { ElementKind } from '../../../../shared/templates/schema';
import {
  ASK_SPEAKERS_COMMAND, type AttributedKind, INSERT_ATTRIBUTED_COMMAND, INSERT_RECOMMENDATIONS_TABLE_COMMAND, INSERT_REPORT_LIST_COMMAND,
  INSERT_SIMPLE_BLOCK_COMMAND, INSERT_PERSON_COMMAND,
} from '../commands';
import { useReport } from '../ReportContext';
import { SpeakerDialog } from '../ui/SpeakerDialog';
import { ToolButton } from './ToolButton';
import { ariaKeys, isMac } from './platform';
import { displayKeys, shortcutKeys, type ShortcutId } from '../../../../shared/contract/shortcuts';

/** The item's keys beside its label, as in a desktop menu. */
const keysOf = (i: Item) => (i.shortcut ? <kbd className="menu-keys">{displayKeys(shortcutKeys(i.shortcut), isMac)}</kbd> : null);

export const DEFAULT_RECOMMENDATION_COLUMNS = ['No.', 'Recommendation', 'Addressee(s)', 'Thematic area'];

interface Item { label: string; kind: ElementKind | 'person'; run(): void; shortcut?: ShortcutId }

/** The report's own elements; those the template expects in this section come first. */
export function InsertMenu() {
  const [editor] = useLexicalComposerContext();
  const { template, section } = useReport();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useDismiss(box, open, () => setOpen(false));
  const [asking, setAsking] = useState<AttributedKind | 'person' | null>(null);
  useEffect(() => editor.registerCommand(ASK_SPEAKERS_COMMAND, (kind) => { setAsking(kind); return true; }, COMMAND_PRIORITY_EDITOR), [editor]);

  const items: Item[] = [
    { label: 'Presentation summary…', kind: 'presentation', run: () => setAsking('presentation'), shortcut: 'presentation' },
    { label: 'Commentator remarks…', kind: 'commentator', run: () => setAsking('commentator') },
    { label: 'Moderator line…', kind: 'moderator', run: () => setAsking('moderator') },
    { label: 'Highlights list', kind: 'highlights', run: () => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'bullet', role: 'highlights' }), shortcut: 'highlights' },
    { label: 'Recommendations (numbered)', kind: 'recommendations', run: () => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'number', role: 'recommendations' }), shortcut: 'recommendations' },
    { label: 'Recommendations table', kind: 'recommendations-table', run: () => editor.dispatchCommand(INSERT_RECOMMENDATIONS_TABLE_COMMAND, { columns: template?.recommendationColumns ?? DEFAULT_RECOMMENDATION_COLUMNS }) },
    { label: 'Conclusions (numbered)', kind: 'conclusions', run: () => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'number', role: 'conclusions', numberFormat: 'decimal' }) },
    { label: 'Run-in label', kind: 'run-in', run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'run-in', value: 'Recommendations:' }) },
    { label: 'Epigraph', kind: 'epigraph', run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'epigraph' }) },
    { label: 'Delegation statement', kind: 'delegation-statement', run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'delegation-statement' }) },
    { label: 'Table', kind: 'table', run: () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } }) },
    { label: 'Figure', kind: 'figure', run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'figure' }) },
    { label: 'Page break', kind: 'page-break', run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'page-break' }) },
    { label: 'Person from the registry…', kind: 'person', run: () => setAsking('person') },
  ];
  const allowed = new Set<string>(section?.allows ?? []);
  const suggested = section ? items.filter((i) => allowed.has(i.kind)) : items;
  const others = section ? items.filter((i) => !allowed.has(i.kind)) : [];

  const pick = (item: Item) => { setOpen(false); item.run(); };

  return (
    <span className="insert-menu" ref={box}>
      <ToolButton label="Insert" title="Insert a report element" active={open} onClick={() => setOpen(!open)}>Insert ▾</ToolButton>
      {open && (
        <div className="insert-panel" role="menu" aria-label="Insert a report element">
          {suggested.map((i) => <button key={i.label} type="button" role="menuitem" aria-keyshortcuts={i.shortcut && ariaKeys(i.shortcut)} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(i)}>{i.label}{keysOf(i)}</button>)}
          {others.length > 0 && <div className="insert-others-label">Not usual in this section</div>}
          {others.map((i) => <button key={i.label} type="button" role="menuitem" className="not-suggested" aria-keyshortcuts={i.shortcut && ariaKeys(i.shortcut)} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(i)}>{i.label}{keysOf(i)}</button>)}
        </div>
      )}
      {asking && (
        <SpeakerDialog
          title={asking === 'presentation' ? 'Presentation summary' : asking === 'commentator' ? 'Commentator remarks' : asking === 'moderator' ? 'Moderator' : 'Person from the registry'}
          withPaperTitle={asking === 'presentation'}
          onCancel={() => { setAsking(null); editor.focus(); }}
          onDone={(speakers, paperTitle) => {
            const kind = asking;
            setAsking(null);
            editor.focus();
            if (kind === 'person') { for (const p of speakers) editor.dispatchCommand(INSERT_PERSON_COMMAND, p); }
            else editor.dispatchCommand(INSERT_ATTRIBUTED_COMMAND, { kind, speakers, title: paperTitle || undefined });
          }} />
      )}
    </span>
  );
}
