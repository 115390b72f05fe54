import { useEffect, useRef, useState } from 'react';
import { useDismiss } from '../../dialogs/use-dismiss';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import type { ElementKind } from '../../../../shared/templates/schema';
import {
  ASK_SPEAKERS_COMMAND,
  type AttributedKind,
  INSERT_ATTRIBUTED_COMMAND,
  INSERT_RECOMMENDATIONS_TABLE_COMMAND,
  INSERT_REPORT_LIST_COMMAND,
  INSERT_SIMPLE_BLOCK_COMMAND,
  INSERT_PERSON_COMMAND,
} from '../commands';
import { useReport } from '../ReportContext';
import { SpeakerDialog } from '../ui/SpeakerDialog';
import { ToolButton } from './ToolButton';
import { ariaKeys, isMac } from './platform';
import { displayKeys, shortcutKeys, type ShortcutId } from '../../../../shared/contract/shortcuts';
import { useT } from '../../i18n';

/** The item's keys beside its label, as in a desktop menu. */
const keysOf = (i: Item) =>
  i.shortcut ? <kbd className="menu-keys">{displayKeys(shortcutKeys(i.shortcut), isMac)}</kbd> : null;

export const DEFAULT_RECOMMENDATION_COLUMNS = ['No.', 'Recommendation', 'Addressee(s)', 'Thematic area'];

interface Item {
  label: string;
  kind: ElementKind | 'person';
  run(): void;
  shortcut?: ShortcutId;
}

/** The report's own elements; those the template expects in this section come first. */
export function InsertMenu() {
  const { t } = useT();
  const [editor] = useLexicalComposerContext();
  const { template, section } = useReport();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useDismiss(box, open, () => setOpen(false));
  const [asking, setAsking] = useState<AttributedKind | 'person' | null>(null);
  useEffect(
    () =>
      editor.registerCommand(
        ASK_SPEAKERS_COMMAND,
        (kind) => {
          setAsking(kind);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  const items: Item[] = [
    {
      label: t('editor:insert.item.presentation'),
      kind: 'presentation',
      run: () => setAsking('presentation'),
      shortcut: 'presentation',
    },
    { label: t('editor:insert.item.commentator'), kind: 'commentator', run: () => setAsking('commentator') },
    { label: t('editor:insert.item.moderator'), kind: 'moderator', run: () => setAsking('moderator') },
    {
      label: t('editor:insert.item.highlights'),
      kind: 'highlights',
      run: () => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'bullet', role: 'highlights' }),
      shortcut: 'highlights',
    },
    {
      label: t('editor:insert.item.recommendations'),
      kind: 'recommendations',
      run: () => editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, { listType: 'number', role: 'recommendations' }),
      shortcut: 'recommendations',
    },
    {
      label: t('editor:insert.item.recommendations-table'),
      kind: 'recommendations-table',
      run: () =>
        editor.dispatchCommand(INSERT_RECOMMENDATIONS_TABLE_COMMAND, {
          columns: template?.recommendationColumns ?? DEFAULT_RECOMMENDATION_COLUMNS,
        }),
    },
    {
      label: t('editor:insert.item.conclusions'),
      kind: 'conclusions',
      run: () =>
        editor.dispatchCommand(INSERT_REPORT_LIST_COMMAND, {
          listType: 'number',
          role: 'conclusions',
          numberFormat: 'decimal',
        }),
    },
    {
      label: t('editor:insert.item.run-in'),
      kind: 'run-in',
      run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'run-in', value: 'Recommendations:' }),
    },
    {
      label: t('editor:insert.item.epigraph'),
      kind: 'epigraph',
      run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'epigraph' }),
    },
    {
      label: t('editor:insert.item.delegation-statement'),
      kind: 'delegation-statement',
      run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'delegation-statement' }),
    },
    {
      label: t('editor:insert.item.table'),
      kind: 'table',
      run: () =>
        editor.dispatchCommand(INSERT_TABLE_COMMAND, {
          rows: '3',
          columns: '3',
          includeHeaders: { rows: true, columns: false },
        }),
    },
    {
      label: t('editor:insert.item.figure'),
      kind: 'figure',
      run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'figure' }),
    },
    {
      label: t('editor:insert.item.page-break'),
      kind: 'page-break',
      run: () => editor.dispatchCommand(INSERT_SIMPLE_BLOCK_COMMAND, { kind: 'page-break' }),
    },
    { label: t('editor:insert.item.person'), kind: 'person', run: () => setAsking('person') },
  ];
  const allowed = new Set<string>(section?.allows ?? []);
  const suggested = section ? items.filter((i) => allowed.has(i.kind)) : items;
  const others = section ? items.filter((i) => !allowed.has(i.kind)) : [];

  const pick = (item: Item) => {
    setOpen(false);
    item.run();
  };

  return (
    <span className="insert-menu" ref={box}>
      <ToolButton
        label={t('editor:insert.label')}
        title={t('editor:insert.title')}
        active={open}
        onClick={() => setOpen(!open)}
      >
        {t('editor:insert.button')}
      </ToolButton>
      {open && (
        <div className="insert-panel" role="menu" aria-label={t('editor:insert.title')}>
          {suggested.map((i) => (
            <button
              key={i.label}
              type="button"
              role="menuitem"
              aria-keyshortcuts={i.shortcut && ariaKeys(i.shortcut)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              {i.label}
              {keysOf(i)}
            </button>
          ))}
          {others.length > 0 && <div className="insert-others-label">{t('editor:insert.notUsual')}</div>}
          {others.map((i) => (
            <button
              key={i.label}
              type="button"
              role="menuitem"
              className="not-suggested"
              aria-keyshortcuts={i.shortcut && ariaKeys(i.shortcut)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              {i.label}
              {keysOf(i)}
            </button>
          ))}
        </div>
      )}
      {asking && (
        <SpeakerDialog
          title={t(`editor:insert.dialog.${asking}`)}
          withPaperTitle={asking === 'presentation'}
          onCancel={() => {
            setAsking(null);
            editor.focus();
          }}
          onDone={(speakers, paperTitle) => {
            const kind = asking;
            setAsking(null);
            editor.focus();
            if (kind === 'person') {
              for (const p of speakers) editor.dispatchCommand(INSERT_PERSON_COMMAND, p);
            } else
              editor.dispatchCommand(INSERT_ATTRIBUTED_COMMAND, { kind, speakers, title: paperTitle || undefined });
          }}
        />
      )}
    </span>
  );
}
